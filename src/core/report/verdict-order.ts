import type { Verdict } from '../types';

/** The order readers see verdicts in: what most needs correcting first. */
export const VERDICT_ORDER: readonly Verdict[] = [
  'inaccurate',
  'overstated',
  'animal-only',
  'limited',
  'not-evaluable',
  'accurate',
  'supported',
];
