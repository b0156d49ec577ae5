// The page's open shadow roots (our markers' own are not counted). Only a whole
// read walks into them (extract/blocks.ts); `textContent`, which the sparse read
// starts from, leaves their text out. The sparse read adds the trees of custom
// elements (web components) and of empty `<div>`s (a widget's placeholder:
// pageShadowRootsSteps) to the text it looks for candidates in. A page under 64,000
// characters is read sparsely only when componentRootsUnlessPlainSteps finds no host
// but custom elements, so it misses nothing a whole read would find.
import { mayHostShadow } from '../extract/blocks';
import { isMarkerElement, isMarkerName } from './markers';
import { longStepNext } from '../core/steps';
import { hostCandidates, mayGetRootLater } from './host-queries';
import { DOCUMENT_FRAGMENT_NODE, DOCUMENT_POSITION_FOLLOWING, ELEMENT_NODE } from '../extract/node-types';

/** Elements looked at between two steps (the caller may slice there). */
const PER_STEP = 2_000;

/**
 * For a page that is not large: null at the first element under `root` (or `root`
 * itself) that has an open shadow root and is not a custom element (the page is then
 * read whole); else the open shadow roots of its custom elements, nested ones too,
 * which the sparse read takes. One native list of the elements, one look at each that
 * can host one: ~1.7 ms for the ~2,700 elements of the bench's 100 KB page in
 * Chromium, where reading that page whole cost ~11 ms more than reading it sparsely.
 * Our markers (open shadow roots, already on the page when a change's pass reads it
 * again) are passed over: counted, they turned a page read sparsely into one read
 * whole at its first full re-read. `waiting` gets the elements that may be given a
 * root later (`mayGetRootLater`: the page index looks at them again).
 *
 * Each element's name is read once, and the empty `<div>`s come from one native
 * query: asking each `<div>` for its first child (mayGetRootLater) made a wrapper
 * of that child in this isolated world, and the loop cost ~4.6 ms on that page
 * instead of ~3.2 (round 31).
 */
export function* componentRootsUnlessPlainSteps(root: Element, waiting: Element[] = [], perStep = PER_STEP): Generator<void, ShadowRoot[] | null, void> {
  const found: ShadowRoot[] = [];
  const all = root.getElementsByTagName('*');
  // (The root itself first; it is never an empty `<div>`: a body, or an html element.)
  const empty = new Set<Element>(root.querySelectorAll('div:empty'));
  for (let i = -1; ; i++) {
    const el = i < 0 ? root : all[i];
    if (el === undefined) break;
    // isPageHost and mayGetRootLater, with the name read once.
    const name = el.localName;
    const custom = name.includes('-');
    const shadow = mayHostShadow(name) ? el.shadowRoot : null;
    if (shadow !== null) {
      if (!isMarkerName(name)) {
        if (!custom) return null;
        found.push(shadow);
      }
    } else if (custom || (name === 'div' && empty.has(el))) waiting.push(el);
    if (i % perStep === perStep - 1) yield;
  }
  return yield* withNestedSteps(found, waiting);
}

/** Whether `el` hosts an open shadow root of the page's (not one of our markers). */
function isPageHost(el: Element): boolean {
  return mayHostShadow(el.localName) && el.shadowRoot !== null && !isMarkerElement(el);
}

/** Elements looked at inside the shadow trees found, at most (widgets are small; a page built of them is an app's shell, read whole). */
const IN_TREES_BUDGET = 20_000;

/**
 * The open shadow roots of a large page read sparsely (not our markers'): those of
 * custom elements under `root`, found by one native XPath query (host-queries.ts):
 * ~4 ms for the 1 MB bench page's 27,000 elements in Chromium, ~16 ms at 5 MB,
 * Firefox ~8 and ~30; and those of `<div>`s with no child of their own, where a
 * widget attaches one (one native query, ~1 ms and ~5). Looking at each element,
 * as componentRootsUnlessPlainSteps does, would cost ~20 ms and ~105 in Chromium, a
 * wrapper object each. Another plain host (a `<div>` with children, a `<section>`)
 * is not found this way (README, "How the pieces fit"). Nested roots too; the
 * outer ones in page order. `waiting` gets those elements without a root yet.
 */
export function* pageShadowRootsSteps(root: Element, waiting: Element[] = []): Generator<void, ShadowRoot[], void> {
  const custom: Element[] = [];
  const plain: Element[] = [];
  let n = 0;
  for (const el of hostCandidates(root)) {
    if (el === null) {
      // One native call, on a large page: it starts a slice of its own.
      longStepNext();
      yield;
    } else {
      if (isPageHost(el)) (el.localName.includes('-') ? custom : plain).push(el);
      else if (mayGetRootLater(el)) waiting.push(el);
      if (++n % PER_STEP === 0) yield;
    }
  }
  return yield* withNestedSteps(inPageOrder(custom, plain).map((el) => el.shadowRoot as ShadowRoot), waiting);
}

/** Two lists of elements, each in page order, merged into one in page order. */
export function inPageOrder(a: readonly Element[], b: readonly Element[]): Element[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Element;
    const y = b[j] as Element;
    if ((x.compareDocumentPosition(y) & DOCUMENT_POSITION_FOLLOWING) !== 0) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out.concat(a.slice(i), b.slice(j));
}

/**
 * `found` with the roots nested in them (inside each, every element that can host one
 * is looked at), after their outer one; `waiting` gets the elements in them that may
 * be given a root later.
 */
function* withNestedSteps(found: ShadowRoot[], waiting: Element[] = []): Generator<void, ShadowRoot[], void> {
  let left = IN_TREES_BUDGET;
  for (let k = 0; k < found.length && left > 0; k++) {
    const all = (found[k] as ShadowRoot).querySelectorAll('*');
    for (let i = 0; i < all.length && left > 0; i++, left--) {
      const el = all[i] as Element;
      if (isPageHost(el)) found.push(el.shadowRoot as ShadowRoot);
      else if (mayGetRootLater(el)) waiting.push(el);
      if (left % PER_STEP === 0) yield;
    }
  }
  return found;
}

/**
 * In and under `node`, a node the page added (an element; for a shadow root, what it
 * holds), or the `<body>` of a page read whole (a small one): the open shadow roots
 * (`roots`; ours left out) and the elements that may be given one later (`waiting`).
 * A component added after the first pass whose tree is
 * still empty when its change is read (it fills it a microtask later), or that is
 * defined later still, is otherwise never watched: only trees holding text read are.
 * Under an element, the native queries of a large page (no wrapper per element
 * passed over); in a tree, every element.
 */
export function hostsIn(node: Node, roots: ShadowRoot[], waiting: Element[]): void {
  const look = (el: Element): void => {
    if (isPageHost(el)) roots.push(el.shadowRoot as ShadowRoot);
    else if (mayGetRootLater(el)) waiting.push(el);
  };
  if (node.nodeType === DOCUMENT_FRAGMENT_NODE) {
    const all = (node as ShadowRoot).querySelectorAll('*');
    for (let i = 0; i < all.length && i < IN_TREES_BUDGET; i++) look(all[i] as Element);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const el = node as Element;
  look(el);
  if (el.firstElementChild === null) return;
  for (const host of hostCandidates(el)) if (host !== null) look(host);
}
