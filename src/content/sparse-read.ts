// Reads only the blocks of a large page that may hold a claim or name a form of
// magnesium (the core prefilter's candidates), plus the headings still open
// above each of them. Detection over these blocks equals detection over every
// block (test/unit/prefilter.test.ts): a block's claims depend on its own text,
// the subject carried from earlier blocks that name a form (all candidates),
// its open headings, and whether the page is about MgT (decided by blocks that
// name MgT: candidates again).
import { isChrome, openHeadings } from '../core/claims/context';
import { longStepNext, runToEnd } from '../core/steps';
import { HUGE_TEXT } from '../core/text/windows';
import type { TextBlock } from '../core/types';
import { extractBlocks, extractBlocksAroundSteps } from '../extract/blocks';
import { ariaHeadingLevel, firstRole, headingLevelOfTag } from '../extract/tags';
import type { ExtractedBlocks, TextSegment } from '../extract/types';
import { pieceAt, type PageText } from './page-text';
import { atOrAfter, hostOf, insertionPoint } from './tree-order';
import { removalCount } from './removals';
import { CDATA_SECTION_NODE, DOCUMENT_FRAGMENT_NODE, DOCUMENT_POSITION_CONTAINED_BY, DOCUMENT_POSITION_DISCONNECTED, DOCUMENT_POSITION_FOLLOWING, ELEMENT_NODE, TEXT_NODE } from '../extract/node-types';

const SHOW_TEXT_AND_CDATA = 4 | 8;
/** Text nodes a sparse read takes into its index between two steps (`SparseBlocks.pushSteps`). */
const SEGMENTS_PER_STEP = 4096;
/** How far countByNearest walks back before falling back to a binary search. */
const NEAREST_STEPS = 256;
/**
 * With this few headings the binary search makes at most 5 comparisons, cheaper
 * than a walk back that finds none: on a 5 MB table with one heading, the walks
 * of ~100 candidates cost 35–60 ms.
 */
const FEW_HEADINGS = 16;
/** Headings HeadingIndex.update places by binary searches; past this, a new query costs less. */
const MAX_HEADINGS_SEARCHED = 8;

/** Everything that can start a section (extract/blocks.ts decides which really do). */
export const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6,[role~="heading" i]';

/** Fresh headings that go, in this order, right after `after` (null: the list's start), at index `at`. */
interface Chain {
  after: Element | null;
  at: number;
  chain: Element[];
}

/**
 * `kept` (listed headings still in the page) with the chains put after their
 * headings: one pass over the list, as the places of `kept` are no longer the list's.
 */
function withChains(kept: readonly Element[], chains: readonly Chain[]): Element[] {
  const after = new Map(chains.map((c) => [c.after, c.chain]));
  const list: Element[] = [...(after.get(null) ?? [])];
  for (const el of kept) {
    list.push(el);
    const chain = after.get(el);
    if (chain !== undefined) list.push(...chain);
  }
  return list;
}

/** The heading element `node` (a heading block's first text node) is in, if any. */
export function headingHolding(node: Node): Element | null {
  return node.parentElement?.closest(HEADING_SELECTOR) ?? null;
}

/** Whether `a` comes before `b` in reading order. */
function precedes(a: Node | undefined, b: Node): boolean {
  return a !== undefined && a !== b && atOrAfter(a, b);
}

/** The level extraction will give an element (role=heading wins, as in blocks.ts), without reading it. */
function levelOf(el: Element): number {
  const role = el.getAttribute('role');
  return role !== null && firstRole(role) === 'heading' ? ariaHeadingLevel(el) : headingLevelOfTag(el.localName);
}

export interface Read {
  block: TextBlock;
  segments: TextSegment[];
}

/**
 * The page's headings in order, read lazily: a level costs one attribute look,
 * and a heading's block is read only when it could be open above a candidate.
 */
