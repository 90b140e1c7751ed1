import { z } from 'zod';

/** Option keys are capital letters, in order: A, B, C, … */
export const OPTION_KEY_PATTERN = /^[A-Z]$/;

export const OptionKeySchema = z
  .string()
  .regex(OPTION_KEY_PATTERN, 'an option key is one capital letter, A to Z')
  .describe('Option letter as printed, A..Z');
export type OptionKey = z.infer<typeof OptionKeySchema>;

export const OptionSchema = z.object({
  key: OptionKeySchema,
  text: z.string().min(1, 'an option needs text').describe('Markdown with $…$ TeX'),
  pinned: z
    .boolean()
    .optional()
    .describe('Stays last when options are shuffled (e.g. "All of the above")'),
});
export type Option = z.infer<typeof OptionSchema>;
