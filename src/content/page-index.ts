// The page's text index (blocks + text-node tables) kept between passes, so a
// mutation re-reads only the blocks it touched instead of the whole page.
// Finding those blocks costs a binary search (blocks are in document order),
// not a walk over every block: a paragraph added to a 5 MB page stays cheap.
import type { PageData, TextBlock } from '../core/types';
import { candidateOffsetsSteps, mayHoldCandidate, prepareForChanges } from '../core/claims/prefilter';
import { HUGE_TEXT, sharedPrefixLength } from '../core/text/windows';
import { carriedCandidates } from '../core/claims/carried-candidates';
import type { SectionEdit } from '../core/claims/sections';
import { extractBlocks, extractPageData, extractPageDataSteps, type ExtractedBlocks, type ExtractedPage, type TextSegment } from '../extract';
import { BLOCK_TAGS } from '../extract/tags';
import { extractRun, inlineRunAround, type InlineRun } from '../extract/blocks';
import { isMarkerElement } from './markers';
import { hasMoreDescendants, readPageTextSteps, type PageText } from './page-text';
import { PiecedText, type TextSource } from '../core/text/text-source';
import { HeadingIndex, headingHolding, readSparseSteps } from './sparse-read';
import { componentRootsUnlessPlainSteps, hostsIn, pageShadowRootsSteps } from './shadow-hosts';
import { MAX_WAITING, takeGivenRoots } from './late-roots';
import { SHADOW_LOOK_MAX_CHARS } from './shadow-text';
import { atOrAfter, boundaryAt, firstNode, hostOf, insertionPoint, inside } from './tree-order';
import {
  DOCUMENT_FRAGMENT_NODE,
  DOCUMENT_NODE,
  DOCUMENT_POSITION_CONTAINED_BY,
  DOCUMENT_POSITION_PRECEDING,
  ELEMENT_NODE,
  TEXT_NODE,
} from '../extract/node-types';
import { runToEnd, type Step } from '../core/steps';
import type { Offloaded } from './prefilter-offload';

/**
 * Pages with less text than this are read whole: reading them costs about what
 * finding where to read sparsely does. (It was 64,000 until round 20. Read whole, a
 * page's later changes re-detect every block of their section: a paragraph added to
 * a 20 KB shop page cost 8.5 ms of work, 3.4 on the same page read sparsely; its
 * first pass 21 → 17 ms. At 5 KB of HTML, 2,700 characters, the first pass costs the
 * same either way.)
 */
export const SPARSE_MIN_CHARS = 2_000;

/** NodeFilter.SHOW_TEXT (no global NodeFilter in Node, where the tests run this with linkedom). */
const SHOW_TEXT = 4;

/** Past this many changed roots one full re-read is cheaper than many partial ones. */
const MAX_PARTIAL_ROOTS = 40;

/**
 * A changed root with more elements than this is not re-read at once (a change's
 * re-read is one piece of work): the page is read again in slices instead. A page
 * replacing its whole app, or showing a large hidden part, would otherwise be one
 * long task.
 */
const MAX_PARTIAL_ELEMENTS = 3000;

/** Finds the prefilter's offsets for the text made of these pieces elsewhere, in steps (prefilter-offload.ts); undefined: it could not. */
export type Offload = (pieces: readonly string[]) => Generator<Step, Offloaded, void>;

/**
 * The page's text to read by slices, its pieces never joined (text-source.ts): on
 * the 5 MB bench page, joining them made the prefilter's first slice the longest
 * of the pass (side by side, the median longest slice went from 40 to 33 ms).
 */
function textSource(page: PageText): string | TextSource {
  const pieces = page.pieceTexts();
  return pieces.length === 1 ? (pieces[0] as string) : new PiecedText(pieces);
}

/**
 * When a change's re-read gives for one huge block a huge block first (text added to
 * a <pre> log; or a block put in its middle, splitting it): the first characters they
 * share. Detection then resumes inside it (core/claims/sections.ts, `unchangedPrefix`),
 * and a sparse index keeps it, as it kept the block before, without scanning it
 * whole: that scan alone was a step of ~60 ms on a 4.75 MB `<pre>`. (Detection finds
 * the candidates of each window it takes: core/claims/detect.ts.)
 */
function hugeReadAgain(old: readonly TextBlock[], fresh: readonly TextBlock[]): { old: TextBlock; block: TextBlock; shared: number } | undefined {
  const [was] = old;
  const [block] = fresh;
  if (old.length !== 1 || was === undefined || block === undefined) return undefined;
  if (was.text.length <= HUGE_TEXT || block.text.length <= HUGE_TEXT || was.tag !== block.tag || block.headingLevel > 0) return undefined;
  return { old: was, block, shared: sharedPrefixLength(was.text, block.text) };
}

