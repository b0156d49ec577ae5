// The one module that writes claim marks into the page: it turns a scan's
// matches into live Ranges (highlights) and markers, reusing the marks of
// claims that are still there so a rescan does not flicker or move focus.
import type { ClaimMatch, ClaimReport } from '../core/types';
import { claimReport, type PageScan } from '../core/scan';
import { evidenceFor } from '../core/evidence/claims';
import { offsetToPosition, type TextSegment } from '../extract';
import { createMarker, isMarkerElement, type Marker, type MarkerData } from './markers';
import { markerSpot, rangeFor, rangeIsAlive } from './ranges';
import { highlightName, updateHighlightsSteps, type HighlightEntry } from './highlights';
import { pageTurns } from './timing';
import { isMarked } from './mark-settings';
import { TEXT_NODE } from '../extract/node-types';

/**
 * At most this many claims get a marker and highlight per document. Every DOM
 * change updates every live Range, so cost grows with marks × changes; a real
 * page has tens of claims. Claims past the cap are still counted and reported.
 */
export const MAX_MARKS = 200;

export interface Mark {
  key: string;
  /** Index into ScanResult.claims. */
  index: number;
  report: ClaimReport;
  label: string;
  /** The words that triggered the claim (highlighted). */
  highlight: Range;
  /**
   * The name of the highlight that holds `highlight` (its verdict's, or the quiet
   * one). A kept mark keeps it: a mark is kept only by a claim with its key, whose
   * id, stance and quote give the same verdict.
   */
  highlightName: string;
  highlightText: string;
  /**
   * Where the whole sentence lies in its block's text (flashed on "reveal", its Range
   * made then): every live Range is moved by the browser at each of the page's own
   * DOM changes, for as long as it lives, so a mark keeps only its highlight's.
   */
  sentenceAt: readonly [number, number];
  marker: Marker;
  /**
   * The block's text-node table and the offset its highlight was last found at. A
   * table is replaced whenever its block is read again, so a mark whose block still
   * has this table, at this offset, stands as it was: no need to look at its text.
   */
  segs: readonly TextSegment[];
  at: number;
}

export interface RenderResult {
  marks: Mark[];
  /** Indices of claims whose text could be mapped into the page. */
  mapped: Set<number>;
  /** Where markers were inserted or removed: the text node before each, else its parent (their blocks' text-node tables changed). */
  touched: Node[];
  /** Claims (indices into the scan's matches) whose marker was inserted in this pass. */
  inserted: number[];
  /** Removing a marker joined split text nodes again: those blocks must be re-read. */
  rejoined: boolean;
}

/** The report for match i; falls back to the evidence base if the scan left it out. */
function reportFor(scan: PageScan, i: number, m: ClaimMatch): ClaimReport {
  const r = scan.result.claims[i];
  if (r !== undefined && r.claim === m.claim) return r;
  return claimReport(m);
}

/** What identifies a claim on the page, apart from where it is: its id, stance and quoted sentence. */
export function claimKey(c: Pick<ClaimMatch, 'claim' | 'stance' | 'quote'>): string {
  return `${c.claim}\u0000${c.stance}\u0000${c.quote}`;
}

/** Whether a match is the claim a report (a mark's) was made for: same id, stance and quoted sentence. */
export function sameClaim(r: ClaimReport, m: ClaimMatch): boolean {
  return r.claim === m.claim && r.stance === m.stance && r.quote === m.quote;
}

/** Whether a mark's block still has the text-node table it was made with, and its claim the same place (see Mark.segs). */
function untouched(o: Mark, segs: readonly TextSegment[], offset: number): boolean {
  return o.segs === segs && o.at === offset && o.marker.host.isConnected;
}

/**
 * The last pass's marks, taken one by one by the claims still on the page. Most
 * passes follow a change: the claims come in the same order as the marks, with one
 * more or one less, so the mark expected next is tried first, by fields and table,
 * with no key built and no text read. Others are looked up by key and place.
 */
class PreviousMarks {
  private next = 0;
  private readonly taken = new Set<Mark>();
  private byKey: Map<string, Mark[]> | null = null;
  private positions: Map<Mark, number> | null = null;

  constructor(private readonly marks: readonly Mark[]) {}

