import { z } from 'zod';
import { CheckSchema } from '../rnn/check-schema';
import { NoteSchema } from './note';
import { OptionKeySchema, OptionSchema } from './option';
import { SlugSchema } from './slug';

export const QuestionSchema = z.object({
  id: SlugSchema.describe('Stable slug, unique in the bank'),
  number: z.string().optional().describe('Number as printed in the source'),
  context: SlugSchema.optional().describe('Id of the context this question builds on'),
  prompt: z.string().min(1).describe('Markdown with $…$ TeX'),
  options: z.array(OptionSchema).min(2, 'a question needs at least two options'),
  answer: z.array(OptionKeySchema).min(1, 'a question needs a key'),
  multiple: z.boolean().describe('True when more than one key, or the prompt says select all'),
  explanation: z.string().optional(),
  notes: z.array(NoteSchema).default([]),
  tags: z.array(z.string().min(1)).default([]),
  check: CheckSchema.optional().describe('Shape-math check of the key'),
});
export type Question = z.infer<typeof QuestionSchema>;
/** What authors may write: defaults filled in by parsing. */
export type QuestionInput = z.input<typeof QuestionSchema>;
