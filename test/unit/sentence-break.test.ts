// sentence-break.ts must split exactly where ICU (Intl.Segmenter) does, on the
// text it accepts: generated strings rich in the characters the rules look at,
// and every block of every fixture page.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sentenceStarts } from '../../src/core/text/sentence-break';
import { sentenceSpans } from '../../src/core/text/sentences';
import { normalize } from '../../src/core/text/normalize';
import { STAND_IN } from '../../src/core/text/stand-in';
import { extractPageData } from '../../src/extract';
import { fixturePages } from './fixture-pages';

const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuStarts = (text: string): number[] => [...icu.segment(text)].map((s) => s.index);

/** Pieces that exercise every rule: terminators, closers, spaces, breaks, cases, digits, continuations. */
const PIECES = [
  'a', 'b', 'mg', 'Dr', 'U', 'S', 'The', 'It', 'x', '3', '2.5', '.', '.', '!', '?', '...', '"', "'", '(', ')', '[', ']',
  '{', '}', ',', '-', ':', ';', ' ', ' ', '  ', '\t', '\n', '\r\n', '\r', '\v', '\f', '#', '%', '/', '*', 'e.g.',
  ...'®©°·×£',
  STAND_IN, // what normalize() makes of ★ • € ™ and other symbols past Latin-1
];

describe('sentenceStarts equals ICU', () => {
  it('on generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(sentenceStarts(text)).toEqual(icuStarts(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on cases the rules single out', () => {
    for (const text of [
      'Dr. Smith arrived. he left.', 'U.S. Army', 'It costs 3.5 mg. Then more.', 'He said "Stop." Then he left.',
      'ok.\n\nNext', 'What?! No.', 'e.g. this one', 'End.) Next', 'A. b', 'Wait... what', 'Hi.\r\nThere',
    ]) {
      expect(sentenceStarts(text), text).toEqual(icuStarts(text));
    }
  });

  it('leaves other characters to ICU', () => {
    expect(sentenceStarts('Magnésium. Yes.')).toBeNull();
    expect(sentenceStarts('It’s here.')).toBeNull();
  });

  it('on every block of every fixture page, and covers most of them', () => {
    let covered = 0;
    let blocks = 0;
    for (const [, html] of fixturePages()) {
      const { document } = parseHTML(html);
      for (const b of extractPageData(document as unknown as Document, null).page.blocks) {
        const text = normalize(b.text).text;
        blocks++;
        const starts = sentenceStarts(text);
        if (starts === null) continue;
        covered++;
        expect(starts, text).toEqual(icuStarts(text));
      }
    }
    expect(covered / blocks).toBeGreaterThan(0.9);
  });
});

describe('sentenceSpans splits a text alone as it does inside a longer one', () => {
  // Detection splits a stretch of a huge block alone (core/text/windows.ts,
  // sentenceSpansNear); its one-sentence shortcut once kept "levels.* The camera"
  // whole, which a longer text splits after "levels.".
  const inside = (text: string): Array<[number, number]> => {
    const before = 'Intro. ';
    return sentenceSpans(before + text).flatMap(([a, b]): Array<[number, number]> => (a >= before.length ? [[a - before.length, b - before.length]] : []));
  };

  it('on generated text, as detection sees it (normalized: line breaks and tabs are spaces)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = normalize(`The ${parts.join('')}`).text;
        expect(sentenceSpans(text)).toEqual(inside(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on cases the shortcut missed', () => {
    for (const text of ['Improves memory.* The camera has a ring.', 'Wow!great stuff', 'Done!5 stars', 'It is a.B test', 'Take 2.5 mg. daily']) {
      expect(sentenceSpans(text), text).toEqual(inside(text));
    }
    expect(sentenceSpans('Improves memory.* The camera has a ring.')).toEqual([
      [0, 16],
      [16, 40],
    ]);
  });
});
