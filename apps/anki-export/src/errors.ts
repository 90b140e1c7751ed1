import { QuizdeckError } from '@quizdeck/core';

/** The export cannot go on (an image is missing, two banks share an id, …). */
export class AnkiExportError extends QuizdeckError {}
