import { z } from 'zod';

/** Where rendered text goes: a Discord message or embed, an Anki card (HTML), a terminal. */
export const RenderTargetSchema = z.enum(['discord', 'html', 'text']);
export type RenderTarget = z.infer<typeof RenderTargetSchema>;
