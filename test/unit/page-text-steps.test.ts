// How the page's text is read in steps (src/content/page-text.ts). The length of
// the gate's runs of siblings on a huge page: each run aims at a fixed amount of
// text, judged by the run before it, so a list of long items is never one long
// read, and a list of short ones is not read in thousands of tiny runs. And a walk
// that only descends (a deep chain) still yields.
import { describe, expect, it } from 'vitest';
import { PageText, nextRunLength, pieceAt, readPageTextSteps } from '../../src/content/page-text';
import { runToEnd } from '../../src/core/steps';

describe('nextRunLength', () => {
  it('shrinks after a run that held much text: 64 posts of 4 KB → about 256 KB next', () => {
    const next = nextRunLength(64, 64 * 4_000);
    expect(next).toBe(64);
    expect(nextRunLength(64, 64 * 40_000)).toBe(6);
  });

  it('grows after a run of short items, but at most doubles, and never past 2,000', () => {
    expect(nextRunLength(64, 64 * 100)).toBe(128);
    expect(nextRunLength(1_500, 1_500 * 10)).toBe(2_000);
    expect(nextRunLength(64, 0)).toBe(128); // empty nodes (whitespace between elements reads as text, comments as none)
  });

  it('never below one child, however long that child was', () => {
    expect(nextRunLength(1, 5_000_000)).toBe(1);
    expect(nextRunLength(3, 5_000_000)).toBe(1);
  });

  it('the runs over a list of 1,000 items of 4 KB each hold at most about 256 KB', () => {
    let at = 0;
    let length = 64;
    let most = 0;
    while (at < 1_000) {
      const end = Math.min(1_000, at + length);
      const chars = (end - at) * 4_000;
      most = Math.max(most, chars);
      length = nextRunLength(end - at, chars);
      at = end;
    }
    expect(most).toBeLessThanOrEqual(256_000);
  });
});

/**
 * A chain of `depth` elements, each the only child of the one before, with a text
 * at the bottom: the few DOM members the walk uses (linkedom cannot count
 * descendants with getElementsByTagName('*')).
 */
function chain(depth: number, text: string): Node {
  const leaf = { nodeType: 3, data: text, nextSibling: null, firstChild: null };
  let node: object = { nodeType: 1, childElementCount: 0, firstChild: leaf, nextSibling: null, textContent: text, getElementsByTagName: () => ({ item: () => null }) };
  for (let d = 1; d <= depth; d++) {
    const below = d;
    node = {
      nodeType: 1,
      childElementCount: 1,
      firstChild: node,
      nextSibling: null,
      textContent: text,
      getElementsByTagName: () => ({ item: (n: number) => (n < below ? {} : null) }),
    };
  }
  return node as Node;
}

describe('readPageTextSteps', () => {
  it('yields while it only descends: a chain 3,000 deep is not one step', () => {
    const steps = readPageTextSteps(chain(3_000, 'Magnesium L-threonate improves memory.'), 'pieces');
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    expect(r.value?.text).toBe('Magnesium L-threonate improves memory.');
    // Every 64 nodes visited (the chain's 3,000 elements, less the last 256 read whole).
    expect(yields).toBeGreaterThanOrEqual(40);
  });
});

describe('PageText.withTreesSteps', () => {
  // Shadow roots as the method sees them: their text (textContent leaves it out of the light DOM's).
  const tree = (text: string): ShadowRoot => ({ textContent: text }) as unknown as ShadowRoot;
  const light = (): PageText => new PageText(['Magnesium ', 'citrate.'], [{} as Node, {} as Node], [0, 10]);

  it("puts each tree's text after the light DOM's, behind a line break of no piece, and an offset there leads to its tree", () => {
    const [a, b] = [tree('L-threonate improves memory.'), tree('Magtein.')];
    const page = runToEnd(light().withTreesSteps([a, tree(''), b]));
    expect(page.text).toBe('Magnesium citrate.\nL-threonate improves memory.\nMagtein.');
    expect(page.treesFrom).toBe(18);
    // The anchor right after the break is in the first tree, not glued to the light text before it.
    expect(page.nodes[pieceAt(page, page.text.indexOf('L-threonate'))]).toBe(a);
    expect(page.nodes[pieceAt(page, page.text.indexOf('Magtein'))]).toBe(b);
    expect(page.starts[pieceAt(page, page.text.indexOf('Magtein'))]).toBe(page.text.indexOf('Magtein'));
    // The empty tree has no piece.
    expect(page.nodes.length).toBe(4);
  });

  it('with no tree holding text, nothing after the light DOM', () => {
    const page = runToEnd(light().withTreesSteps([tree('')]));
    expect(page.text).toBe('Magnesium citrate.');
    expect(page.treesFrom).toBe(Infinity);
  });
});
