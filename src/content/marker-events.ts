// What the reader does to our markers (a click on one, the pointer entering or
// leaving it, focus leaving it), heard by four listeners on the document for every
// marker of the page, not four on each: adding them was ~1.3 ms of rendering the
// 5 MB bench page's 176 marks (~1.8 µs a listener in the isolated world), and each
// kept closures for its marker while the marker lived.
// In the capture phase the document hears each event before the page's elements
// do, markers in the page's open shadow roots too (composedPath lists what open
// roots hold; ours are open).

export interface MarkerEventHandlers<M> {
  /** Its button was activated (a click, or Enter or Space, as a native button). */
  activate(marker: M): void;
  /** The pointer came over it, or over its card (which its shadow root holds). */
  enter(marker: M): void;
  /** The pointer left it (and its card) for something that is not it. */
  leave(marker: M): void;
  /** Focus left it for something outside it. */
  focusLeft(marker: M): void;
}

/**
 * Listens on `doc` until `signal` aborts. `markerOf` tells which of our markers an
 * event target is (null: none, a copy of one the page made included), and `buttonOf`
 * the button that opens its card. Handlers' errors stay here.
 */
export function listenToMarkers<M>(
  doc: Document,
  signal: AbortSignal,
  markerOf: (target: EventTarget) => M | null,
  buttonOf: (marker: M) => EventTarget,
  on: MarkerEventHandlers<M>,
): void {
  /** The marker the path goes through (the innermost: ours are never nested). */
  const markerIn = (path: readonly EventTarget[]): M | null => {
    for (const t of path) {
      const m = markerOf(t);
      if (m !== null) return m;
    }
    return null;
  };
  const safely = (fn: () => void): void => {
    try {
      fn();
    } catch {
      // Never let our errors reach the page.
    }
  };
  /** The marker the pointer is over, as `pointerenter` and `pointerleave` on it would tell. */
  let over: M | null = null;
  const moveTo = (next: M | null): void => {
    if (next === over) return;
    const left = over;
    over = next;
    if (left !== null) on.leave(left);
    if (next !== null) on.enter(next);
  };
  const options = { capture: true, signal };
  doc.addEventListener(
    'click',
    (e) =>
      safely(() => {
        const path = e.composedPath();
        const marker = markerIn(path);
        // A click in its card (its "details" button) is the card's own.
        if (marker === null || !path.includes(buttonOf(marker))) return;
        // Ours alone: the page's elements around the marker do not act on it.
        e.stopPropagation();
        on.activate(marker);
      }),
    options,
  );
  // Entering a marker means an element in it is entered from one outside it: every
  // such move fires `pointerover` on the element entered, and leaving the window
  // fires `pointerout` with nowhere to go.
  doc.addEventListener('pointerover', (e) => safely(() => moveTo(markerIn(e.composedPath()))), { ...options, passive: true });
  doc.addEventListener(
    'pointerout',
    (e) =>
      safely(() => {
        if (e.relatedTarget === null) moveTo(null);
      }),
    { ...options, passive: true },
  );
  // (Focus moving inside one marker's shadow root reaches no listener outside it.)
  doc.addEventListener(
    'focusout',
    (e) =>
      safely(() => {
        const marker = markerIn(e.composedPath());
        if (marker !== null) on.focusLeft(marker);
      }),
    options,
  );
}
