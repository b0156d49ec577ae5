// A page read whole is detected only in the blocks the prefilter (run in our
// background) finds may hold a claim or a name, plus its headings
// (src/content/kept-blocks.ts, detectKeptSteps in src/core/claims/sections.ts).
// That must give exactly the matches of detecting every block.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { candidateOffsets } from '../../src/core/claims/prefilter';
import { detectKeptSteps, detectSectionsSteps } from '../../src/core/claims/sections';
import { runToEnd } from '../../src/core/steps';
import type { TextBlock } from '../../src/core/types';
import { extractPageData } from '../../src/extract';
import { KEPT_MIN_CHARS, keptBlocksSteps } from '../../src/content/kept-blocks';
import type { Offload } from '../../src/content/page-index';
import { benchPages, generatePage } from '../../bench/pages';
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

/** Detection of the kept blocks (all of them when there is no answer), as the content script runs it. */
function keptDetection(blocks: readonly TextBlock[], title: string, keep?: (k: Set<number>) => Set<number>) {
  const kept = runToEnd(keptBlocksSteps(blocks, inNode, 0));
  if (kept === null) return null;
  return runToEnd(detectKeptSteps(blocks, title, keep ? keep(kept.keep) : kept.keep));
}

function expectSameAsFull(blocks: TextBlock[], title = ''): void {
  const full = runToEnd(detectSectionsSteps(blocks, title));
  const kept = keptDetection(blocks, title);
  if (kept === null) return; // text that needs normalizing: every block is detected then
  expect(kept).toEqual(full);
}

const bench100 = benchPages().find((p) => p.name === '100 KB');

describe('detecting only the kept blocks equals detecting every block', () => {
  for (const [name, html] of fixturePages()) {
    it(name, () => {
      const { blocks, title } = whole(html);
      expectSameAsFull(blocks, title);
    });
  }

  it('the bench 100 KB page, keeping a sixth of its blocks', () => {
    const { blocks, title } = whole(generatePage(bench100!));
    const kept = runToEnd(keptBlocksSteps(blocks, inNode));
    expect(kept).not.toBeNull();
    expect(kept!.keep.size).toBeLessThan(blocks.length / 5);
    expectSameAsFull(blocks, title);
  });

  it('every wording, alone, glued to the block before it, and typeset', () => {
    for (const blocks of everyWordingPage()) expectSameAsFull(blocks);
  });

  it('differs when a block holding a claim is left out (the check can fail)', () => {
    const { blocks, title } = whole(generatePage(bench100!));
    const full = runToEnd(detectSectionsSteps(blocks, title));
    const claimBlock = (full.matches[0] as { block: number }).block;
    const without = keptDetection(blocks, title, (k) => new Set([...k].filter((i) => i !== claimBlock)));
    expect(without!.matches.length).toBeLessThan(full.matches.length);
  });
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
    const kept = runToEnd(keptBlocksSteps(blocks, offload, 0));
    expect(sent).toBe(blocks.map((b) => `${b.text}\n`).join(''));
    expect(kept).toEqual({ keep: new Set([1]), ms: 3 });
  });

  it('maps an offset on a block’s first or last character to that block', () => {
    const at = (offsets: number[]): Offload => function* () {
      return { offsets, ms: 0 };
    };
    const first = (blocks[0] as TextBlock).text.length + 1; // block 1 starts here
    const last = first + (blocks[1] as TextBlock).text.length - 1;
    expect(runToEnd(keptBlocksSteps(blocks, at([first - 1]), 0))?.keep).toEqual(new Set([0])); // block 0's line break
    expect(runToEnd(keptBlocksSteps(blocks, at([first, last]), 0))?.keep).toEqual(new Set([1]));
    expect(runToEnd(keptBlocksSteps(blocks, at([last + 2]), 0))?.keep).toEqual(new Set([2]));
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
