// Large pages shared by the Chromium and Firefox tests of the sparse read
// (test/e2e/large-page, test/firefox/large-page), and what a whole read finds in
// them: the core's detection over every block, in Node.
import { parseHTML } from 'linkedom';
import { detectClaims } from '../../../src/core/claims/detect';
import { extractPageData } from '../../../src/extract';
import { generatePage } from '../../../bench/pages';

/** `n` review paragraphs, numbered after `seed`. */
export const filler = (n: number, seed: string): string =>
  Array.from({ length: n }, (_, i) => `<p>${seed} ${i}: shipping was quick and the bottle arrived sealed, taste is fine, would order again.</p>`).join('');

/**
 * Over 2.5 MB of HTML in few elements (a long article: 25,000 paragraphs in one
 * <article>): one `textContent` call on it would be a long task, so the gate reads it
 * in runs of siblings. Two claims in each of 12 parts.
 */
export const ARTICLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long read</title></head><body>
<h1>Magnesium L-threonate: a long read</h1><article>${Array.from({ length: 12 }, (_, i) => `${filler(2100, `Part ${i}`)}<p>Magnesium L-threonate <b>improves memory</b> and supports restful sleep.</p>`).join('')}</article></body></html>`;

/**
 * Over 64,000 characters, in sections whose headings are in parts or hold blocks:
 * a `<br>` in a heading (a title and a subtitle: two heading blocks, the second
 * closing the first's section), a `role=heading` element wrapping its section's
 * text (a page builder's way), and an `<h3>` with a block inside an `<h2>`. The
 * bullets name no form: their subject is the section's.
 */
export const HEADINGS_IN_PARTS_PAGE = (() => {
  const titles = ['Magnesium L-threonate', 'Shipping', 'Magnesium citrate', 'Benefits', 'Magtein', 'Alternatives', 'Our pick'];
  const bullets = ['Improves memory.', 'Helps you sleep deeply.', 'Supports focus and mental clarity.', 'Calms anxiety.'];
  const sections = Array.from({ length: 40 }, (_, i) => {
    const a = titles[i % titles.length] as string;
    const b = titles[(i * 3 + 1) % titles.length] as string;
    const bullet = bullets[i % bullets.length] as string;
    const rest = filler(30, `Section ${i} review`);
    switch (i % 4) {
      case 0: return `<h2>${a}<br><small>${b}</small></h2><ul><li>${bullet}</li></ul>${rest}`;
      case 1: return `<h3>${a}<br>${b}</h3>${rest}<ul><li>${bullet}</li></ul>`;
      case 2: return `<div role="heading" aria-level="2">${a}<div>${bullet}</div></div>${rest}`;
      default: return `<h2>${a}<h3>${b}</h3><div>${bullet}</div></h2>${rest}`;
    }
  }).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes on supplements</title></head><body><main><h1>Supplements we tried</h1>${sections}</main></body></html>`;
})();

/** A shop page between SPARSE_MIN_CHARS and SHADOW_LOOK_MAX_CHARS of text (16,000–64,000; page-index.ts). */
export const SMALL_SHOP = generatePage({ name: 'small shop', bytes: 100_000, claimParagraphs: 6, seed: 1 });

/** A claim only a whole read sees: in an open shadow root on a plain `<div>` (a reviews widget's way of keeping its styles apart). */
const SHADOW_CLAIM = 'Magnesium L-threonate crosses the blood-brain barrier.';
const SHADOW_WIDGET = `<div id="widget"></div><script>document.getElementById('widget').attachShadow({ mode: 'open' }).innerHTML = '<p>${SHADOW_CLAIM}</p>';</script>`;
/** SMALL_SHOP with that widget. */
export const SMALL_SHOP_SHADOW = SMALL_SHOP.replace('</body>', `${SHADOW_WIDGET}</body>`);
/** The same page as a whole read sees it: the shadow root's text where its host is. */
export const SMALL_SHOP_SHADOW_FLAT = SMALL_SHOP.replace('</body>', `<div id="widget"><p>${SHADOW_CLAIM}</p></div></body>`);

