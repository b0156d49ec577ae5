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
import { pieceHolding } from '../core/text/piece-holding';
import type { GateRead } from './timing';

/** What the gate's test of names sees of the text as it is read (core/claims/gate.ts, MgtNameSearch). */
export interface NameSearch {
  see(piece: string): void;
  readonly found: boolean;
}

/**
 * Elements below this many descendants are read in one call (when pieces are wanted,
 * or the text may be huge). Was 2,000: a <main> holding one list of 1,000 long posts
 * (2.5 MB) was "small" and read in one call.
 */
const SMALL_SUBTREE = 256;
/** A page body with fewer descendants than this is read in one call when pieces are not needed (~1–2 MB of HTML). */
const WHOLE_PAGE = 60_000;
/**
 * A parent with this many element children is a list: its children are read one by
 * one (in 'gate-huge', a long list in runs), never in one call, however few
 * descendants it has.
 * What a `textContent` call costs is mostly its text (~10 ms per MB in Chromium,
 * however few its nodes: 1,000 paragraphs of 5 KB took 50 ms), so counting elements
 * alone let a list of long items be one long read.
 */
const WIDE = 16;

/** The most characters one native call has read here since `takeLongestRead` last asked (the pass's detail reports it). */
let longestRead = 0;

/** The most characters one call read since the last time this was asked; starts counting again. */
export function takeLongestRead(): number {
  const n = longestRead;
  longestRead = 0;
  return n;
}

export class PageText {
  private joined: string | null = null;
  constructor(
    private readonly parts: string[],
    /**
     * Piece i is `nodes[i]` (an element or a text node), or, when `runs[i]`, the run of
     * siblings that starts with it; it starts at `starts[i]` in `text`.
     */
    readonly nodes: Node[],
    readonly starts: number[],
    /** Which pieces are runs of siblings (readPageTextSteps, 'gate' and 'gate-huge'). */
    readonly runs: readonly boolean[] = [],
  ) {}

