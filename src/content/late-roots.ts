// When to look again for shadow roots that no MutationObserver record announces:
// `attachShadow` makes none, so a component whose module loads after our first
// look, or a widget that attaches its root to its placeholder once its reviews
// came, would stay unread. The elements that may get one are kept (custom elements
// and empty `<div>`s without a root: host-queries.ts) and looked at again a few
// times after load, each look one property read per element; later, a change of
// the page (session.ts) or the person scrolling, clicking or typing (WAKE_EVENTS)
// brings the looks back.
import { measureSlice } from './timing';

/**
 * Elements kept to look at again, at most (the first so many found): an app's page
 * can hold tens of thousands of custom elements, and each look costs ~0.1 µs an element.
 */
export const MAX_WAITING = 10_000;

/** When the kept elements are looked at again, in ms after the first look. */
export const ROOT_LOOKS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000];

/**
 * What a person does that may make a page give a placeholder its root with no change
 * a MutationObserver reports: a reviews widget attached when scrolled into view (an
 * IntersectionObserver), or when its tab is clicked. Each brings the next look to
 * ROOT_LOOKS_MS[0] from then, and after the last look starts the looks again.
 */
export const WAKE_EVENTS = ['scroll', 'pointerdown', 'keydown'] as const;

/**
 * One look at `waiting`: takes out the elements given an open root since the last
 * look (their roots are returned, in the set's order) and those no longer in the
 * page; the rest stay. One property read per element (`isConnected` only for
 * those without a root).
 */
export function takeGivenRoots(waiting: Set<Element>): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const el of waiting) {
    const root = el.shadowRoot;
    if (root !== null) roots.push(root);
    if (root !== null || !el.isConnected) waiting.delete(el);
  }
  return roots;
}

export interface LaterLooks {
  /** Brings the next look forward (see lookAgainLater). */
  soon(): void;
  /** No more looks, and no listening for the person's actions. */
  stop(): void;
}

/**
 * Calls `look` at each time of ROOT_LOOKS_MS from now on, for as long as it returns
 * true (something may still get a root); then `done`. Each call is our work on the
 * page's thread: measured as a slice. `soon` brings the next look to
 * ROOT_LOOKS_MS[0] from now if it was due later, the looks going on from there as
 * from the first (elements the page added meanwhile may get their root soon); if it
 * is due sooner, the looks after it go on as from the first. With `wake` (the
 * document), each of WAKE_EVENTS on it (passive, in the capture phase: the page
 * sees nothing of it) calls `soon`, and after the last look, while `look` still
 * returned true, the first of them starts the looks again: a widget attached when
 * the person scrolls to it minutes after load is read then.
 */
export function lookAgainLater(look: () => boolean, done?: () => void, wake?: EventTarget): LaterLooks {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = 0;
  let fresh = false;
  let ended = false;
  const listen = (on: boolean): void => {
    for (const type of WAKE_EVENTS) {
      if (on) wake?.addEventListener(type, soon, { capture: true, passive: true });
      else wake?.removeEventListener(type, soon, { capture: true });
    }
  };
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    timer = undefined;
    listen(false);
    done?.();
  };
  const next = (k: number): void => {
    const at = ROOT_LOOKS_MS[k];
    if (at === undefined) {
      timer = undefined;
      // Asleep until the person does something (with `wake`), else done.
      if (wake === undefined) end();
      return;
    }
    const wait = at - (ROOT_LOOKS_MS[k - 1] ?? 0);
    due = Date.now() + wait;
    timer = setTimeout(() => {
      const start = performance.now();
      let again = false;
      try {
        again = look();
      } catch {
        // never leak to the page
      } finally {
        measureSlice(start, 'roots');
      }
      const from = fresh ? 0 : k + 1;
      fresh = false;
      if (again) next(from);
      else end();
    }, wait);
  };
  function soon(): void {
    if (ended) return;
    if (timer === undefined) return next(0); // asleep after the last look
    // Due soon: the looks after it go on as from the first.
    if (due <= Date.now() + (ROOT_LOOKS_MS[0] as number)) {
      fresh = true;
      return;
    }
    clearTimeout(timer);
    next(0);
  }
  listen(true);
  next(0);
  return { soon, stop: end };
}