export class HeadingIndex {
  private list: Element[] | null = null;
  /** Each listed heading's place in the list. */
  private places = new Map<Element, number>();
  private levels: Int8Array = new Int8Array(0);
  /**
   * For openHeadings' jumps: below[b][i] is the nearest j ≤ i whose level is
   * 1…b-1 (or -1), for b = 2…7. Made on first use.
   */
  private below: Int32Array[] | null = null;
  /** Each heading's own heading blocks (partsOf), read on first use and kept for one pass (beforeChange). */
  private read = new Map<Element, Read[]>();
  /**
   * countBefore's answers, per node. The sparse read asks for every block it takes,
   * and a change's placement asks again for the blocks its binary search probes
   * (placeByHeadings), each a walk back of up to NEAREST_STEPS elements: ~2 ms of
   * the ~5 a paragraph added to the 5 MB long read cost. An answer holds while the
   * list stays as it is and no node moves: a new list, or the page removing nodes
   * (removals.ts), drops them.
   */
  private counts = new WeakMap<Node, number>();
  /** removalCount() when `counts` was started. */
  private countsSince = removalCount();

  constructor(private readonly root: ParentNode) {}

  /**
   * Before a change's pass: the headings' blocks read in earlier passes are read
   * again when next needed (a heading hidden, a part of it hidden, its `<br>` taken
   * away: they are not what they were, and handed out again above a later block
   * they opened or closed a section that the page no longer shows), and a listed
   * element among `changed` takes its level anew (its `role` or `aria-level` changed).
   */
  beforeChange(changed: readonly Node[]): void {
    this.read.clear();
    if (this.list === null) return;
    for (const node of changed) {
      const i = node.nodeType === ELEMENT_NODE ? this.places.get(node as Element) : undefined;
      if (i === undefined) continue;
      const level = levelOf(node as Element);
      if (level === this.levels[i]) continue;
      this.levels[i] = level;
      this.below = null;
    }
  }

  /** Headings were added: look them up again next time. */
  invalidate(): void {
    this.list = null;
    this.forgetCounts();
  }

  private forgetCounts(): void {
    this.counts = new WeakMap();
    this.countsSince = removalCount();
  }

  /** A count found before, if it still holds. */
  private knownCount(node: Node): number | undefined {
    if (this.countsSince !== removalCount()) this.forgetCounts();
    return this.counts.get(node);
  }

