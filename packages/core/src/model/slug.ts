import { z } from 'zod';

export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'an id is lowercase letters, digits, ".", "_" or "-"')
  .max(120);