/**
 * Huge blocks read again take the candidates of the huge block they came from
 * (core/claims/carried-candidates.ts), `again.shared` when it is the one they replace.
 */
function carryCandidates(old: readonly TextBlock[], fresh: readonly TextBlock[], again?: { block: TextBlock; shared: number }): void {
  const source = old.find((b) => b.text.length > HUGE_TEXT && b.candidates !== undefined);
  if (source === undefined) return;
  for (const b of fresh) {
    if (b.text.length <= HUGE_TEXT || b.headingLevel > 0 || b.candidates !== undefined) continue;
    const carried = carriedCandidates(source, b, again?.block === b ? again.shared : undefined);
    if (carried !== undefined) b.candidates = carried;
  }
}

/**
 * A block worth keeping in a sparse index: one that may hold a claim or name a form,
 * or a heading. A huge block read again that took the candidates of the one it came
 * from (carryCandidates) holds some if it took any: searching it compiled the
 * scanner's search (~3 ms) and read megabytes (a block put in a 10 MB `<pre>`: ~5 ms).
 */
function worthKeeping(b: TextBlock): boolean {
  return b.headingLevel > 0 || (b.candidates !== undefined && b.candidates.length > 0) || mayHoldCandidate(b.text);
}

export class PageIndex {
  page: PageData;
  segments: TextSegment[][];
  /** Blocks read since `newShadowRoots()` last looked (only new text can sit in a new shadow root). */
  private unchecked: TextSegment[][][] = [];
  /**
   * Every text node the index has held. Only a node in here can have been indexed
   * elsewhere before a change (a move): a paragraph the page just made cannot, so
   * its change skips the look through every indexed block (dropReadElsewhere).
   */
  private held = new WeakSet<Text>();
  /**
   * The shadow trees a sparse read looked into (readAutoSteps), until
   * `newShadowRoots()` hands them out: watched, a widget that fills its tree later
   * (reviews loaded after the page) is read as a change.
   */
  private trees: readonly ShadowRoot[] = [];
  /**
   * Elements that may be given a shadow root later with no record of it (a component
   * defined after our first pass, a widget's empty `<div>`: `mayGetRootLater`),
   * looked at again by `attachedRoots()`; at most MAX_WAITING.
   */
  private waiting = new Set<Element>();
  /** How a sparse index finds the prefilter's offsets again when it is rebuilt (readAutoSteps). */
  private offload: Offload | undefined = undefined;

  /**
   * Set when the index is sparse: it holds only the blocks that may hold a claim
   * or name a form, and the headings open above them (see sparse-read.ts), not
   * every block. Product details then come from a whole read on request.
   */
  private headings: HeadingIndex | null = null;

  private constructor(
    private readonly doc: Document,
    read: ExtractedPage,
    headings: HeadingIndex | null = null,
  ) {
    this.page = read.page;
    this.segments = read.segments;
    this.added(read.segments);
    this.headings = headings;
  }

  get sparse(): boolean {
    return this.headings !== null;
  }

  /** Reads the whole document, in steps (see extractBlocksSteps). */
  static *readSteps(doc: Document): Generator<void, PageIndex, void> {
    const index = new PageIndex(doc, yield* extractPageDataSteps(doc, doc.location?.href ?? null));
    const root = doc.body ?? doc.documentElement;
    // Its shadow roots (read already: a whole read looks into every open one) are
    // watched even while empty, as a sparse read's are; and the elements that may get one are kept.
    const trees: ShadowRoot[] = [];
    const waiting: Element[] = [];
    if (root !== null) hostsIn(root, trees, waiting);
    index.trees = trees;
    index.waitFor(waiting);
    return index;
  }

  static read(doc: Document): PageIndex {
    return runToEnd(PageIndex.readSteps(doc));
  }

