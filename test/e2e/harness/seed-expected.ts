// What the seed page must show, in any browser: the claims of seed.expected.json,
// each marked right after its own sentence.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { MarkerInfo } from './pages';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export interface Expected {
  sentence: string;
  claim: string;
  stance: string;
}

export const SEED_EXPECTED = JSON.parse(readFileSync(resolve(FIXTURES, 'seed.expected.json'), 'utf8')) as Expected[];

const sorted = (xs: string[]): string[] => [...xs].sort();

/** Asserts the seed page's markers: exactly the expected claims and stances, each after its sentence. */
export function expectSeedMarkers(found: readonly MarkerInfo[]): void {
  const asserted = found.filter((m) => m.stance === 'asserted');
  const expectedAsserted = SEED_EXPECTED.filter((e) => e.stance === 'asserted');
  expect(sorted(asserted.map((m) => m.claim))).toEqual(sorted(expectedAsserted.map((e) => e.claim)));

  // Hedged and negated claims are marked too, quietly, and never as asserted.
  const quiet = found.filter((m) => m.stance !== 'asserted');
  const expectedQuiet = SEED_EXPECTED.filter((e) => e.stance !== 'asserted');
  expect(sorted(quiet.map((m) => `${m.claim}/${m.stance}`))).toEqual(sorted(expectedQuiet.map((e) => `${e.claim}/${e.stance}`)));

  // Each marker sits after its sentence: the text just before it holds the sentence.
  for (const e of SEED_EXPECTED) {
    const here = found.filter((m) => m.claim === e.claim && m.stance === e.stance && m.before.includes(e.sentence));
    expect(here.length, `${e.claim} after "${e.sentence}"`).toBeGreaterThan(0);
  }
}
