import { z } from 'zod';
import { SlugSchema } from './slug';

/** A case-study passage that a group of questions builds on. */
export const ContextSchema = z.object({
  id: SlugSchema,
  title: z.string().optional(),
  body: z.string().min(1).describe('Markdown'),
  notes: z.string().optional().describe('Worked derivations that follow the passage (Markdown)'),
  continues: SlugSchema.optional().describe('Id of an earlier context whose scenario this extends'),
});
export type Context = z.infer<typeof ContextSchema>;