  /**
   * Reads a large page sparsely when its text allows (`text`: the page's text,
   * already read by the gate, or null to read it here); otherwise whole.
   * `offload` finds the prefilter's offsets off the page's thread
   * (prefilter-offload.ts): it yields its answer as a `Wait`, and a caller that
   * does not wait for it (runToEnd) gets the offsets found here.
   */
  static *readAutoSteps(doc: Document, text: PageText | null, offload?: Offload): Generator<Step, PageIndex, void> {
    const root = doc.body ?? doc.documentElement;
    if (root === null) return yield* PageIndex.readSteps(doc);
    let page = text ?? ((yield* readPageTextSteps(root)) as PageText);
    if (page.length < SPARSE_MIN_CHARS) return yield* PageIndex.readSteps(doc);
    // The page's web components: their shadow trees' text, which `textContent` leaves
    // out, goes after the light DOM's. Below SHADOW_LOOK_MAX_CHARS every element is
    // looked at, and a shadow root on another element makes the page read whole.
    let trees: ShadowRoot[] = [];
    const waiting: Element[] = [];
    if (root.nodeType === ELEMENT_NODE) {
      const found = page.length < SHADOW_LOOK_MAX_CHARS ? yield* componentRootsUnlessPlainSteps(root as Element, waiting) : yield* pageShadowRootsSteps(root as Element, waiting);
      if (found === null) return yield* PageIndex.readSteps(doc);
      trees = found;
    }
    // Offsets must lead back to nodes: for text read in one call, only the piece table is made.
    if (!page.inPieces) {
      const table = yield* readPageTextSteps(root, 'pieces', page.text);
      page = table ?? ((yield* readPageTextSteps(root)) as PageText); // (changed meanwhile: read again)
    }
    if (trees.length > 0) page = yield* page.withTreesSteps(trees);
    const found = offload === undefined ? undefined : yield* offload(page.pieceTexts());
    const offsets = found !== undefined ? found.offsets : yield* candidateOffsetsSteps(textSource(page));
    if (offsets === null) return yield* PageIndex.readSteps(doc);
    const headings = new HeadingIndex(root);
    const sparse = yield* readSparseSteps(page, offsets, headings);
    // Later changes are checked with mayHoldCandidate (worthKeeping): make its scanner now
    // (with the offsets from the background, nothing here has made it; no regex is compiled).
    prepareForChanges();
    const data: PageData = { url: doc.location?.href ?? null, title: (doc.title ?? '').trim(), meta: {}, jsonLd: [], blocks: sparse.blocks };
    const index = new PageIndex(doc, { page: data, segments: sparse.segments }, headings);
    index.offload = offload;
    index.trees = trees;
    index.waitFor(waiting);
    return index;
  }

  /** Re-reads everything (title and meta too), in steps. */
  *rebuildSteps(): Generator<Step, void, void> {
    const fresh = this.sparse ? yield* PageIndex.readAutoSteps(this.doc, null, this.offload) : yield* PageIndex.readSteps(this.doc);
    this.page = fresh.page;
    this.segments = fresh.segments;
    this.headings = fresh.headings;
    this.unchecked = [fresh.segments];
    this.trees = fresh.trees;
    this.waiting = fresh.waiting;
    this.held = fresh.held;
  }

  /** The whole page's data (meta, JSON-LD, every block): what the product summary reads. */
  wholePage(): PageData {
    return this.sparse ? extractPageData(this.doc, this.doc.location?.href ?? null).page : this.page;
  }

  /** Looks at `elements` again in `attachedRoots()` (at most MAX_WAITING in all): found by a read, or added by the page (observer.ts). */
  waitFor(elements: readonly Element[]): void {
    for (const el of elements) {
      if (this.waiting.size >= MAX_WAITING) break;
      this.waiting.add(el);
    }
  }

  /** Whether some element may still be given a shadow root that `attachedRoots()` would find. */
  get waitsForRoots(): boolean {
    return this.waiting.size > 0;
  }

  /**
   * The open shadow roots given since the last look to the elements kept as able to
   * get one (`waiting`), which no MutationObserver record reports: a component
   * upgraded once its module loaded, a widget that attached its root to its
   * placeholder. Those elements, and elements removed from the page, are no longer
   * looked at; the elements inside the new trees that may get one are, and the trees
   * nested in them are handed out by `newShadowRoots` (to watch, even empty: what a
   * new tree holds is read with it). One property read per element waiting.
   */
  attachedRoots(): ShadowRoot[] {
    const roots = takeGivenRoots(this.waiting);
    const nested: ShadowRoot[] = [];
    const waiting: Element[] = [];
    for (const root of roots) hostsIn(root, nested, waiting);
    if (nested.length > 0) this.trees = [...this.trees, ...nested];
    this.waitFor(waiting);
    return roots;
  }

  /**
   * Shadow roots holding text read since the last call, and those a sparse read
   * looked into (to observe). Looks only at blocks read since then: asking every
   * text node of a large page for its root on each pass would cost more than the pass.
   */
  newShadowRoots(): Set<ShadowRoot> {
    const roots = new Set<ShadowRoot>(this.trees);
    this.trees = [];
    for (const list of this.unchecked) {
      for (const segs of list) {
        const first = segs[0];
        if (first === undefined) continue;
        const root = first.node.getRootNode();
        if (root !== this.doc && root.nodeType === DOCUMENT_FRAGMENT_NODE) roots.add(root as ShadowRoot);
      }
    }
    this.unchecked = [];
    return roots;
  }

