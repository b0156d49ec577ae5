// extractBlocksAround reads one block without the rest of the page; it must give
// exactly the block the whole-page walk gives for the same text node.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractBlocks, extractBlocksAround } from '../../src/extract/blocks';
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
});