  /**
   * Headings came, went or moved: puts `fresh` (headings just read again: new, or
   * perhaps moved) where they now go, without querying the page again, and drops the
   * listed ones no longer in the page (unless the pass only added headings:
   * insertChains). A product card appended to the 5 MB bench
   * page (its <h3>) made the next change's pass query its 8,465 headings: ~14 ms of
   * its ~28. A heading in a shadow tree is not in the list: look them all up then.
   */
  update(fresh: readonly Element[]): void {
    if (this.list === null) return;
    const tree = this.root.getRootNode();
    if (fresh.some((el) => el.getRootNode() !== tree)) return this.invalidate();
    const moving = new Set(fresh);
    const old = this.places;
    const chains = this.chainsByWalks(moving, old);
    if (chains !== null && chains.length > 0 && fresh.every((el) => !old.has(el))) return this.insertChains(chains);
    const kept = this.list.filter((el) => el.isConnected && !moving.has(el));
    const list = (chains !== null ? withChains(kept, chains) : null) ?? this.placeBySearch(kept, moving);
    if (list === null) return this.invalidate();
    const levels = new Int8Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const el = list[i] as Element;
      const was = moving.has(el) ? undefined : old.get(el);
      levels[i] = was !== undefined ? (this.levels[was] as number) : levelOf(el);
      // Read again when next needed: its text may have changed.
      if (moving.has(el)) this.read.delete(el);
    }
    this.setList(list, levels);
  }

  /**
   * `fresh` as chains, each hanging off a listed heading or the list's start: every
   * fresh heading goes right after the heading nearest before it, found by walking
   * back a few nodes (a card's heading follows the card before it, whose heading is
   * listed or fresh). No comparison across the page's long lists, so 20 cards
   * appended at once need no new query. Null when a walk finds none, or two headings
   * seem to follow the same one (nested headings): then search.
   */
  private chainsByWalks(fresh: ReadonlySet<Element>, listed: ReadonlyMap<Element, number>): Chain[] | null {
    // (A listed heading the walk reaches is in the page; one that moved is fresh too.)
    /** Heading (or null: the list's start) → the fresh heading right after it. */
    const next = new Map<Element | null, Element>();
    for (const el of fresh) {
      const before = this.headingBefore(el, (n) => listed.has(n) || fresh.has(n));
      if (before === undefined || next.has(before)) return null;
      next.set(before, el);
    }
    const chains: Chain[] = [];
    let placed = 0;
    for (const [after, first] of next) {
      if (after !== null && fresh.has(after)) continue;
      const chain: Element[] = [];
      for (let el: Element | undefined = first; el !== undefined; el = next.get(el)) chain.push(el);
      chains.push({ after, at: after === null ? 0 : (listed.get(after) as number) + 1, chain });
      placed += chain.length;
    }
    return placed === fresh.size ? chains : null; // else a walk went wrong: no chain reaches some
  }

  /**
   * Headings only added (an infinite scroll's cards): each chain spliced into the
   * list in place, last first, and only the places after the first one renumbered.
   * Filtering, levelling and renumbering all 8,465 headings of the 5 MB page cost ~4 ms
   * of a card's ~9 (timed inside the pass). Listed headings the page removed meanwhile
   * stay until a change drops one we had read (`update([])`) or a search meets one:
   * in the page's order, they only shift counts that are compared with each other.
   */
  private insertChains(chains: Chain[]): void {
    const list = this.list as Element[];
    let levels = this.levels;
    chains.sort((a, b) => b.at - a.at);
    for (const { at, chain } of chains) {
      list.splice(at, 0, ...chain);
      const grown = new Int8Array(levels.length + chain.length);
      grown.set(levels.subarray(0, at));
      grown.set(chain.map(levelOf), at);
      grown.set(levels.subarray(at), at + chain.length);
      levels = grown;
    }
    this.levels = levels;
    for (let i = (chains[chains.length - 1] as Chain).at; i < list.length; i++) this.places.set(list[i] as Element, i);
    this.below = null;
    this.forgetCounts();
  }

  /**
   * The nearest element before `node` in document order that `isHeading` accepts, an
   * ancestor included (the query lists a heading before what it holds); null when
   * the walk reaches the root first, undefined when it gives up (NEAREST_STEPS
   * elements, or a shadow root: its host's headings were not walked).
   */
  private headingBefore(node: Node, isHeading: (n: Element) => boolean): Element | null | undefined {
    let n: Node = node;
    for (let steps = 0; steps < NEAREST_STEPS; steps++) {
      // The previous element in document order: the deepest last element of the
      // previous element sibling, or else the parent. Elements only: a heading is
      // one, and every node visited costs a wrapper in this isolated world (text
      // nodes were half the visits, and the late paragraph's placement on the 5 MB
      // long read spent ~7 ms in these walks). (A document or a shadow root has no
      // siblings: undefined there.)
      const prev = (n as Partial<Element>).previousElementSibling ?? null;
      if (prev !== null) {
        n = prev;
        for (let last = prev.lastElementChild; last !== null; last = last.lastElementChild) n = last;
      } else {
        const parent = n.parentNode;
        if (parent === null) return undefined;
        n = parent;
        if (n === this.root) return null;
      }
      if (n.nodeType === ELEMENT_NODE && isHeading(n as Element)) return n as Element;
    }
    return undefined;
  }

  /**
   * `kept` with each of `fresh` placed by a binary search in document order (~0.1 ms
   * per comparison on a huge page). Past MAX_HEADINGS_SEARCHED, null: one new query
   * costs less.
   */
  private placeBySearch(kept: readonly Element[], fresh: ReadonlySet<Element>): Element[] | null {
    if (fresh.size > MAX_HEADINGS_SEARCHED) return null;
    const list = [...kept];
    for (const el of fresh) {
      // A heading holding `el` comes before it.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (((list[mid] as Element).compareDocumentPosition(el) & DOCUMENT_POSITION_FOLLOWING) !== 0) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, el);
    }
    return list;
  }

  private headings(): Element[] {
    if (this.list === null) runToEnd(this.loadSteps());
    return this.list as Element[];
  }

  /** `levels`: each heading's level (the jumps of openAbove need every one). */
  private setList(list: Element[], levels: Int8Array): void {
    this.list = list;
    // Set one by one: a Map built from 8,465 [heading, index] pairs took ~11 ms on
    // the 5 MB bench page (in the page's own world), this loop ~2.
    this.places = new Map();
    for (let i = 0; i < list.length; i++) this.places.set(list[i] as Element, i);
    this.levels = levels;
    this.below = null;
    this.forgetCounts();
  }

  /** The nearest heading j ≤ i with a level under `below` (-1: none). */
  private previousBelow(i: number, below: number): number {
    if (this.below === null) {
      const n = this.headings().length;
      const tables: Int32Array[] = [];
      for (let b = 0; b <= 7; b++) tables.push(new Int32Array(b < 2 ? 0 : n));
      const last = new Int32Array(8).fill(-1);
      for (let j = 0; j < n; j++) {
        const level = this.levels[j] as number;
        for (let b = 2; b <= 7; b++) {
          if (level > 0 && level < b) last[b] = j;
          (tables[b] as Int32Array)[j] = last[b] as number;
        }
      }
      this.below = tables;
    }
    return below < 2 ? -1 : ((this.below[Math.min(below, 7)] as Int32Array)[i] ?? -1);
  }

  /** Whether the heading holding `node` was already on the page when the list was made. */
  knowsHeadingOf(node: Node): boolean {
    return this.placeOf(headingHolding(node)) !== undefined;
  }

  /**
   * Makes the list now, in steps: on a huge page the query finds thousands of
   * headings, and taking each into this isolated world costs a wrapper.
   */
  *loadSteps(): Generator<void, void, void> {
    if (this.list !== null) return;
    longStepNext();
    yield;
    const found = this.root.querySelectorAll(HEADING_SELECTOR);
    yield;
    const list: Element[] = [];
    const levels = new Int8Array(found.length);
    for (let i = 0; i < found.length; i++) {
      const el = found[i] as Element;
      list.push(el);
      levels[i] = levelOf(el);
      if ((i & 1023) === 1023) yield;
    }
    this.setList(list, levels);
  }

  /** How many headings come before `node` (a heading holding `node` does not count). */
  countBefore(node: Node): number {
    const near = this.countNear(node);
    if (near !== null) return near;
    const n = this.inLightTree(node);
    const count = this.countBySearch(n);
    this.counts.set(n, count);
    return count;
  }

  /** countBefore when a listed heading is near (a short walk back) or there are few, else null: never a long search. */
  countNear(node: Node): number | null {
    const n = this.inLightTree(node);
    const few = this.headings().length <= FEW_HEADINGS;
    const known = this.knownCount(n);
    if (known !== undefined) return known;
    const count = few ? this.countBySearch(n) : this.countByNearest(n);
    if (count !== null) this.counts.set(n, count);
    return count;
  }

  /**
   * The headings are the light DOM's: a node in a shadow tree counts from its host,
   * as extraction reads a shadow tree where its host starts.
   */
  private inLightTree(node: Node): Node {
    const tree = this.root.getRootNode();
    let n = node;
    for (let r = n.getRootNode(); r !== tree && r.nodeType === DOCUMENT_FRAGMENT_NODE && (r as ShadowRoot).host; r = n.getRootNode()) {
      n = (r as ShadowRoot).host;
    }
    return n;
  }

  /**
   * countBefore by walking back from `node` to the nearest listed heading: a new
   * block usually sits a few nodes after its heading, and on a huge page each
   * compareDocumentPosition of the binary search walks long child lists.
   * Null when no listed heading is within NEAREST_STEPS nodes.
   */
  private countByNearest(node: Node): number | null {
    this.headings();
    const places = this.places;
    // A heading holding `node` does not count (as in countBySearch).
    const before = this.headingBefore(node, (n) => places.has(n) && !n.contains(node));
    return before === undefined ? null : before === null ? 0 : (places.get(before) as number) + 1;
  }

  private countBySearch(node: Node): number {
    let list = this.headings();
    let lo = 0;
    let hi = list.length;
    let remade = false;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const pos = (list[mid] as Element).compareDocumentPosition(node);
      if ((pos & DOCUMENT_POSITION_DISCONNECTED) !== 0 && node.isConnected && !remade) {
        // A heading was removed since the list was made: make it again (once: a node
        // in another tree would be "disconnected" from every heading, for ever).
        remade = true;
        this.invalidate();
        list = this.headings();
        lo = 0;
        hi = list.length;
        continue;
      }
      const before = (pos & DOCUMENT_POSITION_FOLLOWING) !== 0 && (pos & DOCUMENT_POSITION_CONTAINED_BY) === 0;
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Heading i's own blocks that start a section (not removed, skipped, or in
   * nav/footer), in page order: usually one, more where a `<br>` breaks the heading
   * (extraction makes a block of each part, and each part closes the section of the
   * one before). Not the blocks of headings nested in it, nor a block element inside
   * it (extraction gives that level 0: a block in the heading's section).
   */
  partsOf(i: number): Read[] {
    const el = this.headings()[i] as Element;
    let parts = this.read.get(el);
    if (parts === undefined) {
      parts = [];
      if (el.isConnected) {
        const { blocks, segments } = extractBlocks(el);
        for (let k = 0; k < blocks.length; k++) {
          const block = blocks[k] as TextBlock;
          const segs = segments[k] as TextSegment[];
          const first = segs[0]?.node;
          if (block.headingLevel > 0 && !isChrome(block) && first !== undefined && headingHolding(first) === el) parts.push({ block, segments: segs });
        }
      }
      this.read.set(el, parts);
    }
    return parts;
  }

  /**
   * The parts of the listed heading that a heading block starting at `node` is part
   * of, up to and including that block (those after it go in with the blocks after
   * them, in page order: see openAbove); none when `node` starts no such part.
   */
  partsUpTo(node: Node): Read[] {
    const i = this.placeOf(headingHolding(node));
    if (i === undefined) return [];
    const parts = this.partsOf(i);
    const k = parts.findIndex((r) => r.segments[0]?.node === node);
    return k < 0 ? [] : parts.slice(0, k + 1);
  }

  /** For openHeadings: heading i's level if it starts a section under `below`, else 0. */
  levelBelow(i: number, below: number): number {
    this.headings();
    const level = this.levels[i] as number;
    if (level === 0 || level >= below) return 0;
    return this.partsOf(i)[0]?.block.headingLevel ?? 0;
  }

  /**
   * The headings open above a block that starts at `node` (its level `ownLevel`, 0
   * for a block that is no heading), outermost first, each with its parts that come
   * before `node`.
   */
  openAbove(node: Node, ownLevel: number): Read[] {
    const holder = this.holderBefore(node, ownLevel);
    const count = holder < 0 ? this.countBefore(node) : holder + 1 + this.countBefore(node) - this.countBefore(this.headings()[holder] as Element);
    const open = openHeadings(
      count,
      (i, below) => this.levelBelow(i, below),
      ownLevel || 7,
      (i, below) => this.previousBelow(i, below),
    );
    return open.flatMap((i) => {
      const parts = this.partsOf(i);
      if (parts.length === 0) return [];
      this.noteOwnCount(i, parts[0] as Read);
      // The heading holding `node`: only its parts before `node` are above it.
      return i === holder ? parts.filter((r) => precedes(r.segments[0]?.node, node)) : parts;
    });
  }

  /**
   * For a block inside a listed heading element that is not its own (a `<div>` in an
   * `<h2>`, or an `<h3>` in one), after that heading's own first part: the heading's
   * place in the list, as it opens the block's section (countBefore leaves out a
   * heading holding the node: right for the heading's own text, not for this). Else -1.
   */
  private holderBefore(node: Node, ownLevel: number): number {
    const own = headingHolding(node);
    const i = this.placeOf(ownLevel > 0 ? (own?.parentElement?.closest(HEADING_SELECTOR) ?? null) : own);
    return i !== undefined && precedes(this.partsOf(i)[0]?.segments[0]?.node, node) ? i : -1;
  }

  /** A heading's place in the list (undefined: not listed). */
  private placeOf(el: Element | null): number | undefined {
    if (el === null) return undefined;
    this.headings();
    return this.places.get(el);
  }

  /**
   * Heading i's block goes into the index, where a change's placement may probe it:
   * its first node has i headings before it (every earlier one, none holding it),
   * unless headings nest around it, which are left to countBefore.
   */
  private noteOwnCount(i: number, r: Read): void {
    const first = r.segments[0]?.node;
    if (first === undefined || this.knownCount(first) !== undefined) return;
    const list = this.headings();
    const el = list[i] as Element;
    const next = list[i + 1];
    if (next !== undefined && el.contains(next)) return;
    for (let up = el.parentElement; up !== null; up = up.parentElement) if (this.places.has(up)) return;
    this.counts.set(first, i);
  }
}