  /**
   * After our markers split text nodes inside these blocks (their text is
   * unchanged), points the blocks' segments at the pieces. Local: no re-read,
   * no search. False if a block no longer lines up with the page (re-read then).
   */
  resplit(blockIndices: Iterable<number>): boolean {
    for (const i of new Set(blockIndices)) {
      const segs = this.segments[i];
      const block = this.page.blocks[i];
      if (segs === undefined || block === undefined) continue;
      const out: TextSegment[] = [];
      for (let j = 0; j < segs.length; j++) {
        const seg = segs[j] as TextSegment;
        const end = (segs[j + 1]?.start ?? block.text.length) as number;
        // A node no marker split still holds all of its segment: kept as it is (a
        // paragraph of 32,000 inline children has tens of thousands of segments).
        if (seg.node.length === end - seg.start) {
          out.push(seg);
          continue;
        }
        let at = seg.start;
        for (let node: Node | null = seg.node; at < end; node = node.nextSibling) {
          if (node === null) return false;
          if (node.nodeType === TEXT_NODE) {
            const length = (node as Text).length;
            if (length > 0) out.push({ node: node as Text, start: at });
            // (Pieces split off an indexed node: in the same tree, so no new shadow root to look at.)
            if (node !== seg.node) this.held.add(node as Text);
            at += length;
          } else if (!isMarkerElement(node)) return false;
        }
        if (at !== end) return false;
      }
      this.segments[i] = out;
    }
    return true;
  }

  /**
   * Re-reads the blocks under the given changed nodes. Returns the edits made to
   * the block list, or null (having changed nothing) when a full rebuild is the
   * better choice.
   */
  update(changed: readonly Node[], maxRoots = MAX_PARTIAL_ROOTS): SectionEdit[] | null {
    this.headings?.beforeChange(changed);
    const found = blockRoots(changed, this.doc);
    if (found === null) return null;
    const { roots, removed } = found;
    if (roots.length > maxRoots) return null;
    if (roots.some(tooLarge)) return null;
    // Detection counts the title (a title naming MgT makes the page about it).
    const title = (this.doc.title ?? '').trim();
    if (title !== this.page.title) this.page = { ...this.page, title };

    const blocks = this.page.blocks as TextBlock[];
    const segments = this.segments;
    const edits: SectionEdit[] = [];
    if (removed.length > 0) this.dropRemoved(removed, edits);
    // Blocks of elements moved into the parts (indexed where they were) go first: left
    // in the list until their own part is read, they put it out of page order, and the
    // binary searches placing the other parts of the batch land in the wrong place.
    const under = roots.map((root) => this.heldUnder(root));
    this.dropOutOfPlace(roots, under, edits);
    const reads = roots.map((root) => (root.run !== null ? extractRun(root.run) : extractBlocks(root.start)));
    // Sparse: whether every heading each part holds was on the page before (its edits say so);
    // then the heading list learns the new ones, once for all parts, before any is placed.
    const headings = this.headings;
    const known = reads.map(
      (read) =>
        headings === null ||
        read.segments.every((segs, i) => (read.blocks[i] as TextBlock).headingLevel === 0 || segs[0] === undefined || headings.knowsHeadingOf(segs[0].node)),
    );
    if (headings !== null && known.includes(false)) headings.update(reads.flatMap(headingElements));
    for (const [k, root] of roots.entries()) {
      let fresh = reads[k] as ExtractedBlocks;
      /** Every heading among the fresh blocks was on the page before (only newly indexed). */
      let headingsKnown = false;
      let [from, to] = runOf(root, segments, undefined, this.headings);
      const replaced = blocks.slice(from, to);
      const again = hugeReadAgain(replaced, fresh.blocks);
      carryCandidates(replaced, fresh.blocks, again);
      if (this.headings !== null) {
        const before = segments.length;
        // Headings open above the fresh blocks go right before them: `from` is where to look first.
        fresh = this.keepSparse(fresh, edits, from, again?.block);
        headingsKnown = known[k] as boolean;
        if (segments.length > before) [from, to] = runOf(root, segments, from + segments.length - before);
      }
      const moved = this.dropReadElsewhere(fresh.segments, from, to, edits);
      from -= moved;
      to -= moved;
      const removed = blocks.splice(from, to - from, ...fresh.blocks);
      segments.splice(from, to - from, ...fresh.segments);
      this.added(fresh.segments);
      // Sparse: re-reading a part of the page can index a heading that was there all
      // along; that changes no section (the rescan checks none went away).
      const edit: SectionEdit = { at: from, removed, added: fresh.blocks, ...(headingsKnown ? { headingsWereThere: true } : {}) };
      if (again !== undefined && removed.length === 1 && removed[0] === again.old && fresh.blocks[0] === again.block) {
        edit.unchangedPrefix = again.shared;
      }
      edits.push(edit);
    }
    this.page = { ...this.page, blocks };
    return edits;
  }

  /** Blocks entering the index: their shadow roots are looked at next, their nodes remembered. */
  private added(list: TextSegment[][]): void {
    this.unchecked.push(list);
    for (const segs of list) for (const s of segs) this.held.add(s.node);
  }

