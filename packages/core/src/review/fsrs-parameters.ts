import { type FSRSParameters, generatorParameters } from 'ts-fsrs';

/**
 * quizdeck's FSRS settings: ts-fsrs's defaults (FSRS-6 weights, 90 % requested retention, 100-year
 * cap) with two choices of ours.
 * - No short-term steps: a member reviews in Discord once in a while, not in a sitting, so every
 *   interval is whole days (a miss is due the next day, not in a minute).
 * - No fuzz: the date a review gives depends on nothing but the card, the rating and the time, so
 *   a restart, a replay or a test gets the same date.
 */
export const FSRS_PARAMETERS: Readonly<FSRSParameters> = Object.freeze(
  generatorParameters({ enable_fuzz: false, enable_short_term: false }),
);
