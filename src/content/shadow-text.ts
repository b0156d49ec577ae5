// Text the gate cannot see in `body.textContent`: what open shadow roots hold. A
// page built of web components can keep all its words there (a shop rendered by
// one <shop-app>, each part a component of its own), and the gate took such a page
// for one that never names MgT. The whole read (extract/blocks.ts) reads shadow
// roots; only the gate's test needed them.
import { ELEMENT_NODE } from '../extract/node-types';
import { hasMoreDescendants, type PageText } from './page-text';
import { hostCandidates, mayGetRootLater } from './host-queries';
import { longStepNext } from '../core/steps';

/**
 * A light DOM with under this much text and at most SHELL_ELEMENTS elements is an
 * app's shell, whose words may be in shadow roots: only there does the gate look
 * into them. Elsewhere the words are in the light DOM, and walking every element
 * to find shadow roots would cost each page ~1 µs an element in this isolated world
 * (a product page whose description alone is a component, with the site's menus in
 * the light DOM, is not looked into: README, "How the pieces fit").
 */
const SHELL_TEXT = 2_000;
const SHELL_ELEMENTS = 3_000;
/** Elements visited at most, shadow trees included: a bound on what a page of components that never names MgT costs. */
const ELEMENT_BUDGET = 20_000;
/** Elements visited between two steps. */
const PER_STEP = 1_000;

/** Elements still to visit; shared by the calls of one change (the gate's watcher). */
export interface Budget {
  left: number;
}

/** What a look into shadow roots tells its caller as it goes (the gate's watcher watches those roots, and looks at those elements again later). */
export interface Seen {
  /** Each shadow root looked into. */
  root?(shadow: ShadowRoot): void;
  /** Each element passed that may be given a root later (`mayGetRootLater`). */
  waiting?(el: Element): void;
}

/**
 * Whether the text of some open shadow root of `root` or under it (nested ones
 * too, each read natively in one `textContent` call) passes `names`. In steps;
 * stops at the first that does, or when `budget` is spent (ELEMENT_BUDGET
 * elements by default). `seen` hears of the roots and elements it passes.
 */
export function* shadowTextNames(
  root: Element,
  names: (text: string) => boolean,
  seen: Seen = {},
  budget: Budget = { left: ELEMENT_BUDGET },
): Generator<void, boolean, void> {
  const doc = root.ownerDocument;
  const trees: Node[] = [];
  let visited = 0;
  /** Looks into the shadow root of `el`, if open: true when its text names MgT. */
  const look = (el: Element): boolean => {
    const shadow = el.shadowRoot;
    if (shadow === null) {
      if (seen.waiting !== undefined && mayGetRootLater(el)) seen.waiting(el);
      return false;
    }
    seen.root?.(shadow);
    if (names(shadow.textContent ?? '')) return true;
    trees.push(shadow);
    return false;
  };
  if (look(root)) return true;
  trees.push(root);
  for (let tree = trees.pop(); tree !== undefined; tree = trees.pop()) {
    const walker = doc.createTreeWalker(tree, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      if (--budget.left < 0) return false;
      visited++;
      if (visited % PER_STEP === 0) yield;
      if (n.nodeType === ELEMENT_NODE && look(n as Element)) return true;
    }
  }
  return false;
}

/** Whether `root`, whose light DOM's text is `text`, is an app's shell (see SHELL_TEXT). */
export function isShell(root: Element, text: PageText): boolean {
  return text.length < SHELL_TEXT && !hasMoreDescendants(root, SHELL_ELEMENTS);
}

/**
 * Where looking at a page's elements for shadow roots stops being cheap. Below it, a
 * page holding an open shadow root on a plain element (a `<div>`; a custom element's
 * tree the sparse read takes, shadow-hosts.ts) is read whole, since the whole read
 * looks into every shadow root and `textContent`, so the sparse read, cannot. Above
 * it, a look at every element would cost ~20 ms on the 1 MB bench page's 27,000
 * elements: a `<div>`'s root is missed there (README). (Here, not in page-index.ts:
 * the gate, in the script every page loads, starts its components' query in a slice
 * of its own above it.)
 */
export const SHADOW_LOOK_MAX_CHARS = 64_000;

/**
 * Whether the text of the open shadow root of a custom element under `root` (a web
 * component) or of an empty `<div>` (a widget's placeholder), or of one nested in
 * them, passes `names`. For a page that is not an app's shell yet keeps words in
 * components (a product's description or reviews in one, the site's menus in the
 * light DOM): only those elements are looked at, found by native queries
 * (host-queries.ts; the custom elements ~0.3 ms on a 20 KB shop page, ~0.7 at 100
 * KB, ~4 at 1 MB and ~16 at 5 MB, the `<div>`s ~1 ms at 1 MB and ~5 at 5 MB, in
 * Chromium; `large`: each started in a slice of its own). In steps; `seen` hears of
 * the roots looked into and the elements without one.
 */
export function* componentTextNames(
  root: Element,
  names: (text: string) => boolean,
  seen: Seen = {},
  budget: Budget = { left: ELEMENT_BUDGET },
  large = false,
): Generator<void, boolean, void> {
  let n = 0;
  for (const el of hostCandidates(root)) {
    if (budget.left <= 0) return false;
    if (el === null) {
      // (On a large page each query is one long native call: a slice of its own.)
      if (large) {
        longStepNext();
        yield;
      }
    } else {
      if (yield* hostNames(el, names, seen, budget)) return true;
      // (An app's page can hold tens of thousands of custom elements, each a wrapper to look at.)
      if (++n % PER_STEP === 0) yield;
    }
  }
  return false;
}

/** Whether `el` hosts an open shadow root whose text (nested roots' too) passes `names`; `seen` hears of an element without one. */
function* hostNames(el: Element, names: (text: string) => boolean, seen: Seen, budget: Budget): Generator<void, boolean, void> {
  if (el.shadowRoot !== null) return yield* shadowTextNames(el, names, seen, budget);
  seen.waiting?.(el);
  return false;
}