  /** The mark to reuse for match `m` (its block's table `segs`), or undefined. */
  take(m: ClaimMatch, segs: readonly TextSegment[] | undefined): Mark | undefined {
    if (segs === undefined || segs.length === 0) return undefined;
    const expected = this.marks[this.next];
    let old: Mark | undefined;
    if (expected !== undefined && !this.taken.has(expected) && sameClaim(expected.report, m) && untouched(expected, segs, m.matchStart)) {
      old = expected;
    } else {
      old = this.takeAt(this.keyed().get(claimKey(m)), segs, m.matchStart);
    }
    if (old === undefined) return undefined;
    this.taken.add(old);
    this.next = old === expected ? this.next + 1 : (this.positions?.get(old) ?? -1) + 1;
    return old;
  }

  /** The marks no claim took (to remove). */
  left(): Mark[] {
    return this.marks.filter((m) => !this.taken.has(m));
  }

  private keyed(): Map<string, Mark[]> {
    if (this.byKey !== null) return this.byKey;
    this.byKey = new Map();
    this.positions = new Map();
    this.marks.forEach((m, i) => {
      this.positions!.set(m, i);
      const list = this.byKey!.get(m.key);
      if (list === undefined) this.byKey!.set(m.key, [m]);
      else list.push(m);
    });
    return this.byKey;
  }

  /**
   * Of marks with the claim's key, the one where the claim now is: its highlight
   * still starts at `offset` of the claim's block and covers the same words. By
   * place, not by order: a page with the same sentence twice may reorder them (a
   * list re-sorted), and a mark reused by order would stay with the other copy,
   * leaving one sentence with two markers and the other with none.
   */
  private takeAt(list: Mark[] | undefined, segs: readonly TextSegment[], offset: number): Mark | undefined {
    const free = list?.filter((o) => !this.taken.has(o)) ?? [];
    if (free.length === 0) return undefined;
    const same = free.find((o) => untouched(o, segs, offset));
    if (same !== undefined) return same;
    const at = offsetToPosition(segs, offset, 'start');
    const old = free.find((o) => o.highlight.startContainer === at.node && o.highlight.startOffset === at.offset);
    if (old === undefined || !old.marker.host.isConnected || !rangeIsAlive(old.highlight, old.highlightText)) return undefined;
    return old;
  }
}

/** Marks handled between two steps of `renderSteps`. */
const MARKS_PER_STEP = 12;

/**
 * Marks the page's matches (reusing the marks of the last pass that still fit),
 * in steps, so a page with hundreds of claims is not one long task: markers are
 * made, then inserted, then the highlights are set at the end.
 */
