// Whether a page holds an open shadow root anywhere (of the page's: our markers'
// own are not counted). Only a whole read reads the text inside one
// (extract/blocks.ts walks into it); `textContent`, and so the sparse read built on
// it, cannot see it. A page under 64,000 characters is read sparsely only when this
// finds none, so it misses nothing a whole read would find.
import { mayHostShadow } from '../extract/blocks';
import { isMarkerElement } from './markers';

/** Elements looked at between two steps (the caller may slice there). */
const PER_STEP = 2_000;

/**
 * True at the first element under `root` (or `root` itself) that has an open shadow
 * root. One native list of the elements, one look at each that can host one: ~1.7 ms
 * for the ~2,700 elements of the bench's 100 KB page in Chromium, where reading
 * that page whole cost ~11 ms more than reading it sparsely. Our markers (open
 * shadow roots, already on the page when a change's pass reads it again) are passed
 * over: counted, they turned a page read sparsely into one read whole at its first
 * full re-read.
 */
export function* holdsOpenShadowRootSteps(root: Element, perStep = PER_STEP): Generator<void, boolean, void> {
  if (isPageHost(root)) return true;
  const all = root.getElementsByTagName('*');
  for (let i = 0; ; i++) {
    const el = all[i];
    if (el === undefined) return false;
    if (isPageHost(el)) return true;
    if (i % perStep === perStep - 1) yield;
  }
}

/** Whether `el` hosts an open shadow root of the page's (not one of our markers). */
function isPageHost(el: Element): boolean {
  return mayHostShadow(el.localName) && el.shadowRoot !== null && !isMarkerElement(el);
}