/** The page's blocks and title, as a whole read in Node extracts them. */
export function wholeReadData(html: string): { blocks: ReturnType<typeof extractPageData>['page']['blocks']; title: string } {
  const { document } = parseHTML(html);
  const { page } = extractPageData(document as unknown as Document, null);
  return { blocks: page.blocks, title: page.title };
}

/** What a whole read of the HTML finds: claim/stance, sorted. */
export function wholeReadClaims(html: string): string[] {
  const { blocks, title } = wholeReadData(html);
  return detectClaims(blocks, { title }).map((m) => `${m.claim}/${m.stance}`).sort();
}

/**
 * The pass's waits for work elsewhere (`evidence-lens:wait`), each with how it ended.
 * Runs in the page (self-contained). A string detail: Firefox lets the page read it.
 */
export function readWaits(): string[] {
  return performance.getEntriesByName('evidence-lens:wait').map((e) => String((e as PerformanceMeasure).detail));
}

/**
 * Two web components, for a shop page: `<review-list>`, whose open shadow root holds
 * a heading of its own, a claim, a subjectless claim under that heading, and a nested
 * `<review-item>` with a claim in its own shadow root; and `<review-feed>`, whose
 * shadow root holds no claim yet (its reviews come later). Built by a script before load.
 */
const REVIEWS_SHADOW = '<h3>Customer reviews</h3><p>Magnesium L-threonate crosses the blood-brain barrier, my doctor said.</p><p>It is gentle on the stomach.</p><review-item></review-item>';
const ITEM_SHADOW = '<p>Magtein improves sleep quality for me.</p>';
const FEED_SHADOW = '<p>No reviews yet.</p>';
const WIDGETS_SCRIPT = `<script>
const list = document.querySelector('review-list').attachShadow({ mode: 'open' });
list.innerHTML = ${JSON.stringify(REVIEWS_SHADOW)};
list.querySelector('review-item').attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(ITEM_SHADOW)};
document.querySelector('review-feed').attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(FEED_SHADOW)};
</script>`;

/**
 * `shop` with those components before the first product card a third of the way in
 * (`page`), and the same page as a whole read sees it, each shadow tree where its
 * host is (`flat`).
 */
function withComponents(shop: string, script = WIDGETS_SCRIPT): { page: string; flat: string } {
  const at = shop.indexOf('<div class="card"', shop.length / 3);
  const place = (list: string, feed: string): string => `${shop.slice(0, at)}<review-list>${list}</review-list><review-feed>${feed}</review-feed>${shop.slice(at)}`;
  return {
    page: place('', '').replace('</body>', `${script}</body>`),
    flat: place(REVIEWS_SHADOW.replace('<review-item></review-item>', `<review-item>${ITEM_SHADOW}</review-item>`), FEED_SHADOW),
  };
}

/**
 * A reviews widget's way on a large page: an empty `<div>` (its placeholder, after
 * the product cards begin) given an open shadow root that holds a heading and two
 * claims, one without a subject of its own. Built by a script before load. `page`
 * and the same page as a whole read sees it (`flat`).
 */
