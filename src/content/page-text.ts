// The page's whole text (exactly `body.textContent`), read in pieces so a huge
// page is not one long task, with a table of where each piece starts so an
// offset in the text leads back to its DOM node.
//
// Why pieces of `textContent` rather than a walk over text nodes: the content
// script lives in an isolated world, where every DOM node it touches costs a
// wrapper object (~1–2 µs each, several times the main world's cost). One
// `textContent` call reads a whole subtree natively and touches nothing. So we
// descend only through large containers and read everything else whole.
import { CDATA_SECTION_NODE, ELEMENT_NODE, TEXT_NODE } from '../extract/node-types';
import { pieceHolding } from '../core/text/text-source';
import type { GateRead } from './timing';

/** Elements below this many descendants are read in one call (when pieces are wanted). */
const SMALL_SUBTREE = 2000;
/** A page body with fewer descendants than this is read in one call when pieces are not needed (~1–2 MB of HTML). */
const WHOLE_PAGE = 60_000;
/** A parent with this many element children is a list: its children are read one by one, unmeasured. */
const WIDE = 16;

export class PageText {
  private joined: string | null = null;
  constructor(
    private readonly parts: string[],
    /** Piece i is `nodes[i]` (an element or a text node); it starts at `starts[i]` in `text`. */
    readonly nodes: Node[],
    readonly starts: number[],
    /** Read in runs of siblings (readPageTextSteps, 'gate-huge'): the pieces lead back to no node. */
    readonly coarse = false,
  ) {}

  /** The text's length, without joining it. */
  get length(): number {
    return this.joined?.length ?? this.parts.reduce((n, part) => n + part.length, 0);
  }

  /** The whole text (joined on first use: a page without MgT never needs it). */
  get text(): string {
    if (this.joined === null) {
      this.joined = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
      this.parts.length = 0;
    }
    return this.joined;
  }

  /** The pieces' texts, in order (one, once the text has been joined). */
  pieceTexts(): readonly string[] {
    return this.joined === null ? this.parts : [this.joined];
  }

  /** The text of `root` read in one call. */
  static whole(root: Node): PageText {
    return new PageText([root.textContent ?? ''], [root], [0]);
  }

  /** How it was read (the first pass's `evidence-lens:scan` detail says). */
  get readAs(): GateRead {
    return this.coarse ? 'runs' : this.inPieces ? 'pieces' : 'one call';
  }

  /** Whether the text is in pieces that lead back to small parts of the page (see sparse-read.ts). */
  get inPieces(): boolean {
    return !this.coarse && (this.nodes.length !== 1 || (this.nodes[0] as Node).nodeType !== ELEMENT_NODE);
  }
}

/**
 * Whether `el` has more than `n` descendant elements. Native, and it touches no
 * node: `item(n)` on a live collection walks only as far as n, where its length
 * would walk the whole subtree. Not `[n]`: in Chromium that took 10–23 ms for
 * n = 2,000 under a 5 MB page's <main>, where item(60000) on its body took ~1 ms.
 */
export function hasMoreDescendants(el: Element, n: number): boolean {
  return el.getElementsByTagName('*').item(n) !== null;
}

/** Subtrees read between two steps (each step lets the caller look at the clock). */
const READS_PER_STEP = 8;
/**
 * 'gate-huge': a parent with this many child nodes is read in runs of this many,
 * one Range each. Reading 35,000 paragraphs one by one cost the gate 2.5× one
 * `textContent` call (a wrapper object per paragraph in the isolated world); runs
 * of 1,000–2,000 cost no more than the one call, in the page's main world.
 */
const RUN = 1000;

/**
 * How `readPageTextSteps` reads:
 * - 'pieces': in pieces that lead back to small parts of the page (the sparse read needs them);
 * - 'gate': a page that is not huge in one call (cheapest, for the gate on a page that
 *   never names MgT), a huge one (over WHOLE_PAGE elements) in pieces, so no single
 *   call is a long task;
 * - 'gate-huge': as 'gate', for HTML too large to read in one call: a page with
 *   fewer elements than that (a long article: 5 MB of text in 25,000 paragraphs,
 *   one call 51–63 ms) is read in runs of siblings, whose pieces lead back to no node.
 */
export type ReadMode = 'pieces' | 'gate' | 'gate-huge';

/**
 * Reads `root`'s text in steps (see ReadMode); the generator's caller decides
 * when a slice is used up.
 *
 * With `known`, the whole text as read a moment ago, only the piece table is
 * made (no text kept or joined again); null if the text has changed meanwhile.
 */
export function* readPageTextSteps(root: Node, mode: ReadMode = 'pieces', known?: string): Generator<void, PageText | null, void> {
  const parts: string[] = [];
  const nodes: Node[] = [];
  const starts: number[] = [];
  let length = 0;
  const add = (node: Node, text: string): void => {
    if (text.length === 0) return;
    if (known === undefined) parts.push(text);
    nodes.push(node);
    starts.push(length);
    length += text.length;
  };
  let reads = 0;

  const bigRoot = root.nodeType !== ELEMENT_NODE || hasMoreDescendants(root as Element, mode === 'pieces' ? SMALL_SUBTREE : WHOLE_PAGE);
  const coarse = !bigRoot && mode === 'gate-huge';
  /** Reads an element with RUN or more child nodes in runs of them; false if it has fewer. */
  const readRuns = function* (el: Element): Generator<void, boolean, void> {
    const count = el.childNodes.length;
    if (count < RUN) return false;
    const range = (el.ownerDocument ?? document).createRange();
    for (let i = 0; i < count; i += RUN) {
      // By index: no wrapper per child, and the same text as their textContent.
      range.setStart(el, i);
      range.setEnd(el, Math.min(count, i + RUN));
      add(el, range.toString());
      yield;
    }
    return true;
  };
  if (!bigRoot && !coarse) {
    add(root, root.textContent ?? '');
  } else if (!coarse || !(yield* readRuns(root as Element))) {
    // (Unless the root itself was a long list, read in runs.)
    yield; // deciding that walked up to WHOLE_PAGE elements
    // Depth-first over the containers we descend into; each frame: next child to read, and whether the parent is wide.
    const stack: Array<{ next: Node | null; wide: boolean }> = [
      { next: root.firstChild, wide: root.nodeType === ELEMENT_NODE && (root as Element).childElementCount >= WIDE },
    ];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { next: Node | null; wide: boolean };
      const node = frame.next;
      if (node === null) {
        stack.pop();
        continue;
      }
      frame.next = node.nextSibling;
      const type = node.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        add(node, (node as Text).data);
        continue;
      }
      if (type !== ELEMENT_NODE) continue; // comments: not part of textContent
      const el = node as Element;
      const children = el.childElementCount;
      // In a list, an item is small unless it is itself a long list; elsewhere, measure.
      const big = frame.wide ? children >= WIDE : children > 0 && hasMoreDescendants(el, SMALL_SUBTREE);
      if (big && coarse && (yield* readRuns(el))) continue;
      if (big) stack.push({ next: el.firstChild, wide: children >= WIDE });
      else {
        add(el, el.textContent ?? '');
        if (++reads % READS_PER_STEP === 0) yield;
      }
    }
  }
  if (known !== undefined) return length === known.length ? new PageText([known], nodes, starts) : null;
  return new PageText(parts, nodes, starts, coarse);
}

/** Index of the piece holding text offset `offset` (binary search). */
export function pieceAt(page: PageText, offset: number): number {
  return pieceHolding(page.starts, offset);
}
