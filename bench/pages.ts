// Deterministic retailer-like test pages for the benchmark: a nav, a grid of
// product cards (links, prices, stars, buttons), reviews, a spec table and a
// footer. Claim paragraphs about MgT are spread evenly through the grid, each
// sentence split across inline elements (b, a, em, span, sup), the way shops
// write them. Same seed → same bytes, so runs compare like with like.

/** mulberry32: small, fast, deterministic (also used by tests that need repeatable randomness). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Ordinary shop words. None names MgT (the gate must stay closed on pages without claims).
const WORDS = (
  'the a and of to in for with on our your this that is are was be it as at by from or new best free fast ' +
  'shipping order cart price sale deal item size color daily value serving capsule tablet powder bottle ' +
  'pack count natural formula quality tested made ingredients vitamin zinc calcium iron protein fiber ' +
  'organic vegan gluten soy dairy blend support health wellness energy immune joint heart muscle bone ' +
  'customers reviews rating stars recommend great good works taste easy swallow small large week month ' +
  'year morning evening take water food adults label directions store cool dry place keep children reach ' +
  'warning consult doctor pregnant nursing brand store online today save percent subscribe return policy ' +
  'satisfaction guarantee package arrived quickly seller product description details questions answers ' +
  'helpful report ingredients other facts amount per container suggested use results may vary'
).split(' ');

const CATEGORIES = ['Vitamins', 'Minerals', 'Sleep', 'Brain', 'Sports', 'Beauty', 'Herbs', 'Kids', 'Pets', 'Sale'];

/**
 * Claim paragraphs (each a sentence the detector finds), split across inline
 * elements. Plain text of each is in CLAIM_TEXTS for the regex baseline check.
 */
const CLAIMS: readonly string[] = [
  '<p><b>Magtein®</b> magnesium <span>L-threonate</span> <a href="#">crosses the <em>blood-brain</em> barrier</a> and <b>improves memory</b>.</p>',
  '<p>Magnesium <b>L-Threonate</b> is the only form of magnesium <a href="#">proven</a> to <em>raise brain magnesium</em><sup>1</sup>.</p>',
  '<p>Our <a href="#">Neuro-Mag</a> capsules <b>support restful</b> <em>sleep</em> and a calm mood.</p>',
  '<p><span>Magnesium L-threonate</span> <b>reverses brain aging</b> by <a href="#">nine years</a>.</p>',
];

/**
 * A claim paragraph inserted after load (the late-insertion test), typeset as pages'
 * text is (a dash, a curly apostrophe; until round 36 it was plain ASCII, which a
 * page's copy of detection then handled faster: docs/performance-rounds.md).
 */
export const LATE_CLAIM =
  '<b>Magnesium L-threonate</b> <a href="#">improves <em>memory</em></a> and supports restful sleep \u2014 it\u2019s taken at night.';

export interface PageSpec {
  name: string;
  /** Approximate size of the HTML in bytes. */
  bytes: number;
  /** Claim paragraphs to spread through the page (0: the page never names MgT). */
  claimParagraphs: number;
  seed: number;
  /**
   * 'shop' (default): a grid of product cards, reviews and spec tables, ~135,000
   * elements at 5 MB. 'article': a long read, paragraphs in one <article>, under
   * 40,000 elements at 5 MB: text-heavy, with far fewer elements per MB.
   * 'paragraph': the same long read flattened into one <p> (headings made <b>): one
   * block with tens of thousands of inline children. 'pre': its text alone in one
   * <pre>, paragraphs apart by a blank line: one text node, as a browser shows a
   * plain-text file. (Since round 18: one huge block.)
   */
  layout?: 'shop' | 'article' | 'paragraph' | 'pre';
}

