// Reading order across shadow trees: extraction (extract/blocks.ts) reads a
// shadow tree where its host starts, before the host's light children. The page
// index places changed blocks by it, and the sparse read puts the blocks it read
// in shadow trees (after the whole light DOM) where they belong.
import { DOCUMENT_FRAGMENT_NODE, DOCUMENT_POSITION_FOLLOWING } from '../extract/node-types';

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
