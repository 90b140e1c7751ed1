import { QuizdeckError } from '@quizdeck/core';

/** The command line itself is wrong (an unknown flag, a missing value): exit code 2. */
export class UsageError extends QuizdeckError {
  constructor(message: string) {
    super('USAGE', message);
  }
}
