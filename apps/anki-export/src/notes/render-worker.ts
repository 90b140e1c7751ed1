import { parentPort, workerData } from 'node:worker_threads';
import { noteFields } from './build-note';
import type { RenderJob } from './render-fields';

const { bank, shuffle } = workerData as RenderJob;
parentPort?.postMessage(bank.questions.map((q) => noteFields(bank, q, { shuffle })));