  /** Whether some piece is a run of siblings. */
  private get hasRuns(): boolean {
    return this.runs.includes(true);
  }

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
    const text = root.textContent ?? '';
    longestRead = Math.max(longestRead, text.length);
    return new PageText([text], [root], [0]);
  }

  /**
   * Where the text of shadow trees added by `withTreesSteps` starts (the light DOM's
   * text ends before it); Infinity when none was.
   */
  treesFrom = Infinity;

  /**
   * This text followed by each shadow tree's, a piece each (a tree's root is its
   * piece's node), after a line break that belongs to no piece: `textContent` holds
   * no shadow tree's text, and the sparse read looks for candidates there too.
   */
  *withTreesSteps(trees: readonly ShadowRoot[]): Generator<void, PageText, void> {
    const parts = [...this.pieceTexts()];
    const nodes = [...this.nodes];
    const starts = [...this.starts];
    let end = this.length;
    const from = end;
    for (let k = 0; k < trees.length; k++) {
      const tree = trees[k] as ShadowRoot;
      const text = tree.textContent ?? '';
      if (k % READS_PER_STEP === READS_PER_STEP - 1) yield;
      if (text === '') continue;
      longestRead = Math.max(longestRead, text.length);
      parts.push('\n', text);
      nodes.push(tree);
      starts.push(end + 1);
      end += 1 + text.length;
    }
    const out = new PageText(parts, nodes, starts, this.runs);
    if (end > from) out.treesFrom = from;
    return out;
  }

  /** How it was read (the first pass's `evidence-lens:scan` detail says). */
  get readAs(): GateRead {
    return this.hasRuns ? 'runs' : this.inPieces ? 'pieces' : 'one call';
  }

  /** Whether the text is in pieces that lead back to parts of the page (see sparse-read.ts), not one call's. */
  get inPieces(): boolean {
    return this.nodes.length !== 1 || this.hasRuns || (this.nodes[0] as Node).nodeType !== ELEMENT_NODE;
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
/** Nodes visited between two steps, read or not. */
const VISITS_PER_STEP = 64;
/**
 * 'gate-huge': a parent with this many child nodes is read in runs of siblings, one
 * Range each. Reading 35,000 paragraphs one by one cost the gate 2.5× one
 * `textContent` call (a wrapper object per paragraph in the isolated world); runs
 * of 1,000–2,000 cost no more than the one call, in the page's main world.
 */
const RUNS_FROM = 256;
/**
 * A run's length follows the text the runs before it held: the first is short,
 * each next one aims at RUN_CHARS of text (~3 ms of reading) and at most doubles.
 * A fixed length of 1,000 children made one long read of a list whose items are
 * long (1,000 posts of 5 KB: 50 ms).
 */
const FIRST_RUN = 64;
const LONGEST_RUN = 2000;
const RUN_CHARS = 256_000;

/** The next run's length in child nodes, after a run of `length` nodes read `chars` characters. */
export function nextRunLength(length: number, chars: number): number {
  const fit = chars === 0 ? LONGEST_RUN : Math.floor((length * RUN_CHARS) / chars);
  return Math.max(1, Math.min(fit, length * 2, LONGEST_RUN));
}

/**
 * How `readPageTextSteps` reads:
 * - 'pieces': in pieces that lead back to small parts of the page (the sparse read needs them);
 * - 'gate': a page that is not huge in one call (cheapest, for the gate on a page that
 *   never names MgT), a huge one (over WHOLE_PAGE elements) in pieces, so no single
 *   call is a long task, its long lists in runs of siblings until `names` finds MgT;
 * - 'gate-huge': as 'gate', for text that may be too large to read in one call
 *   (huge HTML, a body built by script, a size unknown): a page with fewer elements
 *   than WHOLE_PAGE (a long article: 5 MB of text in 25,000 paragraphs, one call
 *   51–63 ms) is read with every long list in runs of siblings.
 * A run's piece leads back to its first child (`PageText.runs`); sparse-read.ts finds
 * an offset inside it by reading its children up to there.
 */
export type ReadMode = 'pieces' | 'gate' | 'gate-huge';

/**
 * Reads `root`'s text in steps (see ReadMode); the generator's caller decides
 * when a slice is used up.
 *
 * With `known`, the whole text as read a moment ago, only the piece table is
 * made (no text kept or joined again); null if the text has changed meanwhile.
 * `names` sees every piece as it is read (the gate's test).
 */
export function* readPageTextSteps(
  root: Node,
  mode: ReadMode = 'pieces',
  known?: string,
  names?: NameSearch,
): Generator<void, PageText | null, void> {
  const parts: string[] = [];
  const nodes: Node[] = [];
  const starts: number[] = [];
  const runs: boolean[] = [];
  let length = 0;
  const add = (node: Node, text: string, run = false): void => {
    if (text.length === 0) return;
    longestRead = Math.max(longestRead, text.length);
    if (known === undefined) parts.push(text);
    names?.see(text);
    runs.push(run);
    nodes.push(node);
    starts.push(length);
    length += text.length;
  };
  let reads = 0;
  let visits = 0;

  const bigRoot = root.nodeType !== ELEMENT_NODE || hasMoreDescendants(root as Element, mode === 'pieces' ? SMALL_SUBTREE : WHOLE_PAGE);
  const coarse = !bigRoot && mode === 'gate-huge';
  /**
   * Reads an element with RUNS_FROM or more child nodes in runs of them, until
   * `stop()`: false if it has fewer, else the child it stopped before (null: it read them all).
   */
  const readRuns = function* (el: Element, stop: () => boolean): Generator<void, false | Node | null, void> {
    const count = el.childNodes.length;
    if (count < RUNS_FROM) return false;
    const range = (el.ownerDocument ?? document).createRange();
    range.setStart(el, 0);
    const children = el.childNodes;
    let length = FIRST_RUN;
    for (let i = 0; i < count; ) {
      if (stop()) return children[i] as ChildNode;
      const end = Math.min(count, i + length);
      // One Range over the run: no wrapper per child, and the same text as their
      // textContent. Its end is the start of the child after the run (or the end of
      // `el`), and the next run starts there (collapsed to it), so no boundary is set
      // by index: Blink finds a child by index by walking the list from its start, and
      // on the long read (15,913 children) those walks made reading in runs cost ~50 %
      // more than one call (the child list's own index cache makes `children[end]`
      // one walk in all).
      if (i > 0) range.collapse(false);
      if (end < count) range.setEnd(children[end] as ChildNode, 0);
      else if (el.parentNode !== null) range.setEndAfter(el);
      else range.setEnd(el, count);
      const text = range.toString();
      add(children[i] as ChildNode, text, true);
      length = nextRunLength(end - i, text.length);
      i = end;
      yield;
    }
    return null;
  };
  /**
   * A long list on a page with many elements is read in runs for the gate only until
   * the page names MgT: then the sparse read needs the list's items, and reading them
   * now costs less than finding them in the runs later (sparse-read.ts, TextFinder).
   */
  const listRunsEnd = (): boolean => names?.found === true;
  const never = (): boolean => false;
  if (!bigRoot && !coarse) {
    add(root, root.textContent ?? '');
  } else if (!coarse || (yield* readRuns(root as Element, never)) === false) {
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
      // Descending costs too (a wrapper, and a native count of up to SMALL_SUBTREE
      // elements): a chain 10,000 elements deep took 72 ms before its first read.
      if (++visits % VISITS_PER_STEP === 0) yield;
      const type = node.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        add(node, (node as Text).data);
        continue;
      }
      if (type !== ELEMENT_NODE) continue; // comments: not part of textContent
      const el = node as Element;
      const children = el.childElementCount;
      // A list is read item by item; elsewhere, a subtree is read whole unless it is large.
      const wide = children >= WIDE;
      const big = wide || (!frame.wide && children > 0 && hasMoreDescendants(el, SMALL_SUBTREE));
      // For the gate, in runs: a wrapper and a call per item cost twice one call (5 MB shop page).
      const inRuns = big && (coarse || (mode !== 'pieces' && wide && !listRunsEnd()));
      const rest = inRuns ? yield* readRuns(el, coarse ? never : listRunsEnd) : false;
      if (rest === null) continue;
      if (rest !== false) stack.push({ next: rest, wide: true });
      else if (big) stack.push({ next: el.firstChild, wide });
      else {
        add(el, el.textContent ?? '');
        if (++reads % READS_PER_STEP === 0) yield;
      }
    }
  }
  if (known !== undefined) return length === known.length ? new PageText([known], nodes, starts) : null;
  return new PageText(parts, nodes, starts, runs);
}

/** Index of the piece holding text offset `offset` (binary search). */
export function pieceAt(page: PageText, offset: number): number {
  return pieceHolding(page.starts, offset);
}