/**
 * The candidate blocks and the headings open above them, in page order: each
 * candidate's open headings are already in the list or come after the previous
 * candidate (a heading open at a later block was open at every block since).
 * `add` takes blocks in page order and drops ones already taken.
 */
export class SparseBlocks {
  readonly blocks: TextBlock[] = [];
  readonly segments: TextSegment[][] = [];
  /** Each text node taken, with the block it is in and where it starts there. */
  private taken = new Map<Text, { block: TextBlock; start: number }>();

  constructor(private readonly headings: HeadingIndex) {}

  has(node: Text): boolean {
    return this.taken.has(node);
  }

  /**
   * Notes a candidate at offset `at` of `node` in its block, when that block is huge:
   * detection then looks only at the windows of it that hold one (core/text/windows.ts).
   */
  candidate(node: Text, at: number): void {
    const place = this.taken.get(node);
    if (place === undefined || place.block.text.length <= HUGE_TEXT) return;
    (place.block.candidates ??= []).push(place.start + at);
  }

  /** Takes a block read, in steps of SEGMENTS_PER_STEP text nodes (a one-paragraph page's block has 32,000). */
  private *pushSteps(r: Read): Generator<void, void, void> {
    const first = r.segments[0]?.node;
    if (first === undefined || this.taken.has(first)) return;
    const { block, segments } = r;
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i] as TextSegment;
      this.taken.set(s.node, { block, start: s.start });
      if (i % SEGMENTS_PER_STEP === SEGMENTS_PER_STEP - 1) yield;
    }
    this.blocks.push(block);
    this.segments.push(segments);
  }

  /**
   * Moves the blocks from `from` on (read in shadow trees, after the whole light
   * DOM) to their places in reading order among those before, which are in order.
   */
  *placeInOrderSteps(from: number): Generator<void, void, void> {
    const blocks = this.blocks.splice(from);
    const segments = this.segments.splice(from);
    for (let k = 0; k < blocks.length; k++) {
      const segs = segments[k] as TextSegment[];
      const lo = insertionPoint((segs[0] as TextSegment).node, this.segments);
      this.blocks.splice(lo, 0, blocks[k] as TextBlock);
      this.segments.splice(lo, 0, segs);
      if (k % 64 === 63) yield;
    }
  }

  /** Adds a candidate's blocks (one read), each after the headings open above it. */
  *addSteps(read: ExtractedBlocks): Generator<void, void, void> {
    for (let k = 0; k < read.blocks.length; k++) {
      const block = read.blocks[k] as TextBlock;
      const segments = read.segments[k] as TextSegment[];
      const first = segments[0]?.node;
      if (first === undefined || this.taken.has(first)) continue;
      // A part of a heading that a `<br>` breaks: the heading's parts before it go first.
      const parts = block.headingLevel > 0 ? this.headings.partsUpTo(first) : [];
      for (const h of this.headings.openAbove(parts[0]?.segments[0]?.node ?? first, block.headingLevel)) yield* this.pushSteps(h);
      for (const h of parts) yield* this.pushSteps(h);
      yield* this.pushSteps({ block, segments });
    }
  }
}

