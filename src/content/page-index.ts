// The page's text index (blocks + text-node tables) kept between passes, so a
// mutation re-reads only the blocks it touched instead of the whole page.
import type { PageData, TextBlock } from '../core/types';
import { extractBlocks, extractPageData, type TextSegment } from '../extract';
import { BLOCK_TAGS } from '../extract/tags';

/** Past this many changed roots one full re-read is cheaper than many partial ones. */
const MAX_PARTIAL_ROOTS = 40;

export class PageIndex {
  page: PageData;
  segments: TextSegment[][];

  constructor(private readonly doc: Document) {
    const { page, segments } = extractPageData(doc, doc.location?.href ?? null);
    this.page = page;
    this.segments = segments;
  }

  /** Re-reads everything (title and meta too). */
  rebuild(): void {
    const { page, segments } = extractPageData(this.doc, this.doc.location?.href ?? null);
    this.page = page;
    this.segments = segments;
  }

  /** Every shadow root that holds indexed text (to observe and to style highlights in). */
  shadowRoots(): Set<ShadowRoot> {
    const roots = new Set<ShadowRoot>();
    for (const segs of this.segments) {
      const first = segs[0];
      if (first === undefined) continue;
      const root = first.node.getRootNode();
      if (root !== this.doc && root instanceof ShadowRoot) roots.add(root);
    }
    return roots;
  }

  /**
   * Re-reads the blocks under the given changed nodes. Returns false (and does
   * nothing) when a full rebuild is the better choice.
   */
  update(changed: Iterable<Node>, maxRoots = MAX_PARTIAL_ROOTS): boolean {
    const roots = blockRoots(changed, this.doc);
    if (roots === null || roots.length > maxRoots) return false;

    const blocks = this.page.blocks;
    const segments = this.segments;
    for (const root of roots) {
      // Drop the blocks that lived under this root (or whose text was removed).
      let insertAt = -1;
      for (let i = blocks.length - 1; i >= 0; i--) {
        const node = segments[i]?.[0]?.node;
        if (node === undefined || !node.isConnected || root.contains(node)) {
          blocks.splice(i, 1);
          segments.splice(i, 1);
          insertAt = i;
        }
      }
      if (insertAt < 0) insertAt = positionOf(root, segments);
      const fresh = extractBlocks(root);
      blocks.splice(insertAt, 0, ...fresh.blocks);
      segments.splice(insertAt, 0, ...fresh.segments);
    }
    this.page = { ...this.page, blocks: blocks as TextBlock[] };
    return true;
  }
}

/** Index of the first indexed block that comes after `root` in the document. */
function positionOf(root: Node, segments: readonly TextSegment[][]): number {
  for (let i = 0; i < segments.length; i++) {
    const node = segments[i]?.[0]?.node;
    if (node === undefined) continue;
    // FOLLOWING only holds within one tree; blocks in other shadow trees are skipped.
    if (root.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING && !root.contains(node)) return i;
  }
  return segments.length;
}

/**
 * The nearest block element (or shadow root) around each changed node, with
 * nested roots removed. Null when a change reaches <body>/<html>: rebuild then.
 */
function blockRoots(changed: Iterable<Node>, doc: Document): Node[] | null {
  const found = new Set<Node>();
  for (const node of changed) {
    let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
    while (n !== null) {
      if (n.nodeType === Node.DOCUMENT_FRAGMENT_NODE) break; // a shadow root: its own block run
      if (n.nodeType === Node.ELEMENT_NODE) {
        const tag = (n as Element).localName;
        if (tag === 'body' || tag === 'html') return null;
        if (BLOCK_TAGS.has(tag)) break;
      }
      n = n.parentNode;
    }
    if (n === null || n === doc) return null;
    if (!n.isConnected) continue; // removed with its subtree: its blocks are dropped as disconnected
    found.add(n);
  }
  const roots = [...found];
  return roots.filter((r) => !roots.some((other) => other !== r && other.contains(r)));
}
