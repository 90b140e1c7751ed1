import { z } from 'zod';

// Placeholder owned by the shape-math work (issue 3): replaced by the real spec + quantity schema.
export const CheckSchema = z.looseObject({ quantity: z.string() });
export type Check = z.infer<typeof CheckSchema>;
