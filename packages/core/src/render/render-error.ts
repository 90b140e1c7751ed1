import { QuizdeckError } from '../model/errors';

/** Text a renderer cannot render (TeX nested past the limit): never a stack overflow. */
export class RenderError extends QuizdeckError {}