const DIV_WIDGET_SHADOW = '<h3>Reviews</h3><p>Magtein crosses the blood-brain barrier, the label says.</p><p>It is gentle on the stomach.</p>';
function withDivWidget(shop: string): { page: string; flat: string } {
  const at = shop.indexOf('<div class="card"', shop.length / 2);
  // The tree's words in a <template>, which `textContent` leaves out (a script's text is in it).
  const script = `<template id="reviews-tree">${DIV_WIDGET_SHADOW}</template><script>document.getElementById('reviews').attachShadow({ mode: 'open' }).innerHTML = document.getElementById('reviews-tree').innerHTML;</script>`;
  return {
    page: `${shop.slice(0, at)}<div id="reviews"></div>${shop.slice(at)}`.replace('</body>', `${script}</body>`),
    flat: `${shop.slice(0, at)}<div id="reviews">${DIV_WIDGET_SHADOW}</div>${shop.slice(at)}`,
  };
}
/** A large shop (over SHADOW_LOOK_MAX_CHARS) with that widget. */
const SHOP_DIV = withDivWidget(generatePage({ name: 'shop', bytes: 400_000, claimParagraphs: 9, seed: 8 }));
export const SHOP_WITH_DIV_WIDGET = SHOP_DIV.page;
export const SHOP_WITH_DIV_WIDGET_FLAT = SHOP_DIV.flat;
/** A large shop whose light DOM says "Magnesium" (breadcrumbs) and names no form: MgT is named in that widget alone. */
const SHOP_DIV_ONLY = withDivWidget(
  generatePage({ name: 'shop', bytes: 400_000, claimParagraphs: 0, seed: 9 }).replace('<body>', '<body><p class="breadcrumbs">Home › Minerals › Magnesium</p>'),
);
export const SHOP_NAMING_IN_DIV_WIDGET = SHOP_DIV_ONLY.page;
export const SHOP_NAMING_IN_DIV_WIDGET_FLAT = SHOP_DIV_ONLY.flat;

/** A large shop page (over SHADOW_LOOK_MAX_CHARS) with those components, and its flat form. */
const SHOP_COMPONENTS = withComponents(generatePage({ name: 'shop', bytes: 400_000, claimParagraphs: 9, seed: 7 }));
export const SHOP_WITH_COMPONENTS = SHOP_COMPONENTS.page;
export const SHOP_WITH_COMPONENTS_FLAT = SHOP_COMPONENTS.flat;
/**
 * A huge shop (HTML over 2.5 MB: the gate reads it in runs) that never names a form in
 * its light DOM, only says "Magnesium" in its breadcrumbs: MgT is named in its web
 * components alone. The gate looks into them on a page this large since round 22.
 */
const HUGE_COMPONENTS = withComponents(
  generatePage({ name: 'huge shop', bytes: 2_600_000, claimParagraphs: 0, seed: 12 }).replace('<body>', '<body><p class="breadcrumbs">Home › Minerals › Magnesium</p>'),
  // The trees' words in <template>s, which `textContent` leaves out as it leaves out
  // shadow roots (a script's text is in it, and would name MgT in the light DOM).
  `<template id="list">${REVIEWS_SHADOW}</template><template id="item">${ITEM_SHADOW}</template><template id="feed">${FEED_SHADOW}</template><script>
const html = (id) => document.getElementById(id).innerHTML;
const list = document.querySelector('review-list').attachShadow({ mode: 'open' });
list.innerHTML = html('list');
list.querySelector('review-item').attachShadow({ mode: 'open' }).innerHTML = html('item');
document.querySelector('review-feed').attachShadow({ mode: 'open' }).innerHTML = html('feed');
</script>`,
);
export const HUGE_SHOP_NAMING_IN_COMPONENTS = HUGE_COMPONENTS.page;
export const HUGE_SHOP_NAMING_IN_COMPONENTS_FLAT = HUGE_COMPONENTS.flat;
/** SMALL_SHOP (under SHADOW_LOOK_MAX_CHARS) with them: read sparsely too, since its shadow roots are all web components'. */
const SMALL_COMPONENTS = withComponents(SMALL_SHOP);
export const SMALL_SHOP_WITH_COMPONENTS = SMALL_COMPONENTS.page;
export const SMALL_SHOP_WITH_COMPONENTS_FLAT = SMALL_COMPONENTS.flat;

/**
 * Shadow roots given after our first pass, which no MutationObserver record
 * announces: a component whose definition comes late (`<review-box>`: its
 * constructor attaches a tree with a heading and two claims) and a widget that
 * attaches its root to an empty `<div id="reviews">`, "Loading…" first and its
 * review 100 ms later. `giveLateRoots` does both in the page (its own world).
 */
