// One run of Evidence Lens in one document: passes (read → scan → render),
// the observer, the card, hover and the answers to the popup. Passes never
// overlap: a change during a pass queues one more pass.
import { scanPage, type PageScan } from '../core/scan';
import type { ClaimRef, PageReport, RevealResponse } from '../shared/messages';
import { sendToBackground } from '../shared/content-messaging';
import { PageIndex } from './page-index';
import { setCount } from './count';
import { render, type Mark } from './render';
import { PageObserver } from './observer';
import { CardController, type CardTarget } from './card-controller';
import { watchHover } from './hover';
import { flash } from './highlights';
import type { Marker } from './markers';
import { Slicer, markPassStart, measurePass, yieldToMain } from './timing';

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class Session {
  private index: PageIndex | null = null;
  private scan: PageScan | null = null;
  private marks: Mark[] = [];
  private mapped = new Set<number>();
  private ready = false;
  private running: Promise<void> | null = null;
  /** Changes waiting for the next pass; null inside means "re-read everything". */
  private queued: Node[] | null | undefined = undefined;
  private readonly abort = new AbortController();
  private readonly observer: PageObserver;
  private readonly cards: CardController;
  private hoverInstalled = false;

  constructor(private readonly doc: Document) {
    this.observer = new PageObserver(doc, (changed) => this.request(changed));
    this.cards = new CardController(doc, this.abort.signal, (t) => this.detailsRequested(t));
  }

  /** Runs a pass now, or after the current one. `changed` null = full re-read. */
  request(changed: Node[] | null): Promise<void> {
    if (this.running) {
      if (changed === null || this.queued === null) this.queued = null;
      else this.queued = [...(this.queued ?? []), ...changed];
      return this.running;
    }
    this.running = this.loop(changed).finally(() => {
      this.running = null;
    });
    return this.running;
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

  private async pass(changed: Node[] | null): Promise<void> {
    const doc = this.doc;
    await yieldToMain();
    markPassStart();
    const slicer = new Slicer();
    if (this.index === null) this.index = new PageIndex(doc);
    else if (changed === null || !this.index.update(changed)) this.index.rebuild();
    await slicer.maybeNext();

    const index = this.index;
    const scan = scanPage(index.page);
    await slicer.maybeNext();

    const result = render(
      doc,
      this.marks,
      scan,
      index.segments,
      (m) => this.cards.forget(m),
      (mark) => this.wireMarker(mark),
    );
    this.observer.discardOwn(); // our markers and text-node splits are not page changes
    // Split text nodes: re-read those blocks so later offsets map to the right nodes.
    // (Their text is unchanged and known, so any number of them beats a full re-read.)
    if (result.touched.length > 0 && !index.update(result.touched, Infinity)) index.rebuild();
    for (const root of index.shadowRoots()) this.observer.observe(root);

    this.scan = scan;
    this.marks = result.marks;
    this.mapped = result.mapped;
    this.ready = true;
    setCount(doc, scan.matches.length);
    if (this.marks.length > 0) this.installHover();
    slicer.end();
    measurePass();
    void sendToBackground({
      type: 'claims',
      count: scan.matches.length,
      asserted: scan.matches.filter((m) => m.stance === 'asserted').length,
      claims: this.claimRefs(),
      url: doc.location?.href ?? '',
      top: window.top === window,
    });
  }

  private target(mark: Mark): CardTarget {
    return { marker: mark.marker, data: { report: mark.report, label: mark.label } };
  }

  private markOf(marker: Marker): Mark | undefined {
    return this.marks.find((m) => m.marker === marker);
  }

  private wireMarker(mark: Mark): void {
    const { marker } = mark;
    const signal = this.abort.signal;
    // Look the mark up at event time: a rescan may have replaced its report or index.
    const current = (): Mark => this.markOf(marker) ?? mark;
    marker.button.addEventListener(
      'click',
      (e) => {
        e.stopPropagation();
        this.guard(() => this.cards.toggle(this.target(current())));
      },
      { signal },
    );
    marker.host.addEventListener('pointerenter', () => this.guard(() => this.cards.hoverEnter(this.target(current()), marker.host)), {
      signal,
    });
    marker.host.addEventListener('pointerleave', () => this.guard(() => this.cards.hoverLeave()), { signal });
    marker.host.addEventListener('focusout', () => this.guard(() => this.cards.focusLeft(marker)), { signal });
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
    const claims = this.scan?.matches ?? [];
    const byIndex = new Map(this.marks.map((x) => [x.index, x]));
    return claims.map((m, index) => {
      const r = this.scan?.result.claims[index];
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
      result: this.scan?.result ?? null,
      ready: this.ready,
      claims: this.claimRefs(),
    };
  }

  reveal(index: number): RevealResponse {
    const mark = this.marks.find((m) => m.index === index);
    if (mark === undefined || !mark.marker.host.isConnected) return { ok: false };
    mark.marker.host.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    flash(this.doc, mark.sentence);
    return { ok: true };
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch {
      // Never let our errors reach the page.
    }
  }
}
