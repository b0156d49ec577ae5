// Reading order across shadow trees: extraction (extract/blocks.ts) reads a
// shadow tree where its host starts, before the host's light children. And where a
// block goes in a list of blocks in that order: the page index places changed blocks
// by it, and the sparse read puts the blocks it read in shadow trees (after the
// whole light DOM) where they belong.
import { DOCUMENT_FRAGMENT_NODE, DOCUMENT_POSITION_FOLLOWING } from '../extract/node-types';
import type { TextSegment } from '../extract/types';

/** The shadow host of the tree `node` is in, or null in the document (or a detached tree). */
export function hostOf(node: Node): Node | null {
  const r = node.getRootNode();
  return r.nodeType === DOCUMENT_FRAGMENT_NODE ? ((r as ShadowRoot).host ?? null) : null;
}

/** Whether `node` is inside `root`, crossing shadow boundaries (a shadow tree is inside its host). */
export function inside(root: Node, node: Node): boolean {
  for (let x: Node | null = node; x !== null; x = hostOf(x)) if (root === x || root.contains(x)) return true;
  return false;
}

/**
 * Whether `node` comes at or after the start of `root` in reading order (the
 * order of extractBlocks: a shadow tree is read before its host's light children).
 */
export function atOrAfter(root: Node, node: Node): boolean {
  if (root.getRootNode() === node.getRootNode()) {
    // One tree (the usual case): one native comparison.
    if (root === node) return true;
    return (root.compareDocumentPosition(node) & DOCUMENT_POSITION_FOLLOWING) !== 0; // a descendant follows too
  }
  if (inside(root, node)) return true;
  // Lift both into one tree: out of shadow trees until they share a root node.
  const trees = new Map<Node, Node>();
  for (let x: Node | null = node; x !== null; x = hostOf(x)) trees.set(x.getRootNode(), x);
  for (let r: Node | null = root; r !== null; r = hostOf(r)) {
    const n = trees.get(r.getRootNode());
    // `r` is `root` or a host holding it; `n` is `node` or a host holding it.
    if (n !== undefined) return n !== r && (r.compareDocumentPosition(n) & DOCUMENT_POSITION_FOLLOWING) !== 0;
  }
  return false;
}

/**
 * Whether index position `at` is where `node` goes: the block before it is in the
 * page before `node` (and not inside it), the block at it is `node`'s or after it.
 * Both blocks must be in the page and in `node`'s tree, else false (search then).
 *
 * Why check a guess before searching: on a huge page most indexed blocks sit in
 * one list of thousands of siblings, and `compareDocumentPosition` there walks the
 * siblings from the argument back towards the receiver, or to the list's start
 * when the receiver comes after it: ~0.1 ms a call on the 5 MB bench page. The
 * calls here always ask about a block close before or after `node`.
 */
export function boundaryAt(node: Node, segments: readonly TextSegment[][], at: number): boolean {
  const tree = node.getRootNode();
  const prev = at > 0 ? firstNode(segments, at - 1) : null;
  const next = at < segments.length ? firstNode(segments, at) : null;
  if (prev === undefined || next === undefined) return false;
  if (prev !== null && !(prev.isConnected && prev.getRootNode() === tree && (prev.compareDocumentPosition(node) & DOCUMENT_POSITION_FOLLOWING) !== 0)) return false;
  return next === null || (next.isConnected && next.getRootNode() === tree && atOrAfter(node, next));
}

/**
 * Where a block starting at `node` goes in the (page-ordered) index; `hint`: the likely place.
 * A block whose text the page removed (its part not read again yet) has no place in
 * the page: the search probes the next block still in it instead. Taken for one after
 * `node`, such a block cut the search short: a heading that the read of a part just
 * below it added (open above it) went in far too early, before the text the page had
 * replaced in another heading of the same batch, between blocks it follows in the page.
 */
export function insertionPoint(node: Node, segments: readonly TextSegment[][], hint?: number): number {
  if (hint !== undefined && boundaryAt(node, segments, hint)) return hint;
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    let j = mid;
    while (j < hi && firstNode(segments, j)?.isConnected !== true) j++;
    if (j === hi) {
      hi = mid;
      continue;
    }
    if (!atOrAfter(node, firstNode(segments, j) as Text)) lo = j + 1;
    else hi = mid;
  }
  return lo;
}

export function firstNode(segments: readonly TextSegment[][], i: number): Text | undefined {
  return segments[i]?.[0]?.node;
}
