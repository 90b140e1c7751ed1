import { z } from 'zod';

/** What an id may be: the schema and the fast bank check both read these. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
export const SLUG_MAX = 120;

export const SlugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'an id is lowercase letters, digits, ".", "_" or "-"')
  .max(SLUG_MAX);