  /**
   * Drops the blocks read inside block elements the page removed (named alone by the
   * observer: a block that stood between other blocks, whose going changes no other
   * block). A cookie banner closing beside the page's <main> named <main>, and the
   * whole page was read again.
   */
  private dropRemoved(removed: readonly Node[], edits: SectionEdit[]): void {
    const blocks = this.page.blocks as TextBlock[];
    const segments = this.segments;
    let headingGone = false;
    // From the end, so removing one leaves the indices still to look at in place.
    for (let i = segments.length - 1; i >= 0; i--) {
      const node = firstNode(segments, i);
      if (node === undefined || node.isConnected || !removed.some((r) => inside(r, node))) continue;
      const gone = blocks.splice(i, 1);
      segments.splice(i, 1);
      edits.push({ at: i, removed: gone, added: [] });
      headingGone ||= (gone[0] as TextBlock).headingLevel > 0;
    }
    // The heading list must not offer them: one update for all.
    if (headingGone) this.headings?.update([]);
  }

  /**
   * Drops the blocks holding text now under one of `roots` (`under`, per root) that
   * sit in the list where that root is not: between two blocks outside the roots that
   * do not enclose it in page order. (A block in its place is left to its part's read,
   * which may keep it: a huge block read again is not detected whole again.)
   */
  private dropOutOfPlace(roots: readonly Part[], under: readonly Text[][], edits: SectionEdit[]): void {
    if (!under.some((u) => u.length > 0)) return;
    const owner = new Map<Text, number>();
    under.forEach((nodes, k) => nodes.forEach((n) => owner.set(n, k)));
    const segments = this.segments;
    const blocks = this.page.blocks as TextBlock[];
    const rootOf = (i: number): number | undefined => {
      for (const s of segments[i] as TextSegment[]) {
        const k = owner.get(s.node);
        if (k !== undefined) return k;
      }
      return undefined;
    };
    const partOfBlock = segments.map((_, i) => rootOf(i));
    /** The nearest block from `i` (by `step`) outside every root and in the page. */
    const outside = (i: number, step: number): Text | null => {
      for (let j = i + step; j >= 0 && j < segments.length; j += step) {
        const node = firstNode(segments, j);
        if (partOfBlock[j] === undefined && node !== undefined && node.isConnected) return node;
      }
      return null;
    };
    for (let i = segments.length - 1; i >= 0; i--) {
      const k = partOfBlock[i];
      if (k === undefined) continue;
      const start = (roots[k] as Part).start;
      const before = outside(i, -1);
      const after = outside(i, 1);
      const inPlace = (before === null || !atOrAfter(start, before) || holds(roots[k] as Part, before)) && (after === null || atOrAfter(start, after));
      if (inPlace) continue;
      const gone = blocks.splice(i, 1);
      segments.splice(i, 1);
      partOfBlock.splice(i, 1);
      edits.push({ at: i, removed: gone, added: [] });
    }
  }

  /**
   * Text nodes under `part` that the index has held: an element moved here was
   * indexed where it was, also when it now gives no block (moved hidden, or into a
   * part that skips it).
   */
  private heldUnder(part: Part): Text[] {
    const out: Text[] = [];
    const visit = (n: Node): void => {
      if (n.nodeType === TEXT_NODE) {
        if (this.held.has(n as Text)) out.push(n as Text);
        return;
      }
      if (n.nodeType !== ELEMENT_NODE) return;
      const walker = this.doc.createTreeWalker(n, SHOW_TEXT);
      for (let t = walker.nextNode(); t !== null; t = walker.nextNode()) if (this.held.has(t as Text)) out.push(t as Text);
    };
    if (part.run === null) visit(part.start);
    else for (let n: Node | null = part.run.first; n !== null; n = n === part.run.last ? null : n.nextSibling) visit(n);
    return out;
  }

  /**
   * An element moved here (a carousel turning, a list re-sorted) was indexed where it
   * was, and is still in the page, so no run dropped it there: drops every block
   * outside [from, to) that holds text the fresh blocks hold, or its claims would
   * count twice. (Blocks of text now under the part that sit elsewhere, fresh or not,
   * went before the read: dropOutOfPlace. This catches what that check let stand.)
   * Returns how many of them were before `from`.
   */
  private dropReadElsewhere(fresh: readonly TextSegment[][], from: number, to: number, edits: SectionEdit[]): number {
    const nodes = new Set<Text>();
    let seen = false;
    for (const segs of fresh) {
      for (const s of segs) {
        nodes.add(s.node);
        seen ||= this.held.has(s.node);
      }
    }
    if (!seen) return 0;
    const blocks = this.page.blocks as TextBlock[];
    const segments = this.segments;
    let before = 0;
    // From the end, so removing one leaves the indices still to look at (and [from, to)) in place.
    for (let i = segments.length - 1; i >= 0; i--) {
      if (i >= from && i < to) continue;
      if (!(segments[i] as TextSegment[]).some((s) => nodes.has(s.node))) continue;
      const removed = blocks.splice(i, 1);
      segments.splice(i, 1);
      edits.push({ at: i, removed, added: [] });
      if (i < from) before++;
    }
    return before;
  }

