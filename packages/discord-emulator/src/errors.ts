import { QuizdeckError } from '@quizdeck/core';

/** Misuse of the scenario API (unknown ids, a wait that timed out, ...). */
export class EmulatorError extends QuizdeckError {}
