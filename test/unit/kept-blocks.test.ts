// A page read whole is detected only in the blocks the prefilter (run in our
// background) finds may hold a claim or a name, plus its headings: detection
// passes over the others (src/content/kept-blocks.ts; SkipBlock in
// src/core/claims/sections.ts), in the first pass and after changes. That must
// give exactly the matches of detecting every block.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { candidateOffsets } from '../../src/core/claims/prefilter';
import { detectSectionsSteps, rescanSectionsSteps, type Detected, type SkipBlock } from '../../src/core/claims/sections';
import { runToEnd } from '../../src/core/steps';
import type { TextBlock } from '../../src/core/types';
import { extractPageData } from '../../src/extract';
import { KEPT_MIN_CHARS, keptBlocksSteps } from '../../src/content/kept-blocks';
import type { Offload } from '../../src/content/page-index';
import { benchPages, generatePage } from '../../bench/pages';
import { randomEditor } from './random-edits';
import { fixturePages } from './fixture-pages';
import { everyWordingPage } from './wordings';

/** The background's answer, found here: what prefilter-port.ts answers. */
const inNode: Offload = function* (pieces) {
  return { offsets: candidateOffsets(pieces.join('')), ms: 0 };
};

function whole(html: string): { blocks: TextBlock[]; title: string } {
  const { document } = parseHTML(html);
  const { page: data } = extractPageData(document as unknown as Document, null);
  return { blocks: data.blocks as TextBlock[], title: data.title };
}

/** What detection passes over, as the content script learns it (null: no answer, every block is detected). */
function skipOf(blocks: readonly TextBlock[]): SkipBlock | null {
  return runToEnd(keptBlocksSteps(blocks, inNode, 0));
}

/** The indices of the blocks detection does not pass over. */
const keptOf = (blocks: readonly TextBlock[], skip: SkipBlock | null): Set<number> | undefined =>
  skip === null ? undefined : new Set(blocks.flatMap((b, i) => (skip(b) ? [] : [i])));

const full = (blocks: readonly TextBlock[], title: string): Detected => runToEnd(detectSectionsSteps(blocks, title));

/**
 * What a detection found. (Not its per-block states: after a block passed over, the
 * state is the one before it, which gives the next block the same state that
 * detecting it would, not an equal object; the rescans below resume from them. Nor
 * the window states of huge blocks: the pages here have none.)
 */
const found = (d: Detected): Omit<Detected, 'states' | 'windows'> => ({ matches: d.matches, about: d.about, title: d.title });

function expectSameAsFull(blocks: TextBlock[], title = ''): void {
  const skip = skipOf(blocks);
  if (skip === null) return; // text that needs normalizing: every block is detected then
  const expected = found(full(blocks, title));
  expect(found(runToEnd(detectSectionsSteps(blocks, title, undefined, skip)))).toEqual(expected);
  // Every section in a window of its own.
  expect(found(runToEnd(detectSectionsSteps(blocks, title, 1, skip)))).toEqual(expected);
}

const bench100 = benchPages().find((p) => p.name === '100 KB');

describe('passing over the blocks without candidates equals detecting every block', () => {
  for (const [name, html] of fixturePages()) {
    it(name, () => {
      const { blocks, title } = whole(html);
      expectSameAsFull(blocks, title);
    });
  }

  it('the bench 100 KB page, keeping under a fifth of its blocks', () => {
    const { blocks, title } = whole(generatePage(bench100!));
    const kept = keptOf(blocks, runToEnd(keptBlocksSteps(blocks, inNode)));
    expect(kept).not.toBeUndefined();
    expect(kept!.size).toBeLessThan(blocks.length / 5);
    expectSameAsFull(blocks, title);
  });

  it('every wording, alone, glued to the block before it, and typeset', () => {
    for (const blocks of everyWordingPage()) expectSameAsFull(blocks);
  });

  it('differs when a block holding a claim is passed over (the check can fail)', () => {
    const { blocks, title } = whole(generatePage(bench100!));
    const expected = full(blocks, title);
    const claimBlock = blocks[(expected.matches[0] as { block: number }).block];
    const skip = skipOf(blocks)!;
    const without = runToEnd(detectSectionsSteps(blocks, title, undefined, (b) => b === claimBlock || skip(b)));
    expect(without.matches.length).toBeLessThan(expected.matches.length);
  });
});