export function* renderSteps(
  doc: Document,
  previous: readonly Mark[],
  scan: PageScan,
  segments: readonly TextSegment[][],
  onRemoved: (marker: Marker) => void,
  onCreated: (mark: Mark) => void,
  /** False: marks still in place are kept, but no new marker goes in (fight-guard.ts). */
  marksNew = true,
): Generator<void, RenderResult, void> {
  const before = new PreviousMarks(previous);
  /** The page's turns when rendering began: once they move, a mark found in the page may have left it. */
  const turns = pageTurns();
  const marks: Mark[] = [];
  /** What changes in the highlights: the ranges of new marks, and of marks gone. */
  const highlightsIn: HighlightEntry[] = [];
  const highlightsOut: HighlightEntry[] = [];
  /** New marks, and those of them whose marker could not be inserted. */
  const created = new Set<Mark>();
  const failed = new Set<Mark>();
  const mapped = new Set<number>();
  const inserts: { spot: Range; mark: Mark }[] = [];

  // Claims past the cap get no mark: not looked at (a change on a page of 5,000 claims
  // went through every one, ~3.5 ms of a 7 ms pass).
  const marked = Math.min(scan.matches.length, MAX_MARKS);
  for (let index = 0; index < marked; index++) {
    if (index > 0 && index % MARKS_PER_STEP === 0) yield;
    const m = scan.matches[index] as ClaimMatch;
    const report = reportFor(scan, index, m);
    if (!isMarked(report.verdict)) continue; // verdict turned off in the options (the popup still lists it)
    const segs = segments[m.block];
    const old = before.take(m, segs);
    if (old !== undefined) {
      // Same key: the same claim, stance, verdict and label, so its marker shows what it
      // showed. Updated in place (nothing keeps the last pass's fields), not copied: a
      // change's pass goes through every mark, and in Firefox's profile of a late
      // paragraph the copies and the minor collections during rendering were 13 of its
      // 212 samples.
      old.index = index;
      old.report = report;
      old.segs = segs as readonly TextSegment[];
      old.at = m.matchStart;
      if (old.sentenceAt[0] !== m.start || old.sentenceAt[1] !== m.end) old.sentenceAt = [m.start, m.end];
      marks.push(old);
      mapped.add(index);
      continue;
    }
    if (!marksNew) continue;
    const label = evidenceFor(m.claim, m.quote).label;
    const data: MarkerData = { claim: m.claim, stance: m.stance, verdict: report.verdict, label };
    if (segs === undefined) continue;
    const highlight = rangeFor(segs, m.matchStart, m.matchEnd);
    const spot = markerSpot(segs, m.end);
    if (highlight === null || spot === null) continue;
    const mark: Mark = {
      key: claimKey(m),
      index,
      report,
      label,
      highlight,
      highlightName: highlightName(report.verdict, report.stance),
      highlightText: highlight.toString(),
      sentenceAt: [m.start, m.end],
      marker: createMarker(doc, data),
      segs,
      at: m.matchStart,
    };
    marks.push(mark);
    created.add(mark);
    mapped.add(index);
    inserts.push({ spot, mark });
  }

  const touched: Node[] = [];
  const inserted: number[] = [];
  let rejoined = false;
  for (const old of before.left()) {
    highlightsOut.push({ name: old.highlightName, range: old.highlight });
    onRemoved(old.marker);
    const joined = removeMarker(old.marker.host);
    if (joined !== null) {
      touched.push(joined);
      rejoined = true;
    }
  }

  const placed = (mark: Mark): void => {
    // The text the marker split, named by its node: in <body> (or a block of thousands
    // of elements) the run of inline text around it is read again, not the whole page.
    const host = mark.marker.host;
    const before = host.previousSibling;
    const at = before !== null && before.nodeType === TEXT_NODE ? before : host.parentNode;
    if (at !== null) touched.push(at);
    inserted.push(mark.index);
    highlightsIn.push({ name: mark.highlightName, range: mark.highlight });
    onCreated(mark);
  };
  // Reverse order: markers at the same spot then end up in claim order, and a
  // split leaves the spots before it where they were.
  let done = 0;
  for (let i = inserts.length - 1; i >= 0; ) {
    const { spot, mark } = inserts[i] as { spot: Range; mark: Mark };
    const at = spot.startContainer;
    let first = i;
    while (first > 0 && at.nodeType === TEXT_NODE && (inserts[first - 1] as { spot: Range }).spot.startContainer === at) first--;
    if (first < i) {
      // Several markers in one text node: split it once per spot, halves first (see splitAtSpots).
      // (A stable sort: markers at one spot stay in claim order.)
      const group = inserts.slice(first, i + 1).sort((a, b) => a.spot.startOffset - b.spot.startOffset);
      const left = new Set(group.map((g) => g.mark));
      try {
        yield* splitAtSpots(
          at as Text,
          group.map((g) => ({ spot: g.spot, host: g.mark.marker.host })),
          (k) => {
            const m = (group[k] as { mark: Mark }).mark;
            left.delete(m);
            placed(m);
          },
        );
      } catch {
        for (const m of left) {
          mapped.delete(m.index);
          failed.add(m);
        }
      }
      done += group.length;
    } else {
      try {
        insertMarker(spot, mark.marker.host);
        placed(mark);
      } catch {
        mapped.delete(mark.index);
        failed.add(mark);
      }
      done++;
    }
    i = first - 1;
    if (i >= 0 && done >= MARKS_PER_STEP) {
      done = 0;
      yield;
    }
  }
  // Every mark kept was in the page when taken, and every new one once placed: if
  // the page has not run since, they still are (a change's pass: no look at each).
  let live: Mark[];
  let added = highlightsIn;
  if (pageTurns() === turns) live = failed.size === 0 ? marks : marks.filter((m) => !failed.has(m));
  else {
    live = [];
    const gone = new Set<Range>();
    for (const m of marks) {
      if (m.marker.host.isConnected) live.push(m);
      else if (!failed.has(m)) {
        // A new mark's range was to go in; a kept one's is in and comes out.
        if (created.has(m)) gone.add(m.highlight);
        else highlightsOut.push({ name: m.highlightName, range: m.highlight });
      }
    }
    if (gone.size > 0) added = highlightsIn.filter((e) => !gone.has(e.range));
  }
  const groups = (): Map<string, Range[]> => {
    const out = new Map<string, Range[]>();
    for (const m of live) {
      const list = out.get(m.highlightName);
      if (list) list.push(m.highlight);
      else out.set(m.highlightName, [m.highlight]);
    }
    return out;
  };
  yield* updateHighlightsSteps(doc, { added, removed: highlightsOut, all: groups });
  return { marks: live, mapped, touched, inserted, rejoined };
}

