// A huge block is detected window by window (core/text/windows.ts): the windows
// must split nothing the sentence rules keep together, and detecting them must
// find what detecting the same text as paragraphs finds, one bounded step at a time.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { HUGE_TEXT, sentenceSpansNear, textWindows } from '../../src/core/text/windows';
import { sentenceSpans } from '../../src/core/text/sentences';
import { INVISIBLE, normalize } from '../../src/core/text/normalize';
import { detectClaims } from '../../src/core/claims/detect';
import { aboutMgtSteps } from '../../src/core/claims/context';
import { runToEnd } from '../../src/core/steps';
import { candidateOffsets } from '../../src/core/claims/prefilter';
import { extractPageData } from '../../src/extract';
import type { TextBlock } from '../../src/core/types';
import { fixturePages } from './fixture-pages';
import { withCountedSentences } from './counted-sentences';

/** The text of every block of every fixture page, in order. */
function fixtureBlocks(): TextBlock[] {
  return fixturePages().flatMap(([, html]) => extractPageData(parseHTML(html).document, null).page.blocks);
}

/** The fixture pages' blocks joined by `sep`, over and over, to ~400,000 characters. */
function fixtureText(sep: string): string {
  const once = fixtureBlocks().map((b) => b.text).join(sep);
  return Array.from({ length: Math.ceil(400_000 / once.length) }, () => once).join(sep);
}

/** Sentences of `text` found window by window, in the whole text's offsets. */
function windowedSpans(text: string): Array<[number, number]> {
  return textWindows(text).flatMap(([w0, w1]) => sentenceSpans(text.slice(w0, w1)).map(([a, b]): [number, number] => [w0 + a, w0 + b]));
}

const block = (text: string, headingLevel = 0): TextBlock => ({ text, tag: headingLevel ? `h${headingLevel}` : 'p', headingLevel, region: 'main' });

describe('textWindows', () => {
  it('leaves a text that is not huge whole', () => {
    expect(textWindows('')).toEqual([[0, 0]]);
    expect(textWindows('a'.repeat(HUGE_TEXT))).toEqual([[0, HUGE_TEXT]]);
  });

  it('covers a huge text end to end in windows of bounded size', () => {
    const text = fixtureText(' ');
    expect(text.length).toBeGreaterThan(10 * HUGE_TEXT);
    const windows = textWindows(text);
    expect(windows.length).toBeGreaterThan(10);
    expect(windows[0]?.[0]).toBe(0);
    expect(windows[windows.length - 1]?.[1]).toBe(text.length);
    for (let i = 1; i < windows.length; i++) expect(windows[i]?.[0]).toBe(windows[i - 1]?.[1]);
    for (const [a, b] of windows) expect(b - a).toBeLessThanOrEqual(2 * HUGE_TEXT);
  });

  it('cuts only where the whole text has a sentence break: the fixture pages as one text', () => {
    for (const sep of [' ', '\n', '\n\n', '\u00A0']) {
      const text = normalize(fixtureText(sep)).text;
      expect(textWindows(text).length).toBeGreaterThan(10);
      expect(windowedSpans(text)).toEqual(sentenceSpans(text));
    }
  });

  it('cuts only where the whole text has a sentence break: generated prose with abbreviations and quotes', () => {
    const pieces = ['Dr. Liu said so.', 'e.g. Citrate works.', 'U.S. Adults often do.', 'It helps.', '"Quoted." Then more.', 'A list etc. Then more.',
      'see Smith et al. The end.', 'my brain fog lifted. i slept', '(In brackets.) Next.', 'Why? Because!', 'No. 5 is out.', 'Wait...', 'MgT (Magtein) helps memory.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 5000, maxLength: 9000 }), fc.constantFrom(' ', '  ', '\n '), (parts, sep) => {
        // (As detection sees it: line breaks made spaces.)
        const text = normalize(parts.join(sep)).text;
        expect(windowedSpans(text)).toEqual(sentenceSpans(text));
      }),
      { numRuns: 12 },
    );
  });

  it('cuts a huge text without sentence ends at white space', () => {
    const text = 'word '.repeat(30_000);
    const windows = textWindows(text);
    expect(windows.length).toBeGreaterThan(2);
    for (const [, b] of windows.slice(0, -1)) expect(text[b - 1]).toBe(' ');
  });
});

