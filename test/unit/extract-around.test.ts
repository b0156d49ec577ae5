// extractBlocksAround reads one block without the rest of the page; it must give
// exactly the block the whole-page walk gives for the same text node.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractBlocks, extractBlocksAround, extractBlocksAroundSteps } from '../../src/extract/blocks';
import { takeLongStepNext } from '../../src/core/steps';
import { fixturePages } from './fixture-pages';

describe('extractBlocksAround equals the whole-page walk', () => {
  for (const [f, html] of fixturePages()) {
    it(f, () => {
      const { document } = parseHTML(html);
      const all = extractBlocks(document as unknown as Node);
      all.segments.forEach((segs, i) => {
        for (const seg of segs) {
          const around = extractBlocksAround(seg.node);
          expect(around, `block ${i}`).not.toBeNull();
          const j = around!.segments.findIndex((s) => s.some((x) => x.node === seg.node));
          expect(around!.blocks[j]).toEqual(all.blocks[i]);
          expect(around!.segments[j]!.map((x) => [x.node, x.start])).toEqual(segs.map((x) => [x.node, x.start]));
        }
      });
    });
  }
  it('gives null inside skipped subtrees', () => {
    const { document } = parseHTML('<p>a<button>Add</button><span hidden>x</span></p><script>var t="memory"</script>');
    expect(extractBlocksAround(document.querySelector('button')!.firstChild as Node)).toBeNull();
    expect(extractBlocksAround(document.querySelector('script')!.firstChild as Node)).toBeNull();
    expect(extractBlocksAround(document.querySelector('span')!.firstChild as Node)).toBeNull();
  });
  it('keeps a run between nested blocks and <br> apart', () => {
    const { document } = parseHTML('<div>before <b>bold</b><p>inner</p> after<br>next <i>line</i></div>');
    const b = document.querySelector('b')!.firstChild as Node;
    expect(extractBlocksAround(b)!.blocks.map((x) => x.text)).toEqual(['before bold']);
    const i = document.querySelector('i')!.firstChild as Node;
    expect(extractBlocksAround(i)!.blocks.map((x) => x.text)).toEqual(['next line']);
  });
  it('reads a paragraph of many inline children in steps, to the same block', () => {
    // 20,000 text nodes and 20,000 <b>s in one <p>: walked in one step, such a block
    // (a 5 MB page in one <p>) took 60–70 ms in Chromium, ~200 in Firefox.
    const { document } = parseHTML(`<main><p>${'one <b>two</b> '.repeat(20_000)}<i>last</i></p></main>`);
    const node = document.querySelector('i')!.firstChild as Node;
    const steps = extractBlocksAroundSteps(node);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(r.value).toEqual(extractBlocksAround(node));
    expect(r.value!.blocks.map((b) => b.text.length)).toEqual([('one two '.repeat(20_000) + 'last').length]);
    // The siblings before it (40,000, 512 a step) and the walk of the run (2,000 nodes a step).
    expect(yields).toBeGreaterThanOrEqual(40_000 / 512 + 80_000 / 2_000 - 2);
  });
  it("joins such a block's text a step's worth at a time, and announces the last join as a long step", () => {
    // Joining the 5 MB one-paragraph page's 32,000 parts at once was a step of ~20 ms
    // in Firefox; joining its chunks still takes ~10, so the slicer starts it afresh.
    const { document } = parseHTML(`<main><p>${'one <b>two</b> '.repeat(20_000)}<i>last</i></p><p>after</p></main>`);
    const node = document.querySelector('i')!.firstChild as Node;
    const join = Array.prototype.join;
    let widest = 0;
    Array.prototype.join = function (this: unknown[], sep?: string) {
      widest = Math.max(widest, this.length);
      return join.call(this, sep);
    };
    const announced: number[] = [];
    let steps = 0;
    let r: IteratorResult<void, ReturnType<typeof extractBlocksAround>>;
    try {
      takeLongStepNext();
      const gen = extractBlocksAroundSteps(node);
      for (r = gen.next(); !r.done; r = gen.next()) {
        steps++;
        if (takeLongStepNext()) announced.push(steps);
      }
    } finally {
      Array.prototype.join = join;
    }
    expect(r.value!.blocks.map((b) => b.text)).toEqual(['one two '.repeat(20_000) + 'last']);
    expect(r.value).toEqual(extractBlocksAround(node));
    // No join of more than a step's parts (2,000 nodes a step, joined once 512 are held).
    expect(widest).toBeLessThan(2_600);
    // One announcement, right before the step that joins the block's chunks.
    expect(announced).toEqual([steps]);
    // Run to its end without a slicer (the CLI, a small read), it leaves none behind
    // for the next slicer to take for its own.
    extractBlocksAround(node);
    expect(takeLongStepNext()).toBe(false);
  });
});
