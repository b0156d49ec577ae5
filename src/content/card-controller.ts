// Opens and closes the evidence card. The card code itself is loaded on first
// use. Behaviour (WCAG 1.4.13): hover opens after a short pause and the card
// stays open while the pointer is on the words, the marker or the card; Escape
// closes it (focus goes back to the marker if it was in the marker or card);
// the marker button toggles it (Enter/Space, as a native button), except that a
// click on a card the pointer opened keeps it open (the next one closes it).
import type { Marker } from './markers';
import type { CardAnchor, CardData } from './card-types';
import type { OpenCard } from './card';

const HOVER_OPEN_MS = 150;
const HOVER_CLOSE_MS = 300;

type CardModule = typeof import('./card');
let cardModule: Promise<CardModule> | null = null;

function loadCard(): Promise<CardModule> {
  cardModule ??= import('./card');
  return cardModule;
}

export interface CardTarget {
  marker: Marker;
  data: CardData;
}

export class CardController {
  private open: OpenCard | null = null;
  /** Bumped on every open/close request so a slow import cannot open a stale card. */
  private generation = 0;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private hovered: Marker | null = null;
  /**
   * Whether the open card was opened (or kept) by its marker's button, not by the
   * pointer resting on its words or marker: the pointer leaving does not close it
   * (where a click does not focus the button, as in Firefox and Safari on macOS,
   * focus would not hold it).
   */
  private pinned = false;

  constructor(
    private readonly doc: Document,
    signal: AbortSignal,
    private readonly onDetails: (target: CardTarget) => void,
  ) {
    doc.addEventListener('keydown', (e) => this.safe(() => this.onKeydown(e)), { capture: true, signal });
    doc.addEventListener('pointerdown', (e) => this.safe(() => this.onPointerdown(e)), { capture: true, signal });
    signal.addEventListener('abort', () => this.close(false));
  }

  isOpenFor(marker: Marker): boolean {
    return this.open?.marker === marker;
  }

  /**
   * Marker button activated (click, Enter or Space). A card the pointer opened is
   * kept open by the click that usually follows (the reader moved to the marker, the
   * card came, then they clicked it): the next activation closes it.
   */
  toggle(target: CardTarget): void {
    if (this.isOpenFor(target.marker)) {
      if (!this.pinned) {
        this.pinned = true;
        clearTimeout(this.closeTimer);
      } else this.close(false);
      return;
    }
    // (A hover's card still to come would open this one again, as the pointer's.)
    clearTimeout(this.openTimer);
    this.openTimer = undefined;
    void this.show(target, target.marker.host);
  }

  /** Pointer is over a claim's words or its marker. */
  hoverEnter(target: CardTarget, anchor: CardAnchor): void {
    clearTimeout(this.closeTimer);
    const marker = target.marker;
    if (this.isOpenFor(marker) || (this.hovered === marker && this.openTimer !== undefined)) {
      this.hovered = marker;
      return;
    }
    this.hovered = marker;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => {
      this.openTimer = undefined;
      void this.show(target, anchor, true);
    }, HOVER_OPEN_MS);
  }

  /** Pointer left the words, the marker or the card. */
  hoverLeave(): void {
    this.hovered = null;
    clearTimeout(this.openTimer);
    this.openTimer = undefined;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      // Keep the card its button opened, or one holding keyboard focus.
      if (this.open && (this.pinned || this.doc.activeElement === this.open.marker.host)) return;
      this.close(false);
    }, HOVER_CLOSE_MS);
  }

  /** Opens the card of `target` next to `anchor`; `byHover`: the pointer opened it (not pinned: see `pinned`). */
  async show(target: CardTarget, anchor: CardAnchor, byHover = false): Promise<void> {
    const generation = ++this.generation;
    try {
      const mod = await loadCard();
      if (generation !== this.generation || !target.marker.host.isConnected) return;
      this.pinned = !byHover;
      this.open?.close();
      this.open = mod.showCard(target.marker, anchor, target.data, {
        onPointerEnter: () => clearTimeout(this.closeTimer),
        onPointerLeave: () => this.hoverLeave(),
        onDetails: () => this.onDetails(target),
      });
    } catch {
      // The card chunk failed to load (extension reloaded): the marker label still informs.
      cardModule = null;
    }
  }

  /** Focus left a marker (and its card): a toggletip closes unless the pointer holds it. */
  focusLeft(marker: Marker): void {
    setTimeout(() => {
      if (!this.isOpenFor(marker) || this.hovered === marker) return;
      if (this.doc.activeElement === marker.host) return;
      this.close(false);
    }, 0);
  }

  close(returnFocus: boolean): void {
    this.generation++;
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.openTimer = undefined;
    const open = this.open;
    if (open === null) return;
    this.open = null;
    const hadFocus = this.doc.activeElement === open.marker.host;
    open.close();
    if (returnFocus && hadFocus) open.marker.button.focus();
  }

  /** A marker was removed from the page. */
  forget(marker: Marker): void {
    if (this.isOpenFor(marker)) this.close(false);
    if (this.hovered === marker) this.hovered = null;
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || this.open === null) return;
    this.close(true);
    // Escape was ours; the page (e.g. its own dialog) should not also act on it.
    e.stopPropagation();
  }

  private onPointerdown(e: PointerEvent): void {
    if (this.open === null) return;
    const path = e.composedPath();
    if (path.includes(this.open.marker.host)) return;
    this.close(false);
  }

  private safe(fn: () => void): void {
    try {
      fn();
    } catch {
      // Never let our errors reach the page.
    }
  }
}