/** Detection as it was before windows: every block whole (a second copy of the module, its windows turned off). */
async function detectWhole(blocks: TextBlock[], options: { aboutMgt?: boolean }): Promise<ReturnType<typeof detectClaims>> {
  vi.resetModules();
  vi.doMock('../../src/core/text/windows', async (original) => ({
    ...(await original<typeof import('../../src/core/text/windows')>()),
    textWindows: (text: string) => [[0, text.length]],
    windowsOf: (block: { text: string }) => [[0, block.text.length]],
  }));
  try {
    const whole = await import('../../src/core/claims/detect');
    expect(whole.detectClaims).not.toBe(detectClaims);
    return whole.detectClaims(blocks, options);
  } finally {
    vi.doUnmock('../../src/core/text/windows');
    vi.resetModules();
  }
}

describe('sentenceSpansNear', () => {
  // A window's worth of the fixture pages' text, normalized as detection splits it.
  const text = normalize(fixtureText(' ').slice(0, 40_000)).text;
  const all = sentenceSpans(text);
  const key = ([a, b]: [number, number]) => `${a}-${b}`;
  const whole = new Set(all.map(key));

  it('gives the whole text\'s sentences, every one holding an offset among them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: text.length - 1 }), { maxLength: 40 }), (picked) => {
        const offsets = [...picked].sort((a, b) => a - b);
        const near = sentenceSpansNear(text, offsets);
        for (const s of near) expect(whole.has(key(s)), `${key(s)}: ${text.slice(s[0], s[1])}`).toBe(true);
        const got = new Set(near.map(key));
        for (const s of all) if (offsets.some((o) => o >= s[0] && o < s[1])) expect(got.has(key(s)), key(s)).toBe(true);
        // Only stretches around the offsets: a few offsets do not split the whole text.
        if (offsets.length <= 3) expect(near.length).toBeLessThan(all.length / 4);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a huge block is detected window by window', () => {
  // The fixture pages' paragraphs (not reference lists: one of those makes a whole
  // block one "sentence"), repeated into one block of ~2 MB.
  const REFERENCE_LIKE = /\bet\s+al\b|\b(?:19|20)\d\d\s*(?:[A-Z][a-z]{2}\s*\d{0,2})?\s*;\s*\d+|\bdoi:/i;
  const paragraphs = fixtureBlocks().filter((b) => b.headingLevel === 0 && !REFERENCE_LIKE.test(b.text));
  const repeated: string[] = [];
  while (repeated.join(' ').length < 2_000_000) repeated.push(...paragraphs.map((b) => b.text.trim()));
  const huge = repeated.join(' ');
  const key = (m: { claim: string; stance: string; start: number; end: number; matchStart: number; matchEnd: number; quote: string }) =>
    `${m.claim} ${m.stance} ${m.start}-${m.end} ${m.matchStart}-${m.matchEnd} ${m.quote}`;

  it('finds exactly what detecting it whole finds, at the same offsets', async () => {
    // As it is (some windows hold characters to normalize: the prefilter gives no
    // candidates there, and all of such a window is split), and normalized (each
    // window's candidates found, only the sentences around them analysed).
    for (const text of [huge, normalize(huge).text]) {
      const blocks = [block('Magnesium L-threonate', 1), block(text)];
      const windowed = detectClaims(blocks, { aboutMgt: true });
      expect(windowed.length).toBeGreaterThan(1000);
      expect(windowed.map(key)).toEqual((await detectWhole(blocks, { aboutMgt: true })).map(key));
      // And each quote is where its offsets say.
      for (const m of windowed.slice(-200)) expect(text.slice(m.start, m.end).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()).toBe(m.quote);
    }
  });

  it('finds exactly what detecting it whole finds, with invisible and fullwidth characters to normalize', async () => {
    const odd = huge.replace(/Magtein/g, 'Mag\u00ADtein').replace(/memory/g, 'ｍemory');
    const blocks = [block('Magnesium L-threonate', 1), block(odd)];
    const windowed = detectClaims(blocks, { aboutMgt: true });
    expect(windowed.length).toBeGreaterThan(1000);
    expect(windowed.map(key)).toEqual((await detectWhole(blocks, { aboutMgt: true })).map(key));
  });

  it('splits at most a window of text into sentences in one step', async () => {
    let most = 0;
    await withCountedSentences(
      () => import('../../src/core/claims/detect'),
      ({ detectClaimsSteps: steps }, counter) => {
        const run = steps([block('Magnesium L-threonate', 1), block(huge)], { aboutMgt: true });
        for (let r = run.next(); ; r = run.next()) {
          most = Math.max(most, counter.chars);
          counter.chars = 0;
          if (r.done) break;
        }
      },
    );
    expect(most).toBeGreaterThan(HUGE_TEXT / 2);
    expect(most).toBeLessThanOrEqual(2 * HUGE_TEXT);
  });

  it('passes over the windows without a candidate of the prefilter, and finds the same', async () => {
    // Filler with the fixture paragraphs every ~150,000 characters: few windows hold a
    // claim or a name, but every one holds a claim's cue word (so detection would split it).
    const filler = 'The camera has a manual focus ring. Memory cards are half price. '.repeat(2_300);
    expect(candidateOffsets(filler)).toEqual([]);
    const sparse = paragraphs.slice(0, 40).map((b) => b.text.trim()).join(' ' + filler + ' ');
    const candidates = candidateOffsets(sparse);
    expect(candidates).not.toBeNull();
    const heading = block('Magnesium L-threonate', 1);
    const full = detectClaims([heading, block(sparse)], { aboutMgt: true });
    expect(full.length).toBeGreaterThan(20);
    let split = 0;
    await withCountedSentences(
      () => import('../../src/core/claims/detect'),
      ({ detectClaims: detect }, counter) => {
        const found = detect([heading, { ...block(sparse), candidates: candidates as number[] }], { aboutMgt: true });
        split = counter.chars;
        expect(found.map(key)).toEqual(full.map(key));
      },
    );
    // The windows with a paragraph, not the filler between them.
    expect(split).toBeLessThan(sparse.length / 3);
    expect(split).toBeGreaterThan(0);
    // Without candidates given (a page read whole, a block read again), each window's
    // are found as it is taken: the same windows are passed over, the same found.
    expect(full.map(key)).toEqual((await detectWhole([heading, block(sparse)], { aboutMgt: true })).map(key));
    let own = 0;
    await withCountedSentences(
      () => import('../../src/core/claims/detect'),
      ({ detectClaims: detect }, counter) => {
        detect([heading, block(sparse)], { aboutMgt: true });
        own = counter.chars;
      },
    );
    expect(own).toBeLessThan(sparse.length / 3);
  });

  it('with candidates, analyses only the sentences around them, and finds the same', async () => {
    // Claims all through it: every window holds candidates, but most sentences none.
    // (Normalized first: the prefilter gives no candidates for text holding characters
    // that normalizing drops or changes; curly quotes and dashes it folds itself.)
    const plain = normalize(huge).text;
    for (const text of [plain, plain.replace(/'/g, '\u2019').replace(/ - /g, ' \u2014 ')]) {
      const candidates = candidateOffsets(text);
      expect(candidates).not.toBeNull();
      const blocks = [block('Magnesium L-threonate', 1), block(text)];
      const all = detectClaims(blocks, { aboutMgt: true });
      expect(all.length).toBeGreaterThan(1000);
      let split = 0;
      await withCountedSentences(
        () => import('../../src/core/claims/detect'),
        ({ detectClaims: detect }, counter) => {
          const found = detect([blocks[0]!, { ...blocks[1]!, candidates: candidates as number[] }], { aboutMgt: true });
          split = counter.chars;
          expect(found.map(key)).toEqual(all.map(key));
        },
      );
      expect(split).toBeLessThan(text.length);
    }
  });

  it('counts each window of a huge block that names MgT as a mention of its own', () => {
    const filler = 'The weather was mild and the shop opened at nine. '.repeat(2_000);
    const about = (text: string): boolean => runToEnd(aboutMgtSteps([block('Notes', 1), block(text)], ''));
    // Named in two windows: as two blocks naming it, the page is about MgT.
    expect(about(`Magtein helps memory. ${filler}Magtein helps sleep. ${filler}`)).toBe(true);
    // Named twice in one window only: one mention, as one block naming it twice.
    expect(about(`Magtein helps memory. Magtein helps sleep. ${filler}${filler}`)).toBe(false);
    expect(about(`${filler}${filler}`)).toBe(false);
  });

  it('decides whether the page is about MgT one window per step', () => {
    // Named only at the end of a huge block that no heading or title names.
    const text = 'The weather was mild and the shop was quiet. '.repeat(40_000) + 'Magtein helps memory.';
    const steps = aboutMgtSteps([block(text), block('Magtein again.')], '');
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(r.value).toBe(true);
    expect(yields).toBeGreaterThanOrEqual(textWindows(text).length - 1);
  });
});
