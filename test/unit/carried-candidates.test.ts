import { describe, expect, it } from 'vitest';
import { carriedCandidates } from '../../src/core/claims/carried-candidates';
import { detectClaims } from '../../src/core/claims/detect';
import { candidateOffsets } from '../../src/core/claims/prefilter';
import type { TextBlock } from '../../src/core/types';

// A plain-text log in one <pre>: claims, names of forms and "it" far apart.
const LINES = [
  'The shop opened at nine and the weather was mild. ',
  'Magtein is magnesium L-threonate. ',
  'It crosses the blood-brain barrier. ',
  'Delivery took four days. ',
  'Magnesium citrate is cheaper. ',
  'It helps you sleep, they say. ',
  'Magnesium L-threonate improves memory in older adults. ',
];
const text = Array.from({ length: 3_000 }, (_, i) => LINES[(i * 7 + (i >> 3)) % LINES.length]).join('');
const pre = (t: string, candidates?: number[]): TextBlock => ({ text: t, tag: 'pre', headingLevel: 0, region: 'main', ...(candidates ? { candidates } : {}) });
const heading: TextBlock = { text: 'Log', tag: 'h1', headingLevel: 1, region: 'main' };
const para: TextBlock = { text: 'Neuro-Mag crosses the blood-brain barrier.', tag: 'p', headingLevel: 0, region: 'main' };

describe('carriedCandidates', () => {
  const old = pre(text, candidateOffsets(text) ?? undefined);

  it('a huge block split in two by a paragraph: both halves detect as when they find their own', () => {
    for (const at of [40_000, text.indexOf('Magtein', 60_000) + 3, text.length - 40_000]) {
      const halves = [text.slice(0, at), text.slice(at)].map((t) => pre(t));
      const carried = halves.map((h) => pre(h.text, carriedCandidates(old, h)));
      for (const c of carried) {
        expect(c.candidates).toBeDefined();
        const offsets = c.candidates as number[];
        expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
        expect(offsets.every((o) => o >= 0 && o < c.text.length)).toBe(true);
        // Every offset only at the seam (800 characters at most): the rest are the old block's.
        const own = candidateOffsets(c.text) as number[];
        expect(offsets.length).toBeLessThan(own.length + 800);
      }
      const own = detectClaims([heading, halves[0]!, para, halves[1]!], { title: 'Log' });
      expect(detectClaims([heading, carried[0]!, para, carried[1]!], { title: 'Log' })).toEqual(own);
      expect(own.length).toBeGreaterThan(500);
    }
  });

  it('lines added at the end or the start: the same claims as the block finding its own', () => {
    for (const fresh of [text + LINES[2]!.repeat(3), LINES[1]! + LINES[2]! + text]) {
      const carried = carriedCandidates(old, pre(fresh));
      expect(carried).toBeDefined();
      expect(detectClaims([heading, pre(fresh, carried)], { title: 'Log' })).toEqual(detectClaims([heading, pre(fresh)], { title: 'Log' }));
    }
  });

  it('nothing carried when the old block had none known, or most of the text is new', () => {
    expect(carriedCandidates(pre(text), pre(text.slice(0, 50_000)))).toBeUndefined();
    const other = text.slice(text.length / 2) + text.slice(0, text.length / 2);
    expect(carriedCandidates(old, pre(other))).toBeUndefined();
  });
});
