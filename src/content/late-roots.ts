// When to look again for shadow roots that no MutationObserver record announces:
// `attachShadow` makes none, so a component whose module loads after our first
// look, or a widget that attaches its root to its placeholder once its reviews
// came, would stay unread. The elements that may get one are kept (custom elements
// and empty `<div>`s without a root: host-queries.ts) and looked at again a few
// times after load, each look one property read per element; later, only a change
// of the page makes the session look (session.ts).
import { measureSlice } from './timing';

/**
 * Elements kept to look at again, at most (the first so many found): an app's page
 * can hold tens of thousands of custom elements, and each look costs ~0.1 µs an element.
 */
export const MAX_WAITING = 10_000;

/** When the kept elements are looked at again, in ms after the first look. */
export const ROOT_LOOKS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000];

/**
 * Calls `look` at each time of ROOT_LOOKS_MS from now on (k: from the k-th), for as
 * long as it returns true (something may still get a root); then `done`. Each call is
 * our work on the page's thread: measured as a slice.
 */
export function lookAgainLater(look: () => boolean, done?: () => void, k = 0): void {
  const at = ROOT_LOOKS_MS[k];
  if (at === undefined) return done?.();
  setTimeout(() => {
    const start = performance.now();
    let again = false;
    try {
      again = look();
    } catch {
      // never leak to the page
    } finally {
      measureSlice(start, 'roots');
    }
    if (again) lookAgainLater(look, done, k + 1);
    else done?.();
  }, at - (ROOT_LOOKS_MS[k - 1] ?? 0));
}