describe('after changes, passing over the same blocks equals a full scan', () => {
  const pages: Array<[string, string]> = [
    ['bench 100 KB', generatePage(bench100!)],
    ...fixturePages().filter(([name]) => name.startsWith('corpus/')),
  ];
  for (const [name, html] of pages) {
    it(name, () => {
      const { blocks: original, title } = whole(html);
      const skip = skipOf(original);
      if (skip === null) return;
      // Blocks come and go, copied from elsewhere in the page: the same objects, so what was found in them holds.
      const edit = randomEditor(original, name.length * 104_729);
      const blocks = [...original];
      let state = runToEnd(detectSectionsSteps(blocks, title, undefined, skip));
      let rescanned = 0;
      for (let round = 0; round < 40; round++) {
        const edits = edit(blocks);
        const expected = full(blocks, title);
        // The content script's pass: the section around the change, or all of it when that cannot do.
        const section = runToEnd(rescanSectionsSteps(blocks, title, state, edits, skip));
        if (section !== null) rescanned++;
        const got = section ?? runToEnd(detectSectionsSteps(blocks, title, undefined, skip));
        expect(got.matches).toEqual(expected.matches);
        expect(got.about).toBe(expected.about);
        // Each pass resumes from the one before, as the content script's do.
        state = got;
      }
      // Most changes take the section's path.
      expect(rescanned).toBeGreaterThan(10);
    });
  }
});

describe('keptBlocksSteps', () => {
  const shop = (text: string): TextBlock => ({ text, tag: 'p', headingLevel: 0, region: 'main' });
  const blocks = [shop('Free shipping on orders over $50. '.repeat(40)), shop('Magnesium L-threonate supports memory.'), shop('Add to cart. '.repeat(40))];

  it('keeps the blocks holding the offsets, each block’s text ending in a line break', () => {
    let sent = '';
    const offload: Offload = function* (pieces) {
      sent = pieces.join('');
      return { offsets: candidateOffsets(sent), ms: 3 };
    };
    const skip = runToEnd(keptBlocksSteps(blocks, offload, 0));
    expect(sent).toBe(blocks.map((b) => `${b.text}\n`).join(''));
    expect(keptOf(blocks, skip)).toEqual(new Set([1]));
    expect(blocks.map((b) => skip?.(b))).toEqual([true, false, true]);
  });

  it('maps an offset on a block’s first or last character to that block', () => {
    const at = (offsets: number[]): Offload => function* () {
      return { offsets, ms: 0 };
    };
    const first = (blocks[0] as TextBlock).text.length + 1; // block 1 starts here
    const last = first + (blocks[1] as TextBlock).text.length - 1;
    expect(keptOf(blocks, runToEnd(keptBlocksSteps(blocks, at([first - 1]), 0)))).toEqual(new Set([0])); // block 0's line break
    expect(keptOf(blocks, runToEnd(keptBlocksSteps(blocks, at([first, last]), 0)))).toEqual(new Set([1]));
    expect(keptOf(blocks, runToEnd(keptBlocksSteps(blocks, at([last + 2]), 0)))).toEqual(new Set([2]));
  });

  it('asks nothing for a short page, and detects every block without an answer', () => {
    let asked = 0;
    const none: Offload = function* () {
      asked++;
      return undefined;
    };
    const unnormalized: Offload = function* () {
      return { offsets: null, ms: 1 };
    };
    expect(runToEnd(keptBlocksSteps([shop('Magnesium L-threonate supports memory.')], none))).toBeNull();
    expect(asked).toBe(0);
    expect(KEPT_MIN_CHARS).toBeGreaterThan(40);
    expect(runToEnd(keptBlocksSteps(blocks, none, 0))).toBeNull();
    expect(asked).toBe(1);
    expect(runToEnd(keptBlocksSteps(blocks, unnormalized, 0))).toBeNull();
  });
});