/**
 * Reads the blocks around `offsets` (sorted offsets into `page.text`), one
 * candidate per step. Text offsets lead to a piece of the page (page-text.ts)
 * and then, walking only that piece, to the text node.
 */
export function* readSparseSteps(page: PageText, offsets: readonly number[], headings: HeadingIndex): Generator<void, SparseBlocks, void> {
  const out = new SparseBlocks(headings);
  yield* headings.loadSteps();
  const refused = new Set<Text>();
  const find = new TextFinder(page);
  /** How many blocks were taken before the first candidate in a shadow tree (those after it go in order at the end). */
  let light = -1;
  for (const offset of offsets) {
    const text = yield* find.textAt(offset);
    if (text === null || refused.has(text)) continue;
    if (!out.has(text)) {
      const inTree = offset >= page.treesFrom;
      if (inTree && light < 0) light = out.blocks.length;
      const read = yield* extractBlocksAroundSteps(inTree ? outermostHost(text) : text);
      if (read === null) {
        refused.add(text);
        continue;
      }
      yield* out.addSteps(read);
      yield;
    }
    out.candidate(text, find.inNode);
  }
  if (light >= 0) yield* out.placeInOrderSteps(light);
  return out;
}

/**
 * The host in the light DOM of the shadow tree `node` is in. A candidate in a shadow
 * tree reads the run around that host, which holds the whole tree, nested trees too,
 * as a whole read reads it: the tree's own headings (which the page's list of
 * headings, the light DOM's, does not hold) are then read with it.
 */
