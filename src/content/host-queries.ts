// Native queries for the elements that may host a large page's shadow roots, where
// looking at each element would cost a wrapper object in our isolated world (~0.7 µs
// an element in Chromium, against ~0.2 for what a query passes over). The gate (in
// the script every page loads) and the sparse read (in the scanner chunk) both use
// them.

/** XPathResult.ORDERED_NODE_SNAPSHOT_TYPE (the global may be missing outside a browser). */
const ORDERED_SNAPSHOT = 7;

/**
 * The custom elements under `root` (a name with a hyphen: `<review-list>`, what web
 * components host their roots on) in page order, in a snapshot; null in a DOM
 * without XPath (the unit tests' linkedom: no web components either).
 */
function customElementsUnder(root: Element): XPathResult | null {
  const doc = root.ownerDocument;
  if (typeof doc.evaluate !== 'function') return null;
  return doc.evaluate(".//*[contains(local-name(), '-')]", root, null, ORDERED_SNAPSHOT, null);
}

/**
 * The elements under `root` that may host a large page's shadow root, each list in
 * page order: its custom elements, then its `<div>`s with no child of their own, the
 * placeholder a widget attaches its root to (`<div id="reviews"></div>`); null
 * before each of the two native queries, which on a large page is one long call
 * (the callers that slice start a slice of its own there). The custom elements'
 * query ~4 ms on the 1 MB bench page, ~16 at 5 MB; the `<div>`s' ~1 and ~5, in
 * Chromium (the same query over all 17 kinds of element that can host a root: ~4
 * and ~22). A plain element that holds children as well as a root is not found
 * this way (README).
 */
export function* hostCandidates(root: Element): Generator<Element | null, void, void> {
  yield null;
  const hosts = customElementsUnder(root);
  for (let i = 0; hosts !== null && i < hosts.snapshotLength; i++) yield hosts.snapshotItem(i) as Element;
  yield null;
  const divs = root.querySelectorAll('div:empty');
  for (let i = 0; i < divs.length; i++) yield divs[i] as Element;
}

/**
 * Whether `el` may be given an open shadow root later, by no change a
 * MutationObserver reports (`attachShadow` makes no record): a custom element its
 * page has not defined yet (a component whose module loads after ours ran), or an
 * empty `<div>` (a widget's placeholder), while it has no root.
 */
export function mayGetRootLater(el: Element): boolean {
  if (el.shadowRoot !== null) return false;
  const name = el.localName;
  // (`:empty` lets a comment in: the native query finds `<div><!-- reviews --></div>` too.
  // Asked only of a `<div>` with no element child: most have one, and a small page's read asks this of every element.)
  return name.includes('-') || (name === 'div' && (el.firstChild === null || (el.firstElementChild === null && el.matches(':empty'))));
}