const REVIEW_BOX_TREE = '<h3>Reviews</h3><p>Magtein improves sleep quality for me.</p><p>It is gentle on the stomach.</p>';
const REVIEWS_TREE = '<p>Magnesium L-threonate crosses the blood-brain barrier.</p>';
export function giveLateRoots([box, reviews]: [string, string]): void {
  const placeholder = document.getElementById('reviews');
  if (placeholder !== null) {
    const root = placeholder.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Loading…</p>';
    setTimeout(() => {
      root.innerHTML = reviews;
    }, 100);
  }
  customElements.define(
    'review-box',
    class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = box;
      }
    },
  );
}
export const LATE_TREES: [string, string] = [REVIEW_BOX_TREE, REVIEWS_TREE];

/**
 * Scrolls the element `selector` finds into view and resolves once an
 * IntersectionObserver sees it there: what a widget attached when scrolled to waits
 * for (no node changes). Runs in the page (its own world).
 */
export function scrollIntoSight(selector: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const el = document.querySelector(selector)!;
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      resolve();
    });
    seen.observe(el);
    el.scrollIntoView();
  });
}

/** `page` with the two hosts (a third and half of the way in, before a product card), and as a whole read sees it once they hold their trees (`flat`). */
function withLateHosts(shop: string, placeholder = true): { page: string; flat: string } {
  const third = shop.indexOf('<div class="card"', shop.length / 3);
  const half = shop.indexOf('<div class="card"', shop.length / 2);
  const place = (box: string, reviews: string): string =>
    placeholder && half > third
      ? `${shop.slice(0, third)}<review-box>${box}</review-box>${shop.slice(third, half)}<div id="reviews">${reviews}</div>${shop.slice(half)}`
      : shop.replace('</body>', `<review-box>${box}</review-box></body>`);
  return { page: place('', ''), flat: place(REVIEW_BOX_TREE, REVIEWS_TREE) };
}
/**
 * A 400 KB shop (read sparsely, its hosts found by native queries) with both hosts, a
 * 100 KB one with both (under 64,000 characters: every element looked at), and a
 * 10 KB one with the component (read sparsely too).
 */
export const LATE_SHOP = withLateHosts(generatePage({ name: 'shop', bytes: 400_000, claimParagraphs: 6, seed: 10 }));
export const LATE_MID_SHOP = withLateHosts(generatePage({ name: 'mid shop', bytes: 100_000, claimParagraphs: 4, seed: 10 }));
export const LATE_SMALL_SHOP = withLateHosts(generatePage({ name: 'tiny shop', bytes: 10_000, claimParagraphs: 1, seed: 10 }), false);
/** A 400 KB shop whose light DOM says "Magnesium" and names no form: MgT comes only with the late component. */
export const LATE_SHOP_SAYING_MAGNESIUM = withLateHosts(
  generatePage({ name: 'shop', bytes: 400_000, claimParagraphs: 0, seed: 11 }).replace('<body>', '<body><p class="breadcrumbs">Home › Minerals › Magnesium</p>'),
  false,
);
/** An app's shell: nothing but the late component. */
export const LATE_SHELL = withLateHosts('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body></body></html>', false);

/**
 * Components the page adds after our first pass, at the end of its `<main>` (or
 * `<body>`): `<review-now>`, defined already, whose tree is filled a microtask after
 * it is added (after the change is read: a Lit element renders so), and
 * `<review-later>`, added empty and defined 200 ms later (its module came late).
 * Runs in the page (its own world).
 */
export function addLateComponents([now, later]: [string, string]): void {
  customElements.define(
    'review-now',
    class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' });
      }
      connectedCallback(): void {
        queueMicrotask(() => {
          (this.shadowRoot as ShadowRoot).innerHTML = now;
        });
      }
    },
  );
  (document.querySelector('main') ?? document.body).insertAdjacentHTML('beforeend', '<review-now></review-now><review-later></review-later>');
  setTimeout(() => {
    customElements.define(
      'review-later',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = later;
        }
      },
    );
  }, 200);
}
export const ADDED_TREES: [string, string] = ['<p>Magnesium L-threonate improves memory, my father says.</p>', '<p>Neuro-Mag is not a laxative.</p>'];

/**
 * A page read whole (under 2,000 characters) whose component's shadow root is there,
 * empty, at our first pass (attached by a script before load), and filled later.
 */