/**
 * After `PageIndex.resplit` gave the blocks that got a marker new text-node tables
 * (same text, split nodes), the marks there take them: otherwise every mark made in
 * a pass would look changed to the next one, and have its text checked.
 */
export function followTables(marks: readonly Mark[], matches: readonly ClaimMatch[], segments: readonly TextSegment[][]): void {
  for (const mark of marks) {
    const segs = segments[matches[mark.index]?.block ?? -1];
    if (segs !== undefined) mark.segs = segs;
  }
}

/** Text nodes that exist only because a marker split a text node in two, each with the node it was split from. */
const splitTails = new WeakMap<Text, Node>();

/** Inserts a marker at `spot`, remembering the tail when that splits a text node. */
function insertMarker(spot: Range, host: Element): void {
  const at = spot.startContainer;
  const parent = at.parentNode;
  if (at.nodeType === TEXT_NODE && parent !== null) {
    // What Range.insertNode does, without its last step: it then finds the marker's
    // index among its siblings (for the range's new end), walking them. In a
    // paragraph of 32,000 children (a 5 MB page in one <p>) that cost ~8 ms a
    // marker in Chromium, 1.4 s for 175. Splits at any offset, even the node's very
    // end (leaving an empty tail), which is what happens when two markers share a spot.
    const tail = (at as Text).splitText(spot.startOffset);
    parent.insertBefore(host, tail);
    splitTails.set(tail, at);
    return;
  }
  spot.insertNode(host);
}

/** A text node this long is worth a step of its own to split (Firefox copies the whole node's text at each split: ~24 ms for 10 MB). */
const LONG_TEXT = 1 << 16;

/**
 * Inserts markers at `spots` of one text node (in document order; spots that are
 * equal keep their order), leaving what inserting them one by one from the last
 * leaves: each in a split, an empty piece between two at the same spot, every
 * piece after a marker remembered in `splitTails`.
 *
 * Why not one by one: a split copies the text of the node it splits (Firefox copies
 * all of it, the head it keeps too), and splitting from the last spot splits the
 * whole rest every time: 40 markers in a 10 MB node copied ~200 million
 * characters, render slices of up to ~300 ms in Firefox. Splitting at the middle
 * spot first, then each half at its middle, copies each character once per level:
 * log2 of the spots' count times the node. The browser's splitting moves every live
 * range (the spots themselves, the highlights, the page's selection) into the
 * piece that now holds its place, as no node rebuilt by hand would. Yields after
 * each split of a long node, so no step copies more than one of them; should the
 * page change the node meanwhile, the spots left are inserted one by one.
 */
function* splitAtSpots(
  node: Text,
  spots: readonly { spot: Range; host: Element }[],
  onPlaced: (k: number) => void,
): Generator<void, void, void> {
  // Spots that share an offset, as runs [from, to) of `spots`.
  const runs: [number, number][] = [];
  for (let k = 0; k < spots.length; k++) {
    const last = runs[runs.length - 1];
    if (last !== undefined && spots[last[0]]!.spot.startOffset === spots[k]!.spot.startOffset) last[1] = k + 1;
    else runs.push([k, k + 1]);
  }
  // Each entry: a node and the runs whose spots lie in it.
  const todo: { text: Text; lo: number; hi: number }[] = [{ text: node, lo: 0, hi: runs.length }];
  for (let job = todo.pop(); job !== undefined; job = todo.pop()) {
    const { text, lo, hi } = job;
    if (lo >= hi) continue;
    const mid = (lo + hi) >> 1;
    const [from, to] = runs[mid]!;
    const { spot } = spots[from]!;
    const parent = text.parentNode;
    if (spot.startContainer !== text || parent === null) {
      // The page changed the node between two steps: one by one, from the last.
      for (let k = runs[hi - 1]![1] - 1; k >= runs[lo]![0]; k--) {
        insertMarker(spots[k]!.spot, spots[k]!.host);
        onPlaced(k);
      }
      continue;
    }
    const long = text.length >= LONG_TEXT;
    const tail = text.splitText(spot.startOffset);
    splitTails.set(tail, text);
    for (let k = from; k < to; k++) {
      parent.insertBefore(spots[k]!.host, tail);
      if (k < to - 1) {
        const empty = text.ownerDocument.createTextNode('');
        parent.insertBefore(empty, tail);
        splitTails.set(empty, text);
      }
      onPlaced(k);
    }
    todo.push({ text: tail, lo: mid + 1, hi }, { text, lo, hi: mid });
    if (long) yield;
  }
}

