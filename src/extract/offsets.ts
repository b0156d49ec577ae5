import type { TextSegment } from './types';

/**
 * Maps an offset in a block's text to a DOM position, by binary search over the
 * block's segments. At a boundary between two text nodes, 'start' (default) gives
 * (next node, 0) — right for a range start; 'end' gives (previous node, its
 * length) — right for a range end, so a highlight does not reach into the next node.
 * Offsets past the end clamp to the end of the last node. Throws on an empty
 * segment list (extractBlocks never returns a block without segments).
 */
export function offsetToPosition(
  segments: readonly TextSegment[],
  offset: number,
  affinity: 'start' | 'end' = 'start',
): { node: Text; offset: number } {
  if (segments.length === 0) throw new RangeError('offsetToPosition: block has no text segments');
  let lo = 0;
  let hi = segments.length - 1;
  // Last segment whose start <= offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as TextSegment).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  let seg = segments[lo] as TextSegment;
  if (affinity === 'end' && lo > 0 && offset === seg.start) {
    seg = segments[lo - 1] as TextSegment;
    return { node: seg.node, offset: seg.node.length };
  }
  const within = Math.max(0, Math.min(offset - seg.start, seg.node.length));
  return { node: seg.node, offset: within };
}