  /**
   * Sparse index: of freshly read blocks, keeps those worth keeping, and first
   * inserts the headings open above them that the index lacks (each an edit of
   * its own).
   */
  private keepSparse(read: ExtractedBlocks, edits: SectionEdit[], hint: number, kept?: TextBlock): ExtractedBlocks {
    const headings = this.headings as HeadingIndex;
    const blocks = this.page.blocks as TextBlock[];
    const segments = this.segments;
    // (`kept`: a huge block read again, kept as the block it replaces was, without scanning all of it.)
    const keep = read.blocks.map((b) => b === kept || worthKeeping(b));
    const fresh = { blocks: read.blocks.filter((_, i) => keep[i]), segments: read.segments.filter((_, i) => keep[i]) };
    // Headings read with the fresh blocks or added here.
    const have = new Set(fresh.segments.map((s) => s[0]?.node));
    for (const segs of fresh.segments) {
      const first = segs[0]?.node;
      if (first === undefined) continue;
      for (const h of headings.openAbove(first, 0)) {
        const node = h.segments[0]?.node;
        if (node === undefined || have.has(node)) continue;
        have.add(node);
        // Most headings open above a change are indexed already (the section's own, the
        // page's <h1>): found by a look back through the index, not by a search of the
        // page, each of whose `compareDocumentPosition` calls walks long child lists (a
        // paragraph appended to a 5 MB page of dense sections: 15 ms in them).
        if (indexedBefore(blocks, segments, hint, node, h.block.headingLevel)) continue;
        // Right before the part (`hint`), checked with two comparisons. Else usually
        // already indexed far from it (the page's <h2> above a grid that got 20 new
        // cards, asked once per card): placed by heading counts, as a run is, not by
        // comparisons across the long list (~60 ms for those 20 cards).
        const at = boundaryAt(node, segments, hint) ? hint : insertionPoint(node, segments, placeByHeadings(node, segments, headings) ?? undefined);
        // (Past blocks whose text left the page: the searches place a block before them.
        // Taken for missing, a heading there was indexed twice, and the part read next
        // stopped at the copy, leaving a removed block's claims counted.)
        if (firstNode(segments, nextConnected(segments, at)) === node) continue;
        if (at <= hint) hint++;
        blocks.splice(at, 0, h.block);
        segments.splice(at, 0, h.segments);
        this.added([h.segments]);
        edits.push({ at, removed: [], added: [h.block], headingsWereThere: true });
      }
    }
    return fresh;
  }
}

/**
 * Blocks `indexedBefore` looks back over at most: a heading open above a change is
 * usually a few blocks before it. Looking back over the whole index for the page's
 * `<h1>` and a grid's `<h2>` (and for a card's `<h3>` the index lacks) cost a
 * paragraph appended to a 1 MB page of 3,000 cards ~1.7 ms, where the searches took
 * a few comparisons.
 */
const LOOK_BACK = 256;

/**
 * Whether heading text `node` (of `level`) is indexed within LOOK_BACK blocks before
 * `at`: a look back over the blocks' own fields (no DOM), ended by a heading of a
 * higher level, which closes any section `node` opened. False leaves the answer to
 * the searches.
 */
function indexedBefore(blocks: readonly TextBlock[], segments: readonly TextSegment[][], at: number, node: Text, level: number): boolean {
  const end = Math.min(at, blocks.length);
  for (let i = end - 1; i >= Math.max(0, end - LOOK_BACK); i--) {
    const other = (blocks[i] as TextBlock).headingLevel;
    if (other === 0) continue;
    if (firstNode(segments, i) === node) return true;
    if (other < level) return false;
  }
  return false;
}

function connected(segments: readonly TextSegment[][], i: number): boolean {
  return firstNode(segments, i)?.isConnected === true;
}

/** The first block from `i` (before `hi`) whose text is still in the page, or `hi`. */
function nextConnected(segments: readonly TextSegment[][], i: number, hi = segments.length): number {
  while (i < hi && !connected(segments, i)) i++;
  return i;
}

/**
 * Where `root`'s run likely starts, found by how many headings come before each
 * block (a number: no DOM comparison) and compared in the DOM only among blocks
 * under the same heading, which lie close together. A guess: the list of headings
 * can be stale (a heading moved), so the caller checks it with `boundaryAt`. Null
 * when a block's heading is not near it (no cheap count).
 */
