import { z } from 'zod';

export const NoteKindSchema = z.enum(['dispute', 'comment']);
export type NoteKind = z.infer<typeof NoteKindSchema>;

/** A reader's remark kept with a question: a dispute argues with the key or the question. */
export const NoteSchema = z.object({
  kind: NoteKindSchema,
  text: z.string().min(1),
});
export type Note = z.infer<typeof NoteSchema>;