export const TINY_PAGE_EMPTY_ROOT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head><body><main><h1>Magnesium L-threonate</h1><p>Magtein improves memory in older adults.</p><review-box></review-box></main><script>document.querySelector('review-box').attachShadow({ mode: 'open' });</script></body></html>`;

/**
 * A review component whose tree holds a heading, two claims and, last, a nested
 * component with a claim of its own: the page removes the paragraph right before
 * the nested one, or adds one there (`changeBeforeNested`). With its light DOM's
 * `paragraphs` of filler it is read whole (0), sparsely (20) or sparsely with the
 * native queries of a large page (700).
 */
const OUTER_TREE = '<h3>Reviews</h3><p>Magnesium L-threonate reduces stress and anxiety.</p><p id="before-nested">Neuro-Mag delivers magnesium directly into the brain.</p><x-rev data-i="1"></x-rev>';
const NESTED_TREE = '<p>Magnesium is a cofactor in more than 300 enzyme systems.</p><p>Magtein stops night-time leg cramps.</p>';
export function nestedTreesPage(paragraphs: number): { page: string; flat: string } {
  const light = (outer: string): string =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reviews</title></head><body><main><p>Magnesium L-threonate reverses brain aging by nine years.</p>${filler(paragraphs, 'Review')}<x-rev data-i="0">${outer}</x-rev></main>`;
  const script = `<template id="t0">${OUTER_TREE}</template><template id="t1">${NESTED_TREE}</template><script>customElements.define('x-rev', class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = document.getElementById('t' + this.dataset.i).innerHTML; } });</script></body></html>`;
  return { page: light('') + script, flat: `${light(OUTER_TREE.replace('<x-rev data-i="1"></x-rev>', `<x-rev data-i="1">${NESTED_TREE}</x-rev>`))}</body></html>` };
}

/** In the page: removes the paragraph before the nested component (`remove`), or adds a claim there. */
export function changeBeforeNested(remove: boolean): void {
  const outer = document.querySelector('x-rev')!.shadowRoot!;
  if (remove) outer.getElementById('before-nested')!.remove();
  else {
    const p = document.createElement('p');
    p.textContent = 'Magtein is not a laxative.';
    outer.querySelector('x-rev')!.before(p);
  }
}


/**
 * A widget's placeholder that is a plain element: a `<section>` holding its
 * fallback, appended to the page's main content. Runs in the page.
 */
export function addPlainWidget(): void {
  const section = document.createElement('section');
  section.id = 'plain-widget';
  section.innerHTML = '<p>Loading reviews…</p>';
  document.querySelector('main, body')!.append(section);
}

/** The widget gives its placeholder an open root holding `tree`, then empties its fallback: the only record is on the host. Runs in the page. */
export function fillPlainWidget(tree: string): void {
  const host = document.getElementById('plain-widget')!;
  host.attachShadow({ mode: 'open' }).innerHTML = tree;
  host.replaceChildren();
}

/** A review the widget adds to its tree later, after the first. Runs in the page. */
export function addToPlainWidget(html: string): void {
  document.getElementById('plain-widget')!.shadowRoot!.firstElementChild!.insertAdjacentHTML('afterend', html);
}

/** The claims of the marks inside the widget's tree, sorted. Runs in the page. */
export function plainWidgetMarks(): string[] {
  return [...document.getElementById('plain-widget')!.shadowRoot!.querySelectorAll('[data-evidence-claim]')].map((m) => m.getAttribute('data-evidence-claim')!).sort();
}

export const PLAIN_WIDGET_TREE = '<p>Magnesium L-threonate improved sleep in my case.</p>';
export const PLAIN_WIDGET_REVIEW = '<p>Neuro-Mag is not a laxative.</p>';

/** `html` (the page's as serialized now) with the widget's tree in place of its emptied host's content, as a whole read would see the page. */
export function withPlainWidgetTree(html: string): string {
  return html.replace('<section id="plain-widget"></section>', `<section id="plain-widget">${PLAIN_WIDGET_TREE}${PLAIN_WIDGET_REVIEW}</section>`);
}
