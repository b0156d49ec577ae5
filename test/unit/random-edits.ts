// Random edits of a page's block list, for tests that check a change's pass
// against a full detection (sections.test.ts, kept-blocks.test.ts).
import type { SectionEdit } from '../../src/core/claims/sections';
import type { TextBlock } from '../../src/core/types';
import { rng } from '../../bench/pages';

/**
 * Edits `blocks` in place, seeded by `seed`: each call makes 1–2 splices, each
 * removing 0–2 blocks and inserting 0–2 copied from elsewhere in the original page
 * (headings too: a heading added or taken away is rescanned up to the one that
 * closes it). Returns the edits, as the content script's index reports them.
 */
export function randomEditor(original: readonly TextBlock[], seed: number): (blocks: TextBlock[]) => SectionEdit[] {
  const donors = original.filter((b) => b.headingLevel === 0 || rng(b.text.length)() < 0.5);
  const rand = rng(seed);
  return (blocks) => {
    const edits: SectionEdit[] = [];
    for (let k = 0; k < 1 + Math.floor(rand() * 2); k++) {
      const at = Math.floor(rand() * (blocks.length + 1));
      const removeCount = Math.min(Math.floor(rand() * 3), blocks.length - at);
      const added = Array.from({ length: Math.floor(rand() * 3) }, () => donors[Math.floor(rand() * donors.length)] as TextBlock);
      edits.push({ at, removed: blocks.splice(at, removeCount, ...added), added });
    }
    return edits;
  };
}
