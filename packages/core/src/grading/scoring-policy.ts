import { z } from 'zod';

/**
 * How a set of picks is scored. `exact`: all or nothing (the picked set must equal the key).
 * `partial`: (right picks − wrong picks) / number of keys, never below 0.
 */
export const ScoringPolicySchema = z.enum(['exact', 'partial']);
export type ScoringPolicy = z.infer<typeof ScoringPolicySchema>;
