// Block offsets → DOM Ranges, through the block's (text node, start) table.
import { offsetToPosition, type TextSegment } from '../extract';

/** A live Range over [start, end) of a block's text; null if the block has no text nodes. */
export function rangeFor(segments: readonly TextSegment[], start: number, end: number): Range | null {
  const from = offsetToPosition(segments, start, 'start');
  const to = offsetToPosition(segments, end, 'end');
  if (from === null || to === null) return null;
  if (!from.node.isConnected || !to.node.isConnected) return null;
  const range = from.node.ownerDocument.createRange();
  try {
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
  } catch {
    return null; // text changed under us since extraction: the next pass redoes it
  }
  return range;
}

/** Whether a live range still covers text (its nodes can be removed or emptied by the page). */
export function rangeIsAlive(range: Range, expectedText?: string): boolean {
  if (range.collapsed) return false;
  if (!range.startContainer.isConnected || !range.endContainer.isConnected) return false;
  return expectedText === undefined || range.toString() === expectedText;
}

/** Elements a marker must not go inside: a button in a link or label would trigger it. */
const INTERACTIVE = new Set(['a', 'label', 'summary', 'button']);

/**
 * Where the marker for a sentence ending at `end` goes, as a collapsed live Range.
 * - At the end of a text node: after that node (no text node is split).
 * - Inside a link/label/summary: after that element.
 * - Otherwise, in the middle of a text node: there. Inserting there splits the
 *   text node in two (Range.insertNode); the text itself is not changed. This is
 *   the one intrusive step, accepted so the marker sits at its sentence, not at
 *   the end of a long paragraph.
 */
export function markerSpot(segments: readonly TextSegment[], end: number): Range | null {
  const pos = offsetToPosition(segments, end, 'end');
  if (pos === null || !pos.node.isConnected) return null;
  const doc = pos.node.ownerDocument;
  const range = doc.createRange();
  let outer: Node | null = null;
  for (let n: Node | null = pos.node.parentNode; n !== null && n.nodeType === 1; n = n.parentNode) {
    if (INTERACTIVE.has((n as Element).localName)) outer = n;
  }
  if (outer !== null) range.setStartAfter(outer);
  else if (pos.offset >= pos.node.length) range.setStartAfter(pos.node);
  else if (pos.offset === 0) range.setStartBefore(pos.node);
  else range.setStart(pos.node, pos.offset);
  range.collapse(true);
  return range;
}