export function generatePage(spec: PageSpec): string {
  const rand = rng(spec.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  /** `markup`: how much inline markup, relative to a shop's. */
  const sentence = (min: number, max: number, markup = 1): string => {
    const n = min + Math.floor(rand() * (max - min + 1));
    const words: string[] = [];
    for (let i = 0; i < n; i++) {
      const w = pick(WORDS);
      // Inline markup inside ordinary sentences too (a real shop's text is full of it).
      const r = rand();
      words.push(r < 0.04 * markup ? `<b>${w}</b>` : r < 0.07 * markup ? `<a href="#">${w}</a>` : w);
    }
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const price = (): string => `$${(5 + rand() * 60).toFixed(2)}`;

  const head =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Supplements — Shop</title>` +
    `<meta name="description" content="Vitamins and minerals"><style>.grid{display:flex;flex-wrap:wrap}` +
    `.card{width:220px;margin:8px}</style></head><body>`;
  const nav =
    `<header><nav aria-label="Main"><ul>` +
    CATEGORIES.map((c) => `<li><a href="#">${c}</a></li>`).join('') +
    `</ul></nav><form role="search"><input type="search" aria-label="Search"><button>Search</button></form></header><main><h1>Supplements</h1>`;
  const foot =
    `</main><footer><p>${sentence(10, 20)}</p><ul>` +
    CATEGORIES.map((c) => `<li><a href="#">${c} help</a></li>`).join('') +
    `</ul></footer></body></html>`;

  const card = (i: number): string =>
    `<div class="card"><a href="#p${i}"><img alt="" width="200" height="200"></a>` +
    `<h3><a href="#p${i}">${pick(WORDS)} ${pick(WORDS)} ${pick(CATEGORIES)} ${i}</a></h3>` +
    `<div class="price"><span>${price()}</span> <s>${price()}</s></div>` +
    `<div class="stars" aria-label="4.5 stars">★★★★☆ <span>(${Math.floor(rand() * 900)})</span></div>` +
    `<p>${sentence(12, 30)} ${sentence(8, 20)}</p><button>Add to cart</button></div>`;
  const review = (): string =>
    `<article class="review"><h4>${pick(WORDS)} ${pick(WORDS)}</h4><p>${sentence(15, 40)} ${sentence(10, 30)} ${sentence(
      8,
      20,
    )}</p><div>Helpful? <button>Yes</button> <button>No</button></div></article>`;
  const table = (): string =>
    `<table><tbody>${Array.from(
      { length: 6 },
      () => `<tr><th>${pick(WORDS)}</th><td>${Math.floor(rand() * 500)} mg</td><td>${Math.floor(rand() * 100)}%</td></tr>`,
    ).join('')}</tbody></table>`;

  // A long read: fewer links and bold words than a shop.
  const paragraph = (): string => `<p>${sentence(15, 40, 0.3)} ${sentence(10, 30, 0.3)}</p>`;
  const article = spec.layout === 'article' || spec.layout === 'paragraph' || spec.layout === 'pre';

  // Build units until the size is reached, then place claims evenly among them.
  const units: string[] = [];
  let size = head.length + nav.length + foot.length;
  let i = 0;
  while (size < spec.bytes) {
    const r = rand();
    const unit = article ? (i++ % 40 === 39 ? `<h2>${sentence(3, 6)}</h2>` : paragraph()) : r < 0.6 ? card(i++) : r < 0.9 ? review() : table();
    units.push(unit);
    size += unit.length;
  }
  const n = spec.claimParagraphs;
  for (let k = 0; k < n; k++) {
    const at = Math.floor(((k + 0.5) * units.length) / n);
    const claim = CLAIMS[k % CLAIMS.length] as string;
    units[at] = `<section class="claim">${claim}</section>` + (units[at] ?? '');
  }
  if (spec.layout === 'paragraph') return head + nav + `<article><p>${units.map(inline).join(' ')}</p></article>` + foot;
  if (spec.layout === 'pre') return head + nav + `<pre style="white-space:pre-wrap">${units.map(plainText).join('\n\n')}</pre>` + foot;
  return head + nav + (article ? `<article>${units.join('')}</article>` : `<section class="grid">${units.join('')}</section>`) + foot;
}

/** A unit of a long read as inline markup: its blocks' tags dropped, a heading made bold. */
function inline(unit: string): string {
  return unit.replace(/<h2>(.*?)<\/h2>/g, '<b>$1</b>').replace(/<\/?(?:p|section)\b[^>]*>/g, ' ').trim();
}

/** A unit of a long read as plain text (its words hold no character HTML would need escaped). */
function plainText(unit: string): string {
  return unit.replace(/<\/(?:p|h2|section)>(?=.)/g, '\n\n').replace(/<[^>]+>/g, '').trim();
}

export interface BenchPage extends PageSpec {
  /** File name under bench/pages/. */
  file: string;
}

/** The benchmark's pages. `scale` shrinks them for the smoke test. */
export function benchPages(scale = 1): BenchPage[] {
  const kb = (n: number): number => Math.round(n * 1000 * scale);
  const specs: PageSpec[] = [
    { name: '100 KB', bytes: kb(100), claimParagraphs: 6, seed: 1 },
    { name: '1 MB', bytes: kb(1000), claimParagraphs: 20, seed: 2 },
    { name: '5 MB', bytes: kb(5000), claimParagraphs: 60, seed: 3 },
    { name: '1 MB no MgT', bytes: kb(1000), claimParagraphs: 0, seed: 4 },
    { name: '5 MB no MgT', bytes: kb(5000), claimParagraphs: 0, seed: 5 },
    { name: '5 MB article', bytes: kb(5000), claimParagraphs: 60, seed: 6, layout: 'article' },
    { name: '5 MB article no MgT', bytes: kb(5000), claimParagraphs: 0, seed: 7, layout: 'article' },
    { name: '5 MB one paragraph', bytes: kb(5000), claimParagraphs: 60, seed: 6, layout: 'paragraph' },
    { name: '5 MB pre', bytes: kb(5000), claimParagraphs: 60, seed: 6, layout: 'pre' },
    // Most pages people read are smaller than the 100 KB page (since round 20; last,
    // so the tests that take the pages above by index keep their pages).
    { name: '20 KB', bytes: kb(20), claimParagraphs: 2, seed: 11 },
  ];
  return specs.map((s) => ({ ...s, file: `${s.name.replace(/\W+/g, '-').toLowerCase()}.html` }));
}
