import { QuizdeckError } from '../model/errors';

/** A shape spec or quantity that cannot be computed (bad sizes, options that do not fit the cell). */
export class ShapeSpecError extends QuizdeckError {
  constructor(message: string, options?: ErrorOptions) {
    super('SHAPE_SPEC_INVALID', message, options);
  }
}
