// The reports a pass gives its claims: the last pass's where the claim is the same,
// found without a map of every claim's key when a change added or took a few.
import { describe, expect, it, vi } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import { claimReport } from '../../src/core/scan';
import type { ClaimMatch, TextBlock } from '../../src/core/types';

const keys = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/content/render', async (original) => {
  const actual = await original<typeof import('../../src/content/render')>();
  return {
    ...actual,
    claimKey: (...args: Parameters<typeof actual.claimKey>) => {
      keys.calls++;
      return actual.claimKey(...args);
    },
  };
});
const { claimReports } = await import('../../src/content/claim-reports');

const WORDINGS = ['improves memory', 'reduces anxiety', 'helps you sleep', 'crosses the blood-brain barrier'];
/** One claim, its sentence (the quote) of its own. */
const block = (i: number): TextBlock => ({ text: `Magtein ${WORDINGS[i % WORDINGS.length]}, says post ${i}.`, tag: 'p', headingLevel: 0, region: 'main' });
const claimsOf = (blocks: TextBlock[]): ClaimMatch[] => detectClaims(blocks, { title: 'Magnesium L-threonate' });

describe('claimReports', () => {
  const blocks = Array.from({ length: 1_000 }, (_, i) => block(i));
  const before = claimsOf(blocks);
  const previous = before.map(claimReport);

  it('a few claims added or taken away: the others keep their reports, the new ones get theirs, and no key is made', () => {
    expect(before.length).toBe(1_000);
    const cases: Array<[string, TextBlock[]]> = [
      ['two claims added mid-page', [...blocks.slice(0, 500), block(5_000), block(5_001), ...blocks.slice(500)]],
      ['twelve added', [...blocks.slice(0, 500), ...Array.from({ length: 12 }, (_, k) => block(6_000 + k)), ...blocks.slice(500)]],
      ['three taken away', [...blocks.slice(0, 300), ...blocks.slice(303)]],
      ['one added at the start, one taken at the end', [block(7_000), ...blocks.slice(0, -1)]],
    ];
    for (const [name, next] of cases) {
      const matches = claimsOf(next);
      keys.calls = 0;
      const got = claimReports(matches, previous);
      expect(got, name).toEqual(matches.map(claimReport));
      // Kept reports are the same objects: nothing is made again for them.
      const reused = got.filter((r) => previous.includes(r)).length;
      expect(reused, name).toBe(matches.filter((m) => before.some((b) => b.quote === m.quote)).length);
      expect(keys.calls, `${name}: keys made`).toBe(0);
    }
  });

  it('a change that moves claims far: a map of the keys finds them', () => {
    const next = [...blocks.slice(500), ...blocks.slice(0, 500)];
    const matches = claimsOf(next);
    keys.calls = 0;
    const got = claimReports(matches, previous);
    expect(got).toEqual(matches.map(claimReport));
    // (Found by key: the first half; past the last report, the rest are made again.)
    expect(got.slice(0, 500).every((r) => previous.includes(r))).toBe(true);
    expect(keys.calls).toBeGreaterThan(0);
  });
});