function placeByHeadings(root: Node, segments: readonly TextSegment[][], headings: HeadingIndex): number | null {
  const target = headings.countNear(root);
  if (target === null) return null;
  return firstAtOrAfter(segments, 0, segments.length, (node) => {
    const count = headings.countNear(node);
    if (count === null) return null;
    return count !== target ? count > target : atOrAfter(root, node);
  });
}

/**
 * Binary search in [lo, hi) for the first block whose first node `isAfter` says is
 * at or after the point sought. Removed text has no position: the next block still
 * in the page is probed instead. Null as soon as `isAfter` cannot tell.
 */
function firstAtOrAfter(segments: readonly TextSegment[][], lo: number, hi: number, isAfter: (node: Text) => boolean | null): number | null {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const j = nextConnected(segments, mid, hi);
    if (j === hi) {
      hi = mid;
      continue;
    }
    const after = isAfter(firstNode(segments, j) as Text);
    if (after === null) return null;
    if (after) hi = mid;
    else lo = j + 1;
  }
  return lo;
}

/**
 * [from, to): the indexed blocks that lie in `part`, plus any next to them whose
 * text was removed from the page. Blocks are in document order, so those in
 * `part` are one run, found by binary search.
 */
function runOf(part: Part, segments: readonly TextSegment[][], hint?: number, headings?: HeadingIndex | null): [number, number] {
  const root = part.start;
  let lo = 0;
  let hi = segments.length;
  if (hint === undefined && headings) hint = placeByHeadings(root, segments, headings) ?? undefined;
  if (hint !== undefined && boundaryAt(root, segments, hint)) lo = hi = hint;
  lo = firstAtOrAfter(segments, lo, hi, (node) => atOrAfter(root, node)) as number;
  let from = lo;
  while (from > 0 && !connected(segments, from - 1)) from--;
  let to = lo;
  for (; to < segments.length; to++) {
    const node = firstNode(segments, to);
    if (node !== undefined && node.isConnected && !holds(part, node)) break;
  }
  return [from, to];
}

/** The heading elements of the heading blocks in `read`. */
function headingElements(read: ExtractedBlocks): Element[] {
  const out: Element[] = [];
  read.segments.forEach((segs, i) => {
    const first = segs[0]?.node;
    const el = (read.blocks[i] as TextBlock).headingLevel > 0 && first !== undefined ? headingHolding(first) : null;
    if (el !== null) out.push(el);
  });
  return out;
}

/**
 * What one change re-reads: the block element (or shadow root) around it, or, for
 * inline content straight under <body> or in a large block, the run of inline
 * siblings around it (`run`), whose block is only that run, not the whole page.
 */
interface Part {
  /** The element, or the run's first node. */
  start: Node;
  run: InlineRun | null;
}

/** Whether `node` is read as part of `part` (crossing shadow boundaries). */
function holds(part: Part, node: Node): boolean {
  if (part.run === null) return inside(part.start, node);
  const { first, last } = part.run;
  // Lift `node` out of shadow trees into the run's tree.
  let x: Node | null = node;
  while (x !== null && x.getRootNode() !== first.getRootNode()) x = hostOf(x);
  if (x === null || !atOrAfter(first, x)) return false;
  return x === last || (last.compareDocumentPosition(x) & (DOCUMENT_POSITION_CONTAINED_BY | DOCUMENT_POSITION_PRECEDING)) !== 0;
}

/** A part with more elements than a change's re-read should take at once (see MAX_PARTIAL_ELEMENTS). */
function tooLarge(part: Part): boolean {
  if (part.run === null) return part.start.nodeType === ELEMENT_NODE && hasMoreDescendants(part.start as Element, MAX_PARTIAL_ELEMENTS);
  let left = MAX_PARTIAL_ELEMENTS;
  for (let n: Node | null = part.run.first; n !== null; n = n === part.run.last ? null : n.nextSibling) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    if (--left < 0 || hasMoreDescendants(n as Element, left)) return true;
    left -= (n as Element).getElementsByTagName('*').length;
  }
  return false;
}

/**
 * The nearest block element (or shadow root) around each changed node, with
 * nested ones removed; apart, those the page removed. Inline content straight
 * under <body>, or in a block too large to re-read at once, gives the run of
 * inline siblings around it (a script's text or a live counter appended to <body>
 * named the whole page: the 5 MB long read, ~270 ms of work for a storm of 20).
 * Null when a change reaches <body> or <html> otherwise: rebuild then.
 */