/**
 * Removes a marker and, when inserting it had split a text node, joins the two
 * pieces again: the page's own node gets its whole text back, so the page's DOM is
 * exactly what it was. Returns the joined text node when there was a split (its
 * block, or in <body> its run of inline text, is read again).
 */
function removeMarker(host: Element): Node | null {
  const prev = host.previousSibling;
  if (prev === null || prev.nodeType !== TEXT_NODE) {
    host.remove();
    return null;
  }
  const piece = removeWithPiece(host, () => true);
  if (piece === null) return null;
  (prev as Text).appendData(piece);
  return prev;
}

/**
 * Removes a marker and, when the node after it is a piece split off a node that
 * `splitFrom` accepts, that piece too. Returns the piece's text (null: none; the
 * marker is removed anyway).
 */
function removeWithPiece(host: Element, splitFrom: (node: Node) => boolean): string | null {
  const tail = host.nextSibling;
  host.remove();
  const source = tail !== null && tail.nodeType === TEXT_NODE ? splitTails.get(tail as Text) : undefined;
  if (source === undefined || !splitFrom(source)) return null;
  splitTails.delete(tail as Text);
  tail!.parentNode?.removeChild(tail!);
  return (tail as Text).data;
}

/**
 * The page wrote to, removed or moved a text node one of our markers had split: a
 * framework updating "its" text node (React sets `data` on the node it made) knows
 * only the first piece. The pieces split off after it hold text the page no longer
 * has there, and would stay on screen ("Ships in two days. It is sold in capsules.").
 * Removes them, with the markers between, so the page's text is what the page wrote;
 * when the node was moved (it is in the page again), its pieces go back into it.
 * Returns the parents touched (their blocks must be read again).
 */
export function dropStaleSplits(records: readonly MutationRecord[]): Node[] {
  const touched: Node[] = [];
  for (const r of records) {
    // The page's node, and what followed it: after a write, its next sibling; after a
    // removal, the record's (the node was the last one removed).
    let head: Node | null = null;
    let at: Node | null = null;
    if (r.type === 'characterData') {
      head = r.target;
      at = head.nextSibling;
    } else if (r.type === 'childList' && r.removedNodes.length > 0) {
      head = r.removedNodes[r.removedNodes.length - 1] as Node;
      at = head.nodeType === TEXT_NODE ? r.nextSibling : null;
    }
    const parent = at?.parentNode ?? null;
    let pieces = '';
    // A marker followed by a piece split off this node (or off a piece of it): both go,
    // and so on down the chain.
    const chain = new Set<Node>(head !== null ? [head] : []);
    while (at !== null && isMarkerElement(at)) {
      const tail = at.nextSibling;
      const source = tail !== null && tail.nodeType === TEXT_NODE ? splitTails.get(tail as Text) : undefined;
      // Only a marker that split this node (or a piece of it) goes.
      if (source === undefined || !chain.has(source)) break;
      chain.add(tail as Text);
      const next = (tail as Text).nextSibling;
      pieces += removeWithPiece(at as Element, (node) => node === source) ?? '';
      at = next;
      if (parent !== null && touched[touched.length - 1] !== parent) touched.push(parent);
    }
    if (pieces !== '' && r.type === 'childList' && head !== null && head.parentNode !== null) {
      (head as Text).appendData(pieces);
      touched.push(head.parentNode);
    }
  }
  return touched;
}
