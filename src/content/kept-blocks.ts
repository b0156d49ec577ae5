// Which blocks of a page read whole need detecting (since round 20 such a page,
// with 16,000 characters or more, is one under 64,000 that holds an open shadow
// root: page-index.ts): those the prefilter finds may
// hold a claim or name a form, found in our background (prefilter-offload.ts),
// where its regular expressions stay compiled. Detection then passes over the rest
// (`SkipBlock` in core/claims/sections.ts), in the first pass and in every change's
// pass after it, with the same matches: on the 100 KB bench page it detects 177 of
// its 1,019 blocks (headings included), and detection in a fresh page took 39 → 22
// ms. Detecting every block stays the fallback.
import type { TextBlock } from '../core/types';
import type { SkipBlock } from '../core/claims/sections';
import type { Step } from '../core/steps';
import type { Offload } from './page-index';

/**
 * Below this much text, detecting every block costs little more than compiling
 * what detection needs at all, and the message is not worth sending. Bench-like
 * shop pages, our work with and without the message (medians of 7, two rounds):
 * 8,300 characters in 150 blocks 22.9 → 26.1 and 22.1 → 22.8 ms; 16,800 in 334
 * blocks 37.5 → 36.2 and 39.0 → 37.2; the 100 KB page's 56,700 in 1,019 blocks 5–11
 * ms less (docs/performance-rounds.md, round 14).
 */
export const KEPT_MIN_CHARS = 16_000;

/**
 * Which blocks detection passes over (now, and in later passes: they are the same
 * objects while the page keeps them): those holding none of the prefilter's
 * candidates. Null when every block must be detected: too little text to bother, no
 * answer from the background, or text that needs normalizing first. The text sent
 * is the blocks' texts, each followed by a line break, so no word runs into the
 * next block's.
 */
export function* keptBlocksSteps(
  blocks: readonly TextBlock[],
  offload: Offload,
  minChars = KEPT_MIN_CHARS,
): Generator<Step, SkipBlock | null, void> {
  const pieces: string[] = [];
  const starts: number[] = [];
  let length = 0;
  for (const b of blocks) {
    starts.push(length);
    pieces.push(b.text, '\n');
    length += b.text.length + 1;
  }
  if (length < minChars) return null;
  const found = yield* offload(pieces);
  if (found === undefined || found.offsets === null) return null;
  const keep = new Set<number>();
  // Offsets are sorted: one walk over the blocks' starts.
  let j = 0;
  for (const offset of found.offsets) {
    while (j + 1 < starts.length && (starts[j + 1] as number) <= offset) j++;
    keep.add(j);
  }
  const unkept = new WeakSet<TextBlock>();
  for (let i = 0; i < blocks.length; i++) if (!keep.has(i)) unkept.add(blocks[i] as TextBlock);
  return (b) => unkept.has(b);
}