function blockRoots(changed: Iterable<Node>, doc: Document): { roots: Part[]; removed: Node[] } | null {
  const found = new Set<Node>();
  const runs = new Map<Node, InlineRun>();
  const removed = new Set<Node>();
  /** The nodes of the runs found so far (the siblings from each run's first to its last). */
  const inRuns = new Set<Node>();
  /** Whether `node` is in a run found already, below block `n`: its run is that one. */
  const inFoundRun = (node: Node, n: Node): boolean => {
    for (let x: Node | null = node; x !== null && x !== n; x = x.parentNode) if (inRuns.has(x)) return true;
    return false;
  };
  const large = new Map<Node, boolean>();
  const isLarge = (el: Node): boolean => {
    let is = large.get(el);
    if (is === undefined) large.set(el, (is = el.nodeType === ELEMENT_NODE && hasMoreDescendants(el as Element, MAX_PARTIAL_ELEMENTS)));
    return is;
  };
  for (const node of changed) {
    // (A shadow root named itself, its content's neighbour neither a block nor text: a
    // nested component. Its parentNode is null, and the change was taken for nothing.)
    let n: Node | null = node.nodeType === ELEMENT_NODE || node.nodeType === DOCUMENT_FRAGMENT_NODE ? node : node.parentNode;
    while (n !== null) {
      if (n.nodeType === DOCUMENT_FRAGMENT_NODE) break; // a shadow root: its own block run
      if (n.nodeType === ELEMENT_NODE) {
        const tag = (n as Element).localName;
        // <head> holds no block (the title is read apart, in `update`): a page's title
        // ticking "(1) New message", or a style sheet written rule by rule, re-read the page.
        if (n === doc.head) break;
        if (tag === 'html') return null;
        if (BLOCK_TAGS.has(tag)) break;
      }
      n = n.parentNode;
    }
    if (n === doc || n?.nodeType === DOCUMENT_NODE) return null;
    // Removed, with no block around it: its blocks are dropped (inline nodes removed
    // straight from a block); a removal inside a block named that block too.
    if (n === null) {
      if (!node.isConnected) removed.add(node);
      continue;
    }
    if (n === doc.head) continue; // nothing read
    // A block removed (the observer names one that stood alone): its blocks are dropped.
    if (!n.isConnected) {
      removed.add(n);
      continue;
    }
    // <body>'s block is the whole page.
    const whole = n.nodeType === ELEMENT_NODE && (n as Element).localName === 'body';
    if (n !== node && node.isConnected && (whole || isLarge(n))) {
      // Loose text in <body> or a large block (an app's root, a <main> of thousands of
      // elements): its run, not the block, which would be re-read with the whole page.
      // (Finding a run walks it: 1,000 inline rows appended to a run of 4,000 walked it
      // 1,000 times, ~1.4 s in one task, where the first walk tells where each lies.)
      if (inFoundRun(node, n)) continue;
      const run = inlineRunAround(node);
      // Inside a skipped subtree (a button's label, a hidden part): nothing read there
      // changed. (Its root being hidden or shown names the root, whose run is read.)
      if (run === null) continue;
      if (run.container === n) {
        runs.set(run.first, run);
        for (let x: Node | null = run.first; x !== null; x = x === run.last ? null : x.nextSibling) inRuns.add(x);
        continue;
      }
      // A role=heading element in between: a block of its own (blocks.ts), read alone.
      found.add(run.container);
      continue;
    }
    if (whole) return null;
    found.add(n);
  }
  const parts: Part[] = [...runs.values()].map((run) => ({ start: run.first, run }));
  for (const r of found) parts.push({ start: r, run: null });
  return { roots: outermost(parts), removed: [...removed] };
}

/** Up to this many parts, each is compared with every other (`holds`); past it, a walk up from each. */
const PAIRWISE_PARTS = 32;

/**
 * The parts no other part holds. Compared pairwise, 1,000 rows appended at once (a
 * list rendered again) cost ~115 ms in one task, a million comparisons; past
 * PAIRWISE_PARTS each part's start walks up its ancestors (out of shadow trees to
 * their hosts) looking for the start of an element part or a node of a run: the same
 * answer (`holds`), in time proportional to the parts' depth and the runs' length.
 */
function outermost(parts: Part[]): Part[] {
  if (parts.length <= PAIRWISE_PARTS) return parts.filter((r) => !parts.some((other) => other !== r && holds(other, r.start)));
  const owners = new Map<Node, Part[]>();
  const own = (node: Node, part: Part): void => {
    const list = owners.get(node);
    if (list === undefined) owners.set(node, [part]);
    else list.push(part);
  };
  for (const part of parts) {
    if (part.run === null) own(part.start, part);
    else for (let n: Node | null = part.run.first; n !== null; n = n === part.run.last ? null : n.nextSibling) own(n, part);
  }
  return parts.filter((r) => {
    for (let x: Node | null = r.start; x !== null; x = x.parentNode ?? hostOf(x)) {
      if (owners.get(x)?.some((other) => other !== r)) return false;
    }
    return true;
  });
}
