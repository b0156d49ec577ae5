// One run of Evidence Lens in one document: passes (read → scan → render),
// the observer, the card, hover and the answers to the popup. Passes never
// overlap: a change during a pass queues one more pass.
import { summarize, type PageScan } from '../core/scan';
import { summarizeProduct } from '../core/product';
import type { ClaimMatch, ClaimReport, ScanResult } from '../core/types';
import type { ClaimRef, PageReport, RevealResponse } from '../shared/messages';
import { sendToBackground } from '../shared/content-messaging';
import { PageIndex, type Offload } from './page-index';
import { offsetsInBackgroundSteps, type Offloaded } from './prefilter-offload';
import { takeLongestRead, type PageText } from './page-text';
import { detectSectionsSteps, rescanSectionsSteps, sameBlocks, type Detected, type SectionEdit, type SkipBlock } from '../core/claims/sections';
import { keptBlocksSteps } from './kept-blocks';
import { detectInBackgroundSteps } from './detect-offload';
import { setCount } from './count';
import { reportCount } from './badge-count';
import { loadStrings } from './strings';
import { claimKey, followTables, renderSteps, type Mark, type RenderResult } from './render';
import { claimReports } from './claim-reports';
import { PageObserver, treeContentNodes } from './observer';
import { CardController, type CardTarget } from './card-controller';
import { watchHover } from './hover';
import { flash } from './highlights';
import { rangeFor } from './ranges';
import type { Marker } from './markers';
import { FightGuard, REMARK_QUIET_MS } from './fight-guard';
import { CHANGE_BUDGET_MS, SLICE_BUDGET_MS, Slicer, markPassStart, measurePass, yieldToMain, type GateRead } from './timing';
import { lookAgainLater, type LaterLooks } from './late-roots';
import { listenToMarkers } from './marker-events';
import type { Step } from '../core/steps';