function outermostHost(node: Node): Node {
  let n = node;
  for (let host = hostOf(n); host !== null; host = hostOf(n)) n = host;
  return n;
}

/** Siblings of a run looked at between two steps. */
const SIBLINGS_PER_STEP = 32;

/**
 * The text node at an offset into `page.text`, for offsets that only grow: one walk
 * forward per piece. A piece that is a run of siblings (read by the gate as one
 * Range) is first walked sibling by sibling, each read for its length, up to the
 * one holding the offset: only runs that hold a candidate are read again.
 */
class TextFinder {
  private piece = -1;
  /** In a run: the sibling being looked at, and where its text starts in the piece. */
  private sibling: Node | null = null;
  private siblingStart = 0;
  private siblingLength = 0;
  /** The subtree being walked (a piece, or a run's sibling), and where it starts in the piece. */
  private walked: Node | null = null;
  private walker: TreeWalker | null = null;
  private current: Text | null = null;
  private currentStart = 0;
  /** Where the last offset asked for falls in the text node found. */
  inNode = 0;

  constructor(private readonly page: PageText) {}

  *textAt(offset: number): Generator<void, Text | null, void> {
    const page = this.page;
    const p = pieceAt(page, offset);
    const node = page.nodes[p] as Node;
    const local = offset - (page.starts[p] as number);
    if (p !== this.piece) {
      this.piece = p;
      this.walked = null;
      this.sibling = page.runs[p] === true ? node : null;
      this.siblingStart = 0;
      this.siblingLength = this.sibling === null ? 0 : textLength(node);
    }
    let root = node;
    let rootStart = 0;
    if (page.runs[p] === true) {
      let steps = 0;
      while (this.sibling !== null && this.siblingStart + this.siblingLength <= local) {
        this.siblingStart += this.siblingLength;
        this.sibling = this.sibling.nextSibling;
        this.siblingLength = this.sibling === null ? 0 : textLength(this.sibling);
        if (++steps % SIBLINGS_PER_STEP === 0) yield;
      }
      if (this.sibling === null) return null;
      root = this.sibling;
      rootStart = this.siblingStart;
    }
    if (root.nodeType === TEXT_NODE || root.nodeType === CDATA_SECTION_NODE) {
      this.inNode = local - rootStart;
      return root as Text;
    }
    // Walk the subtree's text nodes forward (offsets only grow, so one walk per subtree).
    if (this.walked !== root) {
      this.walked = root;
      this.walker = (root.ownerDocument ?? document).createTreeWalker(root, SHOW_TEXT_AND_CDATA);
      this.current = this.walker.nextNode() as Text | null;
      this.currentStart = rootStart;
    }
    while (this.current !== null && this.currentStart + this.current.length <= local) {
      this.currentStart += this.current.length;
      this.current = (this.walker as TreeWalker).nextNode() as Text | null;
    }
    this.inNode = local - this.currentStart;
    return this.current;
  }
}

/** What a node adds to its parent's `textContent` (comments and the like: nothing). */
function textLength(node: Node): number {
  const type = node.nodeType;
  if (type === TEXT_NODE || type === CDATA_SECTION_NODE) return (node as Text).length;
  return type === ELEMENT_NODE ? (node.textContent ?? '').length : 0;
}
