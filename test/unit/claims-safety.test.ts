// Patterns must be safe: adversarial near-matches scan in linear time.
// A ratio, not an absolute time: 8× the text may cost at most 20× (linear plus the noise
// of a shared machine), where a quadratic pattern would cost 64× or far more.
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import type { TextBlock } from '../../src/core/types';
import { candidateOffsets } from '../../src/core/claims/prefilter';

const NEAR_MISSES = [
  'only form of magnesium of magnesium of magnesium ',
  'improv improv improving the the the memory loss ',
  'not not not if if if may may ',
  'blood brain blood brain barrier-less ',
  'magnesium l-threonate l-threonate threonate ',
  'most most half of of people people ',
  'Neuron Neuron 2010 2009 Neuron ',
  'stack stacked with with with ',
  'a'.repeat(200) + ' ',
  '\u00AD\u200B\u00A0\u2013 ',
];

/** `pieces` repeated in turn until `chars` characters, with `between` after every 7th. */
function repeated(pieces: readonly string[], chars: number, between = ''): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const s = pieces[i % pieces.length] as string;
    parts.push(s);
    n += s.length;
    if (between && i % 7 === 6) parts.push(between);
  }
  return parts.join('');
}

function adversarial(chars: number, sentences: boolean): TextBlock[] {
  return [
    { text: 'Magnesium L-Threonate', tag: 'h1', headingLevel: 1, region: 'main' },
    { text: repeated(NEAR_MISSES, chars, sentences ? '. ' : ''), tag: 'p', headingLevel: 0, region: 'main' },
  ];
}

function time(blocks: TextBlock[]): number {
  const t = performance.now();
  detectClaims(blocks);
  return performance.now() - t;
}

describe('pattern safety', () => {
  for (const sentences of [true, false]) {
    it(`1 MB of near-matches scans in linear time (${sentences ? 'short sentences' : 'one endless sentence'})`, () => {
      const small = adversarial(128 * 1024, sentences);
      const big = adversarial(1024 * 1024, sentences);
      time(small); // warm up the regex engine
      const tSmall = Math.min(time(small), time(small), time(small));
      const tBig = Math.min(time(big), time(big), time(big));
      expect(tBig / Math.max(tSmall, 1)).toBeLessThan(20);
      expect(tBig).toBeLessThan(10_000);
    }, 60_000);
  }
});

// The prefilter's literal scan checks each key's literal in place (lookbehind, \s+):
// keys after long whitespace runs, or half-literals again and again, stay linear.
const ANCHOR_NEAR_MISSES = [
  "don't get don’t  get ",
  ' '.repeat(300) + 'enough ',
  'mag mag-t mag t magt ',
  'by-product of vitamin by-product of ',
  'children children and adults kids and ',
  'brain brain aging brain age ',
  'with with with stack ',
];

describe('prefilter safety', () => {
  it('1 MB of anchor near-matches scans in linear time', () => {
    const small = repeated(ANCHOR_NEAR_MISSES, 128 * 1024);
    const big = repeated(ANCHOR_NEAR_MISSES, 1024 * 1024);
    const run = (text: string): number => {
      const t = performance.now();
      expect(candidateOffsets(text)).not.toBeNull();
      return performance.now() - t;
    };
    run(small); // warm up
    const tSmall = Math.min(run(small), run(small), run(small));
    const tBig = Math.min(run(big), run(big), run(big));
    expect(tBig / Math.max(tSmall, 1)).toBeLessThan(20);
    expect(tBig).toBeLessThan(10_000);
  }, 60_000);
});