/** Whether two lists of matches are the same claims, in the same order. */
function sameClaims(a: readonly ClaimMatch[], b: readonly ClaimMatch[]): boolean {
  return a.length === b.length && a.every((m, i) => claimKey(m) === claimKey(b[i] as ClaimMatch));
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class Session {
  private index: PageIndex | null = null;
  /** The last pass's matches (and what the next incremental rescan needs). */
  private detected: Detected | null = null;
  /** On a page read whole: the blocks the prefilter found nothing in, which detection passes over (kept-blocks.ts). */
  private skip: SkipBlock | undefined = undefined;
  /** The background's time for the prefilter and detection in the current pass (its detail reports it); undefined: neither ran there. */
  private offThreadMs: number | undefined = undefined;
  /** The prefilter in the background, noting its time for the pass: for a sparse read (kept by the index for its rebuilds) and a page read whole. */
  private readonly offload: Offload = (pieces) => this.offloadSteps(pieces);
  private claims: ClaimReport[] = [];
  /** The full result (product summary, disclaimer, dose) is read only when the popup asks. */
  private result: ScanResult | null = null;
  private marks: Mark[] = [];
  private mapped = new Set<number>();
  private ready = false;
  private running: Promise<void> | null = null;
  /** Changes waiting for the next pass; null inside means "re-read everything". */
  private queued: Node[] | null | undefined = undefined;
  private readonly abort = new AbortController();
  private readonly observer: PageObserver;
  private readonly cards: CardController;
  /** Each marker host this session made, with the mark it was made for (marker-events.ts asks which marker an event is in). */
  private readonly wired = new WeakMap<EventTarget, Mark>();
  private hoverInstalled = false;
  /** Holds new markers back on a page that undoes them as they appear (fight-guard.ts). */
  private readonly fight = new FightGuard();
  /** The marks the last pass put in (whether the page undid them tells the fight guard). */
  private fresh: Mark[] = [];
  /** When the first change waiting for the next pass came (null: none waits). */
  private since: number | null = null;
  /** The later looks for shadow roots under way (lookForRootsLater; `soon` brings the next forward), or null. */
  private looking: LaterLooks | null = null;
  /** While markers are held back: brings them back after a quiet spell (when the fight guard agrees). */
  private quietTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    /** The page's text as the gate read it (the first pass need not read it again), or null. */
    private initialText: PageText | null = null,
  ) {
    loadStrings();
    this.observer = new PageObserver(
      doc,
      (changed, since) => this.request(changed, since),
      (waiting) => {
        this.index?.waitFor(waiting);
        this.lookForRootsLater(true);
      },
    );
    this.cards = new CardController(doc, this.abort.signal, (t) => this.detailsRequested(t));
    this.listenToMarkers();
  }

  private *offloadSteps(pieces: readonly string[]): Generator<Step, Offloaded, void> {
    const found = yield* offsetsInBackgroundSteps(pieces);
    if (found !== undefined) this.offThreadMs = (this.offThreadMs ?? 0) + found.ms;
    return found;
  }

  /** Runs a pass now, or after the current one. `changed` null = full re-read; `since`: when the first change came. */
  request(changed: Node[] | null, since = performance.now()): Promise<void> {
    clearTimeout(this.quietTimer);
    // A change may come with shadow roots no record reports (a component defined meanwhile).
    if (changed !== null) changed = [...changed, ...this.lateRoots()];
    if (changed !== null) this.since = Math.min(this.since ?? since, since);
    if (this.running) {
      this.queueChange(changed);
      return this.running;
    }
    this.running = this.loop(changed).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Reads the open shadow trees of `hosts` that no pass has read: the gate found MgT
   * in a root given to a plain element after load (gate.ts, `inGivenRoot`), which the
   * first pass's sparse read does not look for.
   */
  readTreesOf(hosts: readonly Element[]): Promise<void> {
    const nodes = this.observer.unwatchedTrees(hosts);
    return nodes.length > 0 ? this.request(nodes) : Promise.resolve();
  }

  /**
   * Shadow roots given since the last look to elements that may get one
   * (PageIndex.attachedRoots), watched from now on: the nodes naming what they hold
   * already, for a pass to read.
   */
  private lateRoots(): Node[] {
    const roots = this.index?.attachedRoots() ?? [];
    for (const root of roots) this.observer.observe(root);
    return roots.flatMap(treeContentNodes);
  }

  /**
   * Looks for such roots a few times (late-roots.ts) after a pass that left elements
   * that may get one, and again when the person scrolls, clicks or types, unless
   * looks are under way; a pass reads those found.
   */
  private lookForRootsLater(added = false): void {
    if (this.index?.waitsForRoots !== true) return;
    // Elements the page just added: the next look soon, not at the schedule's next (up to 16 s on).
    if (this.looking !== null) {
      if (added) this.looking.soon();
      return;
    }
    this.looking = lookAgainLater(
      () => {
        const changed = this.lateRoots();
        if (changed.length > 0) void this.request(changed).catch(() => undefined);
        return this.index?.waitsForRoots === true;
      },
      () => {
        this.looking = null;
      },
      this.doc, // (the person scrolling to a widget that attaches its root then)
    );
  }

  /** Tells the fight guard whether the page undid the last pass's new markers (at a pass for the page's changes). */
  private watchFight(changed: Node[] | null): void {
    const since = this.since;
    this.since = null;
    if (changed === null || since === null) return;
    const fresh = this.fresh;
    this.fresh = [];
    const undone = fresh.length > 0 && this.fight.asksUndone(since) ? fresh.some((m) => !m.marker.host.isConnected) : null;
    this.fight.beforeChange(since, undone);
  }

  /** Adds `changed` to what the pass after the current one reads (null: everything). */
  private queueChange(changed: Node[] | null): void {
    if (changed === null || this.queued === null) this.queued = null;
    else this.queued = [...(this.queued ?? []), ...changed];
  }

  private async loop(first: Node[] | null): Promise<void> {
    let changed: Node[] | null | undefined = first;
    while (changed !== undefined) {
      try {
        await this.pass(changed);
      } catch {
        // A failed pass leaves the previous marks; never surface it to the page.
      }
      changed = this.queued;
      this.queued = undefined;
    }
  }

  /**
   * One pass, in slices of at most SLICE_BUDGET_MS (CHANGE_BUDGET_MS for a
   * change): read (all, or only the changed blocks), detect (all, or only the
   * changed section), render.
   */
  private async pass(changed: Node[] | null): Promise<void> {
    const doc = this.doc;
    // A change is handled in the observer's callback, before the page lays it out
    // (see observer.ts); a full pass lets the page go first.
    if (changed === null) await yieldToMain();
    markPassStart();
    this.offThreadMs = undefined;
    const slicer = new Slicer(changed === null ? SLICE_BUDGET_MS : CHANGE_BUDGET_MS);
    // (In the slice: it looks at the last pass's new markers, our work too.)
    this.watchFight(changed);
    let edits: SectionEdit[] | null = null;
    slicer.phase('read');
    let gate: GateRead | undefined;
    let longestRead: number | undefined;
    /** A change's pass read the whole page again (reported: it is what a change should not cost). */
    let reread = false;
    if (this.index === null) {
      const text = this.initialText;
      this.initialText = null;
      gate = text?.readAs;
      this.index = await slicer.drain(PageIndex.readAutoSteps(doc, text, this.offload));
      longestRead = takeLongestRead();
    }
    else {
      if (changed !== null) edits = this.index.update(changed);
      if (edits === null) {
        reread = changed !== null;
        await slicer.drain(this.index.rebuildSteps());
      }
    }
    const index = this.index;
    const { blocks, title } = index.page;

    slicer.phase('detect');
    let detected: Detected | null = null;
    if (edits !== null && this.detected !== null) detected = await slicer.drain(rescanSectionsSteps(blocks, title, this.detected, edits, this.skip));
    // A full pass asks the background (a change's pass marks before the page's next
    // layout, and cannot wait for it): on a page read whole, which blocks hold nothing
    // (a sparse read reads only blocks that may hold something); then detection
    // itself (detect-offload.ts), where it can.
    if (changed === null) {
      this.skip = index.sparse ? undefined : ((await slicer.drain(keptBlocksSteps(blocks, this.offload))) ?? undefined);
      const elsewhere = await slicer.drain(detectInBackgroundSteps(blocks, title, this.skip));
      if (elsewhere !== undefined) {
        detected = elsewhere.detected;
        this.offThreadMs = (this.offThreadMs ?? 0) + elsewhere.ms;
      }
    }
    detected ??= await slicer.drain(detectSectionsSteps(blocks, title, undefined, this.skip));
    const matches = detected.matches;
    // The same matches (a change that moved no claim, a new title) keep their reports.
    // (A rescan says which of its matches are the last pass's, whose reports `this.claims` holds.)
    let claims = matches === this.detected?.matches ? this.claims : claimReports(matches, this.claims, detected.reused);
    // Rendering many marks is one piece of work: it starts a slice of its own (a
    // change's few marks go on in the same slice while it has time).
    if (edits === null) await slicer.next();
    else await slicer.maybeNext();

    slicer.phase('render');
    const scan: PageScan = {
      matches,
      result: { product: null, disclaimer: false, claims, dose: null, disease_claims: [] },
    };
    // Our markers and text-node splits are not page changes; the page's between our steps are.
    const result: RenderResult = await slicer.drain(
      renderSteps(
        doc,
        this.marks,
        scan,
        index.segments,
        (m) => this.cards.forget(m),
        (mark) => this.wired.set(mark.marker.host, mark),
        this.fight.marksNew,
      ),
      (step) => this.observer.ownChanges(step),
    );
    const inserted = new Set(result.inserted);
    this.fresh = result.marks.filter((m) => inserted.has(m.index));
    this.fight.afterPass(performance.now(), this.fresh.length > 0);
    slicer.phase('reindex');
    // Markers split text nodes: point those blocks at the pieces so later offsets map
    // to the right nodes. (Their text is unchanged, so the matches stay valid.)
    if (result.touched.length > 0) {
      // Only blocks that got a marker now: older splits were followed in earlier passes.
      const marked = result.inserted.map((i) => matches[i]?.block ?? -1);
      // Joined text nodes (a marker removed) are re-read; split ones are followed.
      const ok = result.rejoined ? false : index.resplit(marked);
      // The marks' blocks still line up: they take the new tables (a re-read leaves
      // them on the old ones, and the next pass checks their text).
      if (ok) followTables(result.marks, matches, index.segments);
      // A re-read gives the same text, but not always the same blocks (a sparse read
      // keeps others; a run of loose text is read whole, a block read twice once):
      // the matches were found in the blocks before, and are found again in these.
      let moved: SectionEdit[] | 'all' | null = null;
      if (!ok) {
        const again = index.update(result.touched, Infinity);
        if (again === null) {
          reread = true;
          await slicer.next();
          await slicer.drain(index.rebuildSteps());
          if (!sameBlocks(blocks, index.page.blocks)) moved = 'all';
        } else if (!again.every((e) => sameBlocks(e.removed, e.added))) moved = again;
      }
      if (moved !== null) {
        const now = index.page;
        const rescan = moved === 'all' ? null : await slicer.drain(rescanSectionsSteps(now.blocks, now.title, detected, moved, this.skip));
        const found = rescan ?? (await slicer.drain(detectSectionsSteps(now.blocks, now.title, undefined, this.skip)));
        // Other claims than those just marked: one more pass marks them.
        if (!sameClaims(found.matches, matches)) this.queueChange([]);
        else followTables(result.marks, found.matches, index.segments);
        detected = found;
        claims = claimReports(found.matches, claims);
      }
    }
    for (const root of index.newShadowRoots()) this.observer.observe(root);
    this.lookForRootsLater();

    this.detected = detected;
    this.claims = claims;
    this.result = null;
    this.marks = result.marks;
    this.mapped = result.mapped;
    this.ready = true;
    setCount(doc, detected.matches.length);
    if (this.marks.length > 0) this.installHover();
    // The badge's count, when it changed. Sending serializes it here, on the page's thread: part of the slice.
    reportCount(detected.matches.length);
    slicer.end();
    if (!this.fight.marksNew) {
      this.quietTimer = setTimeout(() => {
        if (this.fight.quiet()) void this.request([]);
      }, REMARK_QUIET_MS);
    }
    measurePass({
      read: index.sparse ? 'sparse' : 'whole',
      blocks: index.page.blocks.length,
      ...(gate && { gate }),
      ...(longestRead !== undefined && { longestRead }),
      ...(reread && { reread }),
      ...(this.offThreadMs !== undefined && { offThreadMs: this.offThreadMs }),
    });
  }

  /** Product summary, disclaimer and dose: page-wide reads, done once per pass and only when asked for. */
  private fullResult(): ScanResult | null {
    if (this.detected === null || this.index === null) return null;
    if (this.result !== null) return this.result;
    const page = this.index.wholePage();
    return (this.result = summarize(page, summarizeProduct(page), this.detected.matches));
  }

  private target(mark: Mark): CardTarget {
    return { marker: mark.marker, data: { report: mark.report, label: mark.label } };
  }

  private markOf(marker: Marker): Mark | undefined {
    return this.marks.find((m) => m.marker === marker);
  }

  /** Our markers' events (marker-events.ts), told by their hosts: a host stays while a rescan replaces its mark. */
  private listenToMarkers(): void {
    const cards = this.cards;
    /** A host's mark at event time: a rescan may have replaced its report or index; one just rendered is not in `marks` until its pass ends. */
    const markOf = (host: EventTarget): Mark => {
      const wired = this.wired.get(host) as Mark;
      return this.markOf(wired.marker) ?? wired;
    };
    listenToMarkers(this.doc, this.abort.signal, (t) => (this.wired.has(t) ? t : null), (host) => markOf(host).marker.button, {
      activate: (host) => cards.toggle(this.target(markOf(host))),
      enter: (host) => {
        const mark = markOf(host);
        cards.hoverEnter(this.target(mark), mark.marker.host);
      },
      leave: () => cards.hoverLeave(),
      focusLeft: (host) => cards.focusLeft(markOf(host).marker),
    });
  }

  private installHover(): void {
    if (this.hoverInstalled) return;
    this.hoverInstalled = true;
    watchHover(this.doc, this.abort.signal, () => this.marks, {
      enter: (mark) => this.cards.hoverEnter(this.target(mark), mark.highlight),
      leave: () => this.cards.hoverLeave(),
    });
  }

  /** "Details in the popup": the background points the popup at this claim (and opens it where allowed). */
  private detailsRequested(target: CardTarget): void {
    const mark = this.markOf(target.marker);
    if (mark) void sendToBackground({ type: 'focus-claim', index: mark.index, claim: mark.report.claim });
  }

  private claimRefs(): ClaimRef[] {
    const claims = this.detected?.matches ?? [];
    const byIndex = new Map(this.marks.map((x) => [x.index, x]));
    return claims.map((m, index) => {
      const r = this.claims[index];
      const mark = byIndex.get(index);
      return {
        index,
        claim: m.claim,
        stance: m.stance,
        verdict: r?.verdict ?? mark?.report.verdict ?? 'not-evaluable',
        revealable: this.mapped.has(index),
      };
    });
  }

  report(): PageReport {
    const doc = this.doc;
    return {
      title: doc.title,
      url: doc.location?.href ?? '',
      result: this.fullResult(),
      ready: this.ready,
      claims: this.claimRefs(),
    };
  }

  reveal(index: number): RevealResponse {
    const mark = this.marks.find((m) => m.index === index);
    if (mark === undefined || !mark.marker.host.isConnected) return { ok: false };
    mark.marker.host.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    // Its sentence, from the block's text-node table (followed through our splits);
    // the highlight alone when the page changed that text since the last pass.
    const [start, end] = mark.sentenceAt;
    flash(this.doc, rangeFor(mark.segs, start, end) ?? mark.highlight);
    return { ok: true };
  }
}
