// Large pages (over 64,000 characters of text) are read sparsely: only the
// blocks that may hold a claim or name a form, and the headings open above them
// (src/content/sparse-read.ts). On such pages the extension must report exactly
// what a whole read reports (the core's detection on every block, in Node), also
// after late insertions under headings it had not needed before. A smaller page is
// read whole, and its first pass detects only the blocks the same prefilter keeps:
// the same marks (first describe).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generatePage } from '../../bench/pages';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { serveStatic, type StaticServer } from './harness/server';
import {
  ARTICLE_PAGE,
  HEADINGS_IN_PARTS_PAGE,
  HUGE_SHOP_NAMING_IN_COMPONENTS,
  HUGE_SHOP_NAMING_IN_COMPONENTS_FLAT,
  LATE_SHELL,
  LATE_SHOP,
  LATE_MID_SHOP,
  LATE_SHOP_SAYING_MAGNESIUM,
  LATE_SMALL_SHOP,
  LATE_TREES,
  PLAIN_WIDGET_REVIEW,
  PLAIN_WIDGET_TREE,
  addPlainWidget,
  addToPlainWidget,
  fillPlainWidget,
  plainWidgetMarks,
  withPlainWidgetTree,
  TINY_PAGE_EMPTY_ROOT,
  SHOP_NAMING_IN_DIV_WIDGET,
  SHOP_NAMING_IN_DIV_WIDGET_FLAT,
  SHOP_WITH_COMPONENTS,
  SHOP_WITH_COMPONENTS_FLAT,
  SHOP_WITH_DIV_WIDGET,
  SHOP_WITH_DIV_WIDGET_FLAT,
  SMALL_SHOP,
  SMALL_SHOP_SHADOW,
  SMALL_SHOP_SHADOW_FLAT,
  SMALL_SHOP_WITH_COMPONENTS,
  SMALL_SHOP_WITH_COMPONENTS_FLAT,
  ADDED_TREES,
  addLateComponents,
  changeBeforeNested, filler, giveLateRoots, nestedTreesPage, readWaits, scrollIntoSight, wholeReadClaims, wholeReadData } from './harness/large-pages';
import { afterPass, claimCount, markers, openPage, passCount, readHighlighted } from './harness/pages';

let browser: ExtensionBrowser;
let server: StaticServer;
let dir: string;


/** Sections whose headings decide who subjectless sentences are about, far apart in a long page. */
const SECTIONS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Magnesium guide</title></head><body>
<nav><a href="#">Sleep</a> <a href="#">Brain</a></nav><main>
<h1>Magnesium forms compared</h1>
<h2>Magnesium glycinate</h2><p>It improves sleep and is gentle on the stomach.</p>${filler(250, 'Glycinate review')}
<h2>Magnesium L-threonate</h2><p>Supports memory and learning.</p>${filler(250, 'Threonate review')}
<h3 id="questions">Customer questions</h3>${filler(250, 'Question')}
<h2 id="citrate">Magnesium citrate</h2>${filler(50, 'Citrate review')}
</main><footer><p>Best magnesium supplements for sleep and memory.</p></footer></body></html>`;

/**
 * About MgT; a section about another form, then one about neither, whose heading
 * names nothing and so is not read with the first pass.
 */
const CLOSING_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A guide</title></head><body><main>
<h1>Magnesium L-threonate: our guide</h1>${filler(300, 'Opening review')}
<h2>Magnesium citrate</h2><p>It is a laxative at high doses.</p>${filler(300, 'Citrate review')}
<h2 id="shipping">Shipping and returns</h2>${filler(50, 'Shipping')}
</main></body></html>`;


/**
 * A heading hidden after load (a section folded away), and a heading's `aria-level`
 * changed: the sections below them change, and a claim added there later follows.
 */
const HEADING_CHANGES_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head><body><main>
<h2>Magnesium citrate</h2>${filler(300, 'Citrate review')}
<h3 id="mgt">Magnesium L-threonate</h3><ul id="u"><li>Improves memory.</li></ul>${filler(300, 'Threonate review')}
<div role="heading" aria-level="2">Magnesium L-threonate</div>${filler(300, 'Second review')}
<div role="heading" aria-level="3" id="level">Magnesium citrate</div><ul><li>It improves memory.</li></ul>
<div role="heading" aria-level="3">Details</div><ul id="u2"><li>Calms anxiety.</li></ul>${filler(50, 'Last review')}
</main></body></html>`;

/** Titled with MgT, two bullets that name no form: they count only while the title says so. */
const TITLED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Magnesium L-threonate review</title></head><body>
${filler(400, 'Review')}<ul><li>Improves memory.</li><li>Supports restful sleep.</li></ul>${filler(400, 'More')}</body></html>`;

/**
 * A claim to take away (`#name` changes its form, there or in the paragraph before),
 * a list of reviews to add claims to, and a claim after it, where three kinds of text
 * hold the first claim: loose text in <body>, whose run of text is read again when its
 * marker goes; a small <div> with a paragraph inside, read again whole; and a
 * paragraph of 4,000 inline elements, too many to read at once, so the page is read
 * again.
 */
const claimsAround = (opening: string, after = ''): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Magnesium L-threonate: notes</title></head><body>
${opening}
<div id="reviews">${filler(900, 'Review')}</div>
${after}<p><b>Neuro-Mag</b> supports restful sleep.</p>
</body></html>`;
const spans = Array.from({ length: 4000 }, (_, i) => `<span>note ${i}</span> `).join('');
const LOOSE_CLAIMS_PAGE = claimsAround('<span id="name">Magtein</span> crosses the blood-brain barrier.');
const NOTES_PAGE = claimsAround(
  '<p><span id="name">Magtein</span>, in short:</p><div>It crosses the blood-brain barrier. <p>I sleep on the sofa.</p> Neuro-Mag is gentle on the stomach.</div>',
  '<h2>More reviews</h2>',
);
const LONG_PARAGRAPH_PAGE = claimsAround(`<p><span id="name">Magtein</span>, in short:</p><p>It crosses the blood-brain barrier. ${spans}</p>`);

/** A post of about 2.5 KB: a forum thread's or a review list's long item. */
const post = (i: number): string =>
  `<div class="post">Post ${i}: ${Array.from({ length: 40 }, (_, k) => `the bottle arrived sealed and the capsules are small, reply ${k}.`).join(' ')}</div>`;

const posts = Array.from({ length: 1000 }, (_, i) =>
  i % 300 === 150 ? `<div class="post">Magnesium L-threonate <b>improves memory</b>. ${post(i)}</div>` : post(i),
).join('');

/**
 * A long thread (over 2.5 MB of HTML): 1,000 posts of ~2.5 KB in one container
 * under <main>, no whitespace between them: the <main> has ~1,000 descendants, and
 * under 2,000 it was a "small" subtree, read in one call (2.5 MB).
 */
const THREAD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Forum</title></head><body>
<main><h1>Magnesium L-threonate: the long thread</h1><div class="thread">${posts}</div></main></body></html>`;

/** The same posts straight in <body>: read in runs of a fixed 1,000 children, the first run held nearly all. */
const FLAT_THREAD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Forum</title></head><body><h1>Magnesium L-threonate: the long thread</h1>${posts}</body></html>`;

/**
 * Small HTML whose script builds 5 MB of text (40,000 paragraphs) before the page
 * is idle: the HTML's size says nothing of the text, which was read in one call.
 */
const BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Built by script</title></head><body>
<h1>Magnesium L-threonate</h1><main id="app"></main><script>
const app = document.getElementById('app');
const frag = document.createDocumentFragment();
for (let i = 0; i < 40000; i++) {
  const p = document.createElement('p');
  p.textContent = i % 10000 === 5000 ? 'Magnesium L-threonate improves memory in older adults.' : 'Review ' + i + ': shipping was quick and the bottle arrived sealed, taste is fine, would order again.';
  frag.append(p);
}
app.append(frag);
</script></body></html>`;

/**
 * Over 2.5 MB of HTML and 60,000 elements (a shop's grid of ~5,000 cards), naming
 * MgT first a sixth of the way down: the gate reads the grid in runs up to there.
 */
const HUGE_SHOP = generatePage({ name: 'huge shop', bytes: 3_000_000, claimParagraphs: 3, seed: 9 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evidence-lens-large-'));
  await writeFile(join(dir, 'shop.html'), generatePage({ name: 'shop', bytes: 400_000, claimParagraphs: 9, seed: 7 }));
  await writeFile(join(dir, 'small-shop.html'), SMALL_SHOP);
  await writeFile(join(dir, 'tiny-shop.html'), generatePage({ name: 'tiny shop', bytes: 10_000, claimParagraphs: 2, seed: 4 }));
  await writeFile(join(dir, 'small-shop-shadow.html'), SMALL_SHOP_SHADOW);
  await writeFile(join(dir, 'shop-components.html'), SHOP_WITH_COMPONENTS);
  await writeFile(join(dir, 'huge-shop-components.html'), HUGE_SHOP_NAMING_IN_COMPONENTS);
  await writeFile(join(dir, 'small-shop-components.html'), SMALL_SHOP_WITH_COMPONENTS);
  await writeFile(join(dir, 'shop-div-widget.html'), SHOP_WITH_DIV_WIDGET);
  await writeFile(join(dir, 'late-shop.html'), LATE_SHOP.page);
  await writeFile(join(dir, 'late-small-shop.html'), LATE_SMALL_SHOP.page);
  await writeFile(join(dir, 'late-mid-shop.html'), LATE_MID_SHOP.page);
  await writeFile(join(dir, 'late-shop-magnesium.html'), LATE_SHOP_SAYING_MAGNESIUM.page);
  await writeFile(join(dir, 'late-shell.html'), LATE_SHELL.page);
  await writeFile(join(dir, 'tiny-empty-root.html'), TINY_PAGE_EMPTY_ROOT);
  await writeFile(join(dir, 'shop-naming-in-div-widget.html'), SHOP_NAMING_IN_DIV_WIDGET);
  await writeFile(join(dir, 'plain.html'), generatePage({ name: 'plain', bytes: 400_000, claimParagraphs: 0, seed: 8 }));
  await writeFile(join(dir, 'sections.html'), SECTIONS_PAGE);
  await writeFile(join(dir, 'closing.html'), CLOSING_PAGE);
  await writeFile(join(dir, 'heading-changes.html'), HEADING_CHANGES_PAGE);
  await writeFile(join(dir, 'titled.html'), TITLED_PAGE);
  await writeFile(join(dir, 'loose-claims.html'), LOOSE_CLAIMS_PAGE);
  await writeFile(join(dir, 'notes-claims.html'), NOTES_PAGE);
  await writeFile(join(dir, 'long-paragraph-claims.html'), LONG_PARAGRAPH_PAGE);
  await writeFile(join(dir, 'article.html'), ARTICLE_PAGE);
  await writeFile(join(dir, 'headings.html'), HEADINGS_IN_PARTS_PAGE);
  await writeFile(join(dir, 'thread.html'), THREAD_PAGE);
  await writeFile(join(dir, 'flat-thread.html'), FLAT_THREAD_PAGE);
  await writeFile(join(dir, 'built.html'), BUILT_PAGE);
  await writeFile(join(dir, 'huge-shop.html'), HUGE_SHOP);
  await writeFile(join(dir, 'huge-shop-titled.html'), HUGE_SHOP.replace('<title>Supplements — Shop</title>', '<title>Magnesium L-threonate — Shop</title>'));
  server = await serveStatic(dir);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** What a whole read finds in the page as it is now, claim/stance, sorted. */
async function wholeRead(page: Page): Promise<string[]> {
  const html = await page.content();
  const { blocks } = wholeReadData(html);
  expect(blocks.reduce((a, b) => a + b.text.length, 0)).toBeGreaterThan(64_000);
  return wholeReadClaims(html);
}

/** The claims only the shadow trees of a page with components hold (a whole read of its HTML does not see them). */
function inComponents(page: string, flat: string): string[] {
  const light = wholeReadClaims(page);
  return wholeReadClaims(flat).filter((c) => {
    const i = light.indexOf(c);
    if (i < 0) return true;
    light.splice(i, 1);
    return false;
  });
}

/** The last scan pass's detail: `reread` when a change made it read the whole page again. */
async function lastPass(page: Page): Promise<{ reread?: boolean }> {
  return page.evaluate(() => {
    const all = performance.getEntriesByName('evidence-lens:scan');
    return (all[all.length - 1] as PerformanceMeasure).detail as { reread?: boolean };
  });
}

/** The page's marks (claim/stance, sorted); checks that our highlights hold one live range per marker, and nothing else. */
async function marked(page: Page): Promise<string[]> {
  const found = await markers(page);
  expect(await page.evaluate(readHighlighted)).toEqual({ ranges: found.length, stale: 0 });
  return found.map((m) => `${m.claim}/${m.stance}`).sort();
}

/** The pass's waits for work elsewhere (`evidence-lens:wait`), each with how it ended. */
function waits(page: Page): Promise<string[]> {
  return page.evaluate(readWaits);
}

/** A first pass's waits when our background answered both: the prefilter's offsets, then detection (detect-offload.ts). */
const BOTH_ANSWERED = ['prefilter in the background: answered', 'detection in the background: answered'];
/** …and when it answered neither (each offload then does its work on the page). */
const NEITHER_ANSWERED = ['prefilter in the background: no answer', 'detection in the background: no answer'];

/** What the test uses of the extension's service worker's global scope. */
interface WorkerScope {
  closePorts?: (port: WorkerPort) => void;
  chrome: { runtime: { onConnect: { addListener(fn: (port: WorkerPort) => void): void; removeListener(fn: (port: WorkerPort) => void): void } } };
}
type WorkerPort = { name: string; disconnect(): void };

/** The detail of the page's first pass (how it was read: `read`, `gate`, `longestRead`…). */
interface FirstPass {
  read?: string;
  blocks: number;
  gate?: string;
  longestRead: number;
  /** The background's time for the prefilter, when it ran there. */
  offThreadMs?: number;
}

/** Runs `fn` while the background closes every port as it opens (as when the extension reloads mid-pass), or only the ports named `only`. */
async function withPortsClosed(fn: () => Promise<void>, only?: string): Promise<void> {
  const [worker] = browser.context.serviceWorkers();
  await worker!.evaluate((name) => {
    const g = globalThis as unknown as WorkerScope;
    g.closePorts = (p) => {
      if (name === undefined || p.name === name) p.disconnect();
    };
    g.chrome.runtime.onConnect.addListener(g.closePorts);
  }, only);
  try {
    await fn();
  } finally {
    await worker!.evaluate(() => {
      const g = globalThis as unknown as WorkerScope;
      if (g.closePorts) g.chrome.runtime.onConnect.removeListener(g.closePorts);
    });
  }
}

/**
 * Opens `file`, waits for its claims, and checks that they are marked as a whole
 * read marks them, and counted so; gives what the whole read found and the first
 * pass's detail.
 */
async function markedAsWholeRead(file: string): Promise<{ page: Page; errors: string[]; expected: string[]; pass: FirstPass }> {
  const { page, errors } = await openPage(browser, `${server.origin}/${file}`);
  const count = await claimCount(page, 1);
  const expected = await wholeRead(page);
  expect(await marked(page)).toEqual(expected);
  expect(count).toBe(expected.length);
  const pass = await page.evaluate(() => (performance.getEntriesByName('evidence-lens:scan')[0] as PerformanceMeasure).detail as FirstPass);
  return { page, errors, expected, pass };
}

describe('a mid-size page (16,000–64,000 characters) is read sparsely unless it holds an open shadow root on a plain element', () => {
  /** Opens a 100 KB shop page and checks its marks against detection of every block in Node (`flat`: the page as a whole read sees it). */
  async function smallShop(file: string, flat?: string): Promise<{ page: Page; errors: string[]; pass: FirstPass; expected: string[] }> {
    const { page, errors } = await openPage(browser, `${server.origin}/${file}`);
    const count = await claimCount(page, 1);
    const html = flat ?? (await page.content());
    const text = wholeReadData(html).blocks.reduce((a, b) => a + b.text.length, 0);
    expect(text).toBeGreaterThan(16_000); // KEPT_MIN_CHARS: read whole, it passes over blocks from there
    expect(text).toBeLessThan(64_000); // SHADOW_LOOK_MAX_CHARS
    const expected = wholeReadClaims(html);
    expect(expected.length).toBeGreaterThan(5);
    expect(await marked(page)).toEqual(expected);
    expect(count).toBe(expected.length);
    const pass = await page.evaluate(() => (performance.getEntriesByName('evidence-lens:scan')[0] as PerformanceMeasure).detail as FirstPass);
    return { page, errors, pass, expected };
  }

  it('without shadow roots: read sparsely, with the marks of every block detected', async () => {
    const { page, errors, pass } = await smallShop('small-shop.html');
    expect(pass.read).toBe('sparse');
    expect(pass.offThreadMs).toBeGreaterThan(0);
    expect(await waits(page)).toEqual(BOTH_ANSWERED);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a change that makes the page be read again keeps it sparse: our own markers are not the page\'s shadow roots', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/tiny-shop.html`);
    const before = await claimCount(page, 1);
    // A part with over 3,000 elements is not re-read at once: the whole page is read again.
    await page.evaluate(() => {
      const part = document.createElement('section');
      part.innerHTML = '<i>x</i>'.repeat(3100) + '<p>Magnesium L-threonate improves memory.</p>';
      document.body.append(part);
    });
    await claimCount(page, before + 1);
    await page.waitForFunction(() => performance.getEntriesByName('evidence-lens:start').length === performance.getEntriesByName('evidence-lens:scan').length);
    const passes = await page.evaluate(() => performance.getEntriesByName('evidence-lens:scan').map((e) => (e as PerformanceMeasure).detail as { read: string; reread?: boolean }));
    expect(passes[0]?.read).toBe('sparse');
    expect(passes.slice(1).some((p) => p.reread === true)).toBe(true);
    expect(passes.map((p) => p.read)).toEqual(passes.map(() => 'sparse'));
    expect(await marked(page)).toEqual(wholeReadClaims(await page.content()));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("with an open shadow root: read whole, so the claim inside it is marked; the background's prefilter picks the blocks to detect", async () => {
    const { page, errors, pass, expected } = await smallShop('small-shop-shadow.html', SMALL_SHOP_SHADOW_FLAT);
    expect(pass.read).toBe('whole');
    // The shadow root's claim is one of the marks (read sparsely, it was not).
    expect(expected).toContain('brain-uptake/asserted');
    expect(expected.length).toBe(wholeReadClaims(SMALL_SHOP).length + 1);
    const inShadow = await page.evaluate(() => document.getElementById('widget')?.shadowRoot?.querySelector('[data-evidence-claim]')?.getAttribute('data-evidence-claim') ?? null);
    expect(inShadow).toBe('brain-uptake');
    expect(pass.offThreadMs).toBeGreaterThan(0);
    expect(await waits(page)).toEqual(BOTH_ANSWERED);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("with web components' shadow roots only: read sparsely, and the claims in their trees (a nested one too) marked", async () => {
    const { page, errors, pass, expected } = await smallShop('small-shop-components.html', SMALL_SHOP_WITH_COMPONENTS_FLAT);
    expect(pass.read).toBe('sparse');
    expect(expected).toContain('brain-uptake/asserted');
    expect(expected).toContain('sleep/asserted');
    expect(expected.length).toBeGreaterThan(wholeReadClaims(SMALL_SHOP).length);
    expect(await waits(page)).toEqual(BOTH_ANSWERED);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('read whole without an answer from the background, every block is detected, with the same marks', async () => {
    await withPortsClosed(async () => {
      const { page, errors, pass } = await smallShop('small-shop-shadow.html', SMALL_SHOP_SHADOW_FLAT);
      expect(pass.read).toBe('whole');
      expect(pass.offThreadMs).toBeUndefined();
      expect(await waits(page)).toEqual(NEITHER_ANSWERED);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});

describe('a large page is read sparsely and reports what a whole read reports', () => {
  it('a retailer page with claims split across inline elements', async () => {
    const { page, errors, expected, pass } = await markedAsWholeRead('shop.html');
    expect(expected.length).toBeGreaterThan(9);
    // It was the sparse read, and it read a small part of the page's blocks.
    const all = wholeReadData(await page.content()).blocks.length;
    expect(pass.read).toBe('sparse');
    expect(pass.blocks).toBeLessThan(all / 10);
    expect(pass.gate).toBe('one call'); // 400 KB of HTML
    expect(pass.longestRead).toBeGreaterThan(64_000);
    // The prefilter and detection ran in the background (prefilter-offload.ts, detect-offload.ts), not on the page's thread.
    expect(pass.offThreadMs).toBeGreaterThan(0);
    expect(await waits(page)).toEqual(BOTH_ANSWERED);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('where the background does not answer the prefilter, the page runs it itself and marks the same', async () => {
    await withPortsClosed(async () => {
      const { page, errors, expected, pass } = await markedAsWholeRead('shop.html');
      expect(expected.length).toBeGreaterThan(9);
      expect(pass.read).toBe('sparse');
      expect(pass.offThreadMs).toBeUndefined();
      expect(await waits(page)).not.toContain('prefilter in the background: answered');
      expect(await waits(page)).not.toContain('detection in the background: answered');
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  it('where the background answers the prefilter but not detection, the page detects itself and marks the same', async () => {
    await withPortsClosed(async () => {
      const { page, errors, expected, pass } = await markedAsWholeRead('shop.html');
      expect(expected.length).toBeGreaterThan(9);
      expect(pass.read).toBe('sparse');
      expect(await waits(page)).toEqual(['prefilter in the background: answered', 'detection in the background: no answer']);
      // A change's pass detects on the page in any case: a paragraph added is marked.
      await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Magnesium L-threonate improves memory.</p>'));
      await claimCount(page, expected.length + 1);
      expect(errors).toEqual([]);
      await page.close();
    }, 'evidence-lens:detect');
  });

  it('headings in parts (a <br> in them) or holding blocks (a role=heading element around its section): each section as a whole read has it', async () => {
    const { page, errors, expected, pass } = await markedAsWholeRead('headings.html');
    expect(expected.length).toBeGreaterThan(20);
    expect(pass.read).toBe('sparse');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a huge page with few elements (a long article): read in runs of siblings, not in one call, and marked as a whole read marks it', async () => {
    expect(ARTICLE_PAGE.length).toBeGreaterThan(2_500_000);
    const { page, errors, expected, pass } = await markedAsWholeRead('article.html');
    expect(expected.length).toBe(24); // memory and sleep, 12 times
    expect(pass.gate).toBe('runs');
    expect(pass.read).toBe('sparse');
    expect(pass.offThreadMs).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['naming MgT a sixth of the way down: its grid read in runs up to there, then card by card', 'huge-shop.html', 'runs'],
    ['titled with MgT: its grid read card by card from the start', 'huge-shop-titled.html', 'pieces'],
  ])('a huge shop page (3 MB, 80,000 elements) %s, and marked as a whole read marks it', async (_, file, gate) => {
    const { page, errors, expected, pass } = await markedAsWholeRead(file);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(pass.gate).toBe(gate);
    expect(pass.read).toBe('sparse');
    expect(errors).toEqual([]);
    await page.close();
  });

  // No single read of the page's text may be long: reading costs ~10 ms per MB of
  // text in one call, however few its nodes. The pass reports the most characters
  // one call read (its `longestRead`), which does not depend on the machine's speed.
  it.each([
    ['a long thread (1,000 posts of 2.5 KB) in one container under <main>', 'thread.html', 3],
    ['a long thread (1,000 posts of 2.5 KB) straight in <body>', 'flat-thread.html', 3],
    ['5 MB of text built by script behind small HTML', 'built.html', 4],
  ])('%s: read in runs, no call reading more than a few hundred KB', async (_, file, claims) => {
    expect(THREAD_PAGE.length).toBeGreaterThan(2_500_000); // (over the size that is never read in one call)
    const { page, errors, expected, pass } = await markedAsWholeRead(file);
    expect(expected.length).toBe(claims);
    expect(pass.gate).toBe('runs');
    expect(pass.longestRead).toBeGreaterThan(4_000);
    expect(pass.longestRead).toBeLessThan(600_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scripts, frames, pixels and comments added to <body> start no pass; text added there does', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/shop.html`);
    const before = await claimCount(page, 1);
    const passes = await passCount(page);
    // What pages add after load all the time. Each named <body>, whose block is the
    // whole page, and started a pass that re-read all of it.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__beacon = 1;';
      document.body.append(script);
      const pixel = document.createElement('img');
      pixel.width = 1;
      pixel.height = 1;
      document.body.append(pixel, document.createElement('iframe'), document.createComment('ad slot'), document.createElement('i'));
      document.querySelector('main')?.append(document.createElement('span'));
    });
    // A pass would start within 2 s (the longest a change that adds no claim waits).
    await page.waitForTimeout(2_500);
    expect(await passCount(page)).toBe(passes);
    // Text added straight into <body> is still read: the run of inline nodes around it
    // (past the scripts and pixels above), not the whole page.
    await afterPass(page, () =>
      page.evaluate(() => {
        const span = document.createElement('span');
        span.id = 'live';
        span.textContent = 'Magnesium L-threonate improves memory in older adults.';
        document.body.append(span);
      }),
    );
    expect(await claimCount(page, before + 1)).toBe(before + 1);
    expect((await lastPass(page)).reread).toBeUndefined();
    // More text beside it (a live counter) joins the same block; the claim stays one.
    await afterPass(page, () => page.evaluate(() => document.body.append(' 3 people are viewing this.')));
    expect((await lastPass(page)).reread).toBeUndefined();
    expect(await claimCount(page)).toBe(before + 1);
    expect(await marked(page)).toEqual(await wholeRead(page));
    // Removed again: the text beside it names the run, and the claim goes.
    await afterPass(page, () => page.evaluate(() => document.getElementById('live')!.remove()));
    expect((await lastPass(page)).reread).toBeUndefined();
    expect(await claimCount(page)).toBe(before);
    expect(await marked(page)).toEqual(await wholeRead(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('text added loose inside a large <main> reads its run, not the page', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/shop.html`);
    const before = await claimCount(page, 1);
    // Too large to re-read at once (over 3,000 elements): before, loose text changing in it
    // named it, and the whole page was read again, in slices.
    expect(await page.evaluate(() => document.querySelectorAll('main *').length)).toBeGreaterThan(3000);
    await afterPass(page, () =>
      page.evaluate(() => {
        const span = document.createElement('span');
        span.id = 'live';
        span.textContent = 'Magnesium L-threonate improves memory in older adults.';
        document.querySelector('main')!.append(span);
      }),
    );
    expect(await claimCount(page, before + 1)).toBe(before + 1);
    expect((await lastPass(page)).reread).toBeUndefined();
    // A live counter's text beside it, edited: the same run.
    const counter = await page.evaluateHandle(() => document.createTextNode(' 3 people are viewing this.'));
    await afterPass(page, () => counter.evaluate((text) => document.querySelector('main')!.append(text)));
    await afterPass(page, () => counter.evaluate((text) => (text.data = ' 4 people are viewing this.')));
    expect((await lastPass(page)).reread).toBeUndefined();
    expect(await claimCount(page)).toBe(before + 1);
    expect(await marked(page)).toEqual(await wholeRead(page));
    await afterPass(page, () => page.evaluate(() => document.getElementById('live')!.remove()));
    expect((await lastPass(page)).reread).toBeUndefined();
    expect(await claimCount(page)).toBe(before);
    expect(await marked(page)).toEqual(await wholeRead(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a banner closed beside <main> is dropped without reading the page again', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/shop.html`);
    const before = await claimCount(page, 1);
    // A consent banner, shown before <main> (with a claim in it, so its going is seen).
    await afterPass(page, () =>
      page.evaluate(() => {
        const banner = document.createElement('div');
        banner.id = 'consent';
        banner.innerHTML = '<h2>Cookies</h2><p>Magnesium L-threonate improves memory in older adults.</p><button>Accept</button>';
        document.querySelector('main')!.before(banner);
      }),
    );
    expect(await claimCount(page, before + 1)).toBe(before + 1);
    expect((await lastPass(page)).reread).toBeUndefined();
    // Closed: its blocks are dropped. (Named by the block beside it, <main>, the whole
    // page was read again: ~250 ms of work on the 5 MB bench page.)
    await afterPass(page, () => page.evaluate(() => document.getElementById('consent')!.remove()));
    expect(await claimCount(page)).toBe(before);
    expect((await lastPass(page)).reread).toBeUndefined();
    expect(await marked(page)).toEqual(await wholeRead(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("web components' shadow trees are read too: their claims marked as a whole read marks them, and a tree filled later is watched", async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/shop-components.html`);
    const count = await claimCount(page, 1);
    const pass = await page.evaluate(() => (performance.getEntriesByName('evidence-lens:scan')[0] as PerformanceMeasure).detail as FirstPass);
    expect(pass.read).toBe('sparse');
    const expected = wholeReadClaims(SHOP_WITH_COMPONENTS_FLAT);
    // The shadow trees' claims (textContent, which the sparse read starts from, holds none of them).
    const shop = wholeReadClaims(SHOP_WITH_COMPONENTS);
    expect(expected.length).toBeGreaterThan(shop.length);
    expect(expected).toContain('brain-uptake/asserted');
    expect(expected).toContain('sleep/asserted');
    expect(await marked(page)).toEqual(expected);
    expect(count).toBe(expected.length);
    const inTrees = await page.evaluate(() => {
      const list = document.querySelector('review-list')!.shadowRoot!;
      const item = list.querySelector('review-item')!.shadowRoot!;
      return [...list.querySelectorAll('[data-evidence-claim]'), ...item.querySelectorAll('[data-evidence-claim]')].map((m) => m.getAttribute('data-evidence-claim')).sort();
    });
    expect(inTrees).toEqual(expect.arrayContaining(['brain-uptake', 'sleep']));
    // Reviews arrive in the feed's tree after the first pass, which held no candidate there.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Magnesium L-threonate improves memory, five stars.';
      document.querySelector('review-feed')!.shadowRoot!.append(p);
    });
    expect(await claimCount(page, count + 1)).toBe(count + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a huge page that names MgT only in its web components (its light DOM says magnesium): the gate looks into them, and they are marked as a whole read marks them', async () => {
    expect(HUGE_SHOP_NAMING_IN_COMPONENTS.length).toBeGreaterThan(2_500_000);
    const { page, errors } = await openPage(browser, `${server.origin}/huge-shop-components.html`);
    expect(await page.evaluate(() => /threon|magtein|neuro-?mag/i.test(document.body.textContent!))).toBe(false);
    const count = await claimCount(page, 1);
    const pass = await page.evaluate(() => (performance.getEntriesByName('evidence-lens:scan')[0] as PerformanceMeasure).detail as FirstPass);
    expect(pass.gate).toBe('runs');
    expect(pass.read).toBe('sparse');
    const expected = wholeReadClaims(HUGE_SHOP_NAMING_IN_COMPONENTS_FLAT);
    expect(expected).toContain('brain-uptake/asserted');
    expect(await marked(page)).toEqual(expected);
    expect(count).toBe(expected.length);
    // The gate's look: one slice of its own for the query, none past the 50 ms asked.
    const slices = await page.evaluate(() => performance.getEntriesByName('evidence-lens:slice').map((e) => e.duration));
    expect(Math.max(...slices)).toBeLessThan(50 * 3); // (a bound for slow CI machines: the query is ~20 ms here)
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an empty <div> a widget gave an open shadow root: its claims marked as a whole read marks them, its heading giving the subjectless one its subject", async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/shop-div-widget.html`);
    const count = await claimCount(page, 1);
    const pass = await page.evaluate(() => (performance.getEntriesByName('evidence-lens:scan')[0] as PerformanceMeasure).detail as FirstPass);
    expect(pass.read).toBe('sparse');
    const expected = wholeReadClaims(SHOP_WITH_DIV_WIDGET_FLAT);
    // Two claims only the widget's tree holds: textContent, which the sparse read starts from, has neither.
    expect(inComponents(SHOP_WITH_DIV_WIDGET, SHOP_WITH_DIV_WIDGET_FLAT)).toEqual(['brain-uptake/asserted', 'gi-tolerance/asserted']);
    expect(await marked(page)).toEqual(expected);
    expect(count).toBe(expected.length);
    const inWidget = await page.evaluate(() =>
      [...document.getElementById('reviews')!.shadowRoot!.querySelectorAll('[data-evidence-claim]')].map((m) => m.getAttribute('data-evidence-claim')).sort(),
    );
    expect(inWidget).toEqual(['brain-uptake', 'gi-tolerance']);
    // The widget's tree is watched: a review added there later is marked.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Magnesium L-threonate improves memory, five stars.';
      document.getElementById('reviews')!.shadowRoot!.append(p);
    });
    expect(await claimCount(page, count + 1)).toBe(count + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a large page that names MgT only in an empty <div>'s shadow root (its light DOM says magnesium): the gate looks into it, and its claims are marked", async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/shop-naming-in-div-widget.html`);
    expect(await page.evaluate(() => /threon|magtein|neuro-?mag/i.test(document.body.textContent!))).toBe(false);
    const count = await claimCount(page, 1);
    const expected = wholeReadClaims(SHOP_NAMING_IN_DIV_WIDGET_FLAT);
    expect(expected).toEqual(['brain-uptake/asserted', 'gi-tolerance/asserted']);
    expect(await marked(page)).toEqual(expected);
    expect(count).toBe(expected.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('1,000 rows appended at once, twice (blocks, then inline custom elements): counted and marked as a whole read marks them', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/shop.html`);
    const before = await claimCount(page, 1);
    for (const tag of ['div', 'x-row']) {
      await afterPass(page, () =>
        page.evaluate((tag) => {
          const rows = document.createDocumentFragment();
          for (let i = 0; i < 1000; i++) {
            const row = document.createElement(tag);
            row.innerHTML = i % 250 === 7 ? '<b>Neuro-Mag</b> is not a laxative. ' : `<span>Row ${i}</span> <b>in stock</b> `;
            rows.append(row);
          }
          document.querySelector('main')!.append(rows);
        }, tag),
      );
    }
    expect(await claimCount(page, before + 8)).toBe(before + 8);
    const expected = await wholeRead(page);
    expect(expected.length).toBe(before + 8);
    expect(await marked(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a late claim inside a shadow root: marked, and the page stays responsive', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/shop.html`);
    const before = await claimCount(page, 1);
    // The sparse index counts headings in the light DOM; this once looped for ever on
    // text in a shadow tree (the page hung inside its own append).
    const inserted = page.evaluate(() => {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = '<p>Magnesium L-threonate improves memory in older adults.</p>';
      const paragraphs = document.querySelectorAll('main p');
      paragraphs[paragraphs.length >> 1]!.after(host);
      return 'inserted';
    });
    const hung = new Promise<string>((resolve) => setTimeout(() => resolve('page did not answer within 10 s'), 10_000));
    expect(await Promise.race([inserted, hung])).toBe('inserted');
    expect(await claimCount(page, before + 1)).toBe(before + 1);
    expect((await markers(page)).filter((m) => m.claim === 'memory').length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('claims moved elsewhere in the page (with their container) still count once', async () => {
    const { page } = await openPage(browser, `${server.origin}/shop.html`);
    const before = await claimCount(page, 1);
    for (let round = 0; round < 3; round++) {
      let moved: boolean | undefined;
      await afterPass(page, async () => {
        moved = await page.evaluate((round) => {
          const cards = Array.from(document.querySelectorAll('.card'));
          // The container of the first claim paragraph (a card, a review, or the paragraph itself).
          const claim = Array.from(document.querySelectorAll('main p')).find((p) => /threonate|magtein|neuro-mag/i.test(p.textContent ?? ''));
          const holding = claim?.closest('.card, article') ?? claim;
          const to = cards[round === 1 ? 0 : cards.length - 1];
          if (!holding || !to || to === holding || holding.contains(to)) return false;
          if (round === 1) to.before(holding);
          else to.after(holding);
          return true;
        }, round);
      });
      expect(moved).toBe(true);
      expect(await claimCount(page), `move ${round}`).toBe(before);
      expect(await marked(page), `move ${round}`).toEqual(await wholeRead(page));
    }
    await page.close();
  });

  it('a late claim under a heading not read before, which closes another form\'s section', async () => {
    const { page } = await openPage(browser, `${server.origin}/closing.html`);
    const before = await claimCount(page);
    // Subjectless. "Shipping and returns" ends the citrate section, so the claim is about
    // the page's subject, MgT; without that heading indexed it would fall under citrate.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'It improves memory too.';
      document.getElementById('shipping')!.after(p);
    });
    expect(await claimCount(page, before + 1)).toBe(before + 1);
    expect(await marked(page)).toEqual(await wholeRead(page));
    await page.close();
  });

  // Sparse indexes of three sizes (the tiny shop since round 20: over SPARSE_MIN_CHARS,
  // 2,000 characters), and a page read whole, which passes over its blocks without
  // candidates after changes too (kept-blocks.ts): the shop with a shadow root.
  it.each([
    ['shop.html', 'sparse'],
    ['small-shop.html', 'sparse'],
    ['tiny-shop.html', 'sparse'],
    ['small-shop-shadow.html', 'whole'],
    ['shop-components.html', 'sparse'],
    ['small-shop-components.html', 'sparse'],
  ])('after each of a run of random changes, the marks equal a whole read: %s (read %s)', async (file, read) => {
    const { page, errors } = await openPage(browser, `${server.origin}/${file}`);
    await claimCount(page, 1);
    expect(await page.evaluate(() => ((performance.getEntriesByName('evidence-lens:scan')[0] as PerformanceMeasure).detail as { read: string }).read)).toBe(read);
    // (The shadow root's claim is not in the page's HTML, and no change below reaches it.)
    const inShadow =
      file === 'small-shop-shadow.html'
        ? ['brain-uptake/asserted']
        : file === 'shop-components.html'
          ? inComponents(SHOP_WITH_COMPONENTS, SHOP_WITH_COMPONENTS_FLAT)
          : file === 'small-shop-components.html'
            ? inComponents(SMALL_SHOP_WITH_COMPONENTS, SMALL_SHOP_WITH_COMPONENTS_FLAT)
            : [];
    const expected = async (): Promise<string[]> =>
      file === 'shop.html' || file === 'shop-components.html' ? [...(await wholeRead(page)), ...inShadow].sort() : [...wholeReadClaims(await page.content()), ...inShadow].sort();
    for (let round = 0; round < 12; round++) {
      await page.evaluate((round) => {
        // Seeded, so a failure repeats.
        let seed = round * 7919 + 13;
        const pick = <T,>(list: ArrayLike<T>): T | undefined => list[(seed = (seed * 48271) % 2147483647) % list.length];
        const claim = 'Magnesium L-threonate improves memory and supports restful sleep.';
        const target = pick(document.querySelectorAll('main *')) as Element;
        const cards = document.querySelectorAll('.card');
        switch (round % 6) {
          case 0: // a heading goes
            pick(document.querySelectorAll('main h3, main h4'))?.remove();
            break;
          case 1: {
            // a product card moves
            const [a, b] = [pick(cards), pick(cards)];
            if (a && b && a !== b) b.after(a);
            break;
          }
          case 2: {
            // a heading's words change: it now names MgT
            const h = pick(document.querySelectorAll('main h3'));
            if (h) h.textContent = `Magnesium L-threonate ${round}`;
            break;
          }
          case 3: {
            const p = document.createElement('p');
            p.innerHTML = `<b>Magtein</b> ${claim}`;
            target.after(p);
            break;
          }
          case 4: {
            // text edited in place
            const text = document.createTreeWalker(target, NodeFilter.SHOW_TEXT).nextNode() as Text | null;
            if (text) text.data = `It supports focus and calm. ${claim}`;
            break;
          }
          default: {
            // a new heading, with a claim that has no subject of its own under it
            const h = document.createElement('h3');
            h.textContent = 'Neuro-Mag questions';
            const p = document.createElement('p');
            p.textContent = 'It supports focus.';
            target.after(h, p);
          }
        }
      }, round);
      // Let the change's pass (and any that follows) end.
      await page.waitForTimeout(700);
      await page.waitForFunction(() => performance.getEntriesByName('evidence-lens:start').length === performance.getEntriesByName('evidence-lens:scan').length);
      expect(await marked(page), `round ${round}`).toEqual(await expected());
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a large page that never names MgT: nothing', async () => {
    const { page } = await openPage(browser, `${server.origin}/plain.html`);
    expect(await claimCount(page)).toBe(0);
    expect(await markers(page)).toEqual([]);
    await page.close();
  });

  it('headings decide the subject: sections far apart, nav and footer ignored', async () => {
    const { page } = await openPage(browser, `${server.origin}/sections.html`);
    await claimCount(page, 1);
    const expected = await wholeRead(page);
    expect(expected).toContain('memory/asserted'); // "Supports memory" under the MgT heading
    expect(expected).not.toContain('sleep/asserted'); // "It improves sleep" is about glycinate
    expect(await marked(page)).toEqual(expected);
    await page.close();
  });

  it('a heading hidden, and a heading\'s aria-level changed, after load: the sections below follow, and so do claims added there later', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/heading-changes.html`);
    expect(await claimCount(page, 1)).toBe(2); // memory under MgT, anxiety under "Details" under MgT
    const same = async (claims: number): Promise<void> => {
      await expect.poll(() => page.evaluate(() => Number(document.documentElement.getAttribute('data-evidence-lens-claims'))), { timeout: 5000 }).toBe(claims);
      expect(await marked(page)).toEqual(await wholeRead(page));
    };
    // The MgT heading folded away: its bullet is under citrate now, and so is one added there.
    await afterPass(page, () => page.evaluate(() => { document.getElementById('mgt')!.hidden = true; }));
    await same(1);
    await afterPass(page, () => page.evaluate(() => document.getElementById('u')!.append(Object.assign(document.createElement('li'), { textContent: 'Supports restful sleep.' }))));
    await same(1);
    // "Magnesium citrate" raised to level 2: "Details" is its subsection now, not MgT's.
    await afterPass(page, () => page.evaluate(() => document.getElementById('level')!.setAttribute('aria-level', '2')));
    await same(0);
    await afterPass(page, () => page.evaluate(() => document.getElementById('u2')!.append(Object.assign(document.createElement('li'), { textContent: 'Helps you focus.' }))));
    await same(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the <title> element replaced or taken away after load: claims that name no form follow the title', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/titled.html`);
    expect(await claimCount(page, 1)).toBe(2);
    const count = (): Promise<number> => page.evaluate(() => Number(document.documentElement.getAttribute('data-evidence-lens-claims')));
    await page.evaluate(() => document.querySelector('title')!.replaceWith(Object.assign(document.createElement('title'), { textContent: 'Brain supplements' })));
    await expect.poll(count, { timeout: 5000 }).toBe(0);
    expect(await marked(page)).toEqual(await wholeRead(page));
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('title'), { textContent: 'Magtein, tried' })));
    await expect.poll(count, { timeout: 5000 }).toBe(0); // (the first <title> is the page's)
    await page.evaluate(() => document.querySelector('title')!.remove());
    await expect.poll(count, { timeout: 5000 }).toBe(2);
    expect(await marked(page)).toEqual(await wholeRead(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  // A marker taken away joins the text it split, and that text is read again. The
  // blocks read can differ from those the claims were just found in: the index a change
  // leaves can hold blocks a fresh read does not (a change keeps any block naming a
  // claim's topic, "I sleep on the sofa."; a fresh sparse read only those the prefilter
  // finds a claim's words in), and the other way round. The claims were left at their
  // old places, and the next change counted claims no longer on the page, or lost marks.
  it.each([
    ['loose text in <body>: its run is read again, not the page', 'loose-claims.html', false],
    ['a small <div> holding a paragraph the first read left out: the <div> is read again', 'notes-claims.html', false],
    ['a paragraph of 4,000 inline elements: the page is read again', 'long-paragraph-claims.html', true],
  ])('a claim gone from %s; claims added later are counted and marked as the page shows them', async (_, file, reread) => {
    const { page, errors } = await openPage(browser, `${server.origin}/${file}`);
    const first = await claimCount(page, 2);
    const count = (): Promise<number> => page.evaluate(() => Number(document.documentElement.getAttribute('data-evidence-lens-claims')));
    // Each marker right after its own sentence: a claim left at another block's place
    // was marked in that block's text ("I sleep on the sofa." taken for the stomach's).
    const ends: Record<string, readonly string[]> = {
      'brain-uptake/asserted': ['blood-brain barrier.'],
      'gi-tolerance/asserted': ['gentle on the stomach.', 'not a laxative.'],
      'sleep/asserted': ['restful sleep.'],
      'memory/asserted': ['improves memory.'],
      'anxiety-stress/asserted': ['calms anxiety.'],
    };
    const asWholeRead = async (): Promise<string> => {
      const all = await markers(page);
      const misplaced = all.filter((m) => !(ends[`${m.claim}/${m.stance}`] ?? []).some((end) => m.before.trimEnd().endsWith(end)));
      return JSON.stringify({ count: await count(), marked: await marked(page), misplaced: misplaced.map((m) => m.before.slice(-40)) });
    };
    const wholeNow = async (): Promise<string> => {
      const whole = await wholeRead(page);
      return JSON.stringify({ count: whole.length, marked: whole, misplaced: [] });
    };
    expect(await asWholeRead()).toBe(await wholeNow());
    await afterPass(page, () =>
      page.evaluate(() => document.getElementById('reviews')!.prepend(Object.assign(document.createElement('p'), { textContent: 'I sleep on the sofa.' }))),
    );
    expect(await count()).toBe(first);
    // The form's name changes: the claim goes, and its marker with it.
    await page.evaluate(() => (document.getElementById('name')!.textContent = 'Magnesium citrate'));
    await expect.poll(count, { timeout: 5000 }).toBe(first - 1);
    expect(await wholeRead(page)).not.toContain('brain-uptake/asserted');
    expect(await asWholeRead()).toBe(await wholeNow());
    expect((await lastPass(page)).reread).toBe(reread ? true : undefined);
    // Claims added after it: counted and marked as a whole read of the page then finds them.
    for (const [text, claim] of [
      ['Magtein improves memory.', 'memory/asserted'],
      ['Magnesium L-threonate calms anxiety.', 'anxiety-stress/asserted'],
      ['Neuro-Mag is not a laxative.', 'gi-tolerance/asserted'],
    ] as const) {
      await page.evaluate((t) => document.getElementById('reviews')!.append(Object.assign(document.createElement('p'), { textContent: t })), text);
      expect(await wholeRead(page)).toContain(claim);
      await expect.poll(asWholeRead, { timeout: 5000 }).toBe(await wholeNow());
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('late insertions: under a heading not read before, under another form, and removed again', async () => {
    const { page } = await openPage(browser, `${server.origin}/sections.html`);
    const before = await claimCount(page, 1);
    // Subjectless: counts only because "Customer questions" sits under the MgT heading.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late-sleep';
      p.textContent = 'Supports restful sleep every night.';
      document.getElementById('questions')!.after(p);
    });
    const afterSleep = await claimCount(page, before + 1);
    expect(await marked(page)).toEqual(await wholeRead(page));
    // Under citrate, a subjectless claim is not about MgT; a named one is.
    await page.evaluate(() => {
      const a = document.createElement('p');
      a.textContent = 'It improves memory too.';
      const b = document.createElement('p');
      b.id = 'late-named';
      b.innerHTML = '<b>Magtein</b> improves <em>memory</em>.';
      document.getElementById('citrate')!.after(a, b);
    });
    const afterNamed = await claimCount(page, afterSleep + 1);
    expect(await marked(page)).toEqual(await wholeRead(page));
    expect(afterNamed).toBe(afterSleep + 1);
    // A heading's words change: "It improves memory too." is now under an MgT heading.
    await page.evaluate(() => {
      document.getElementById('citrate')!.textContent = 'Magnesium L-threonate, again';
    });
    await claimCount(page, afterNamed + 1);
    expect(await marked(page)).toEqual(await wholeRead(page));
    await page.evaluate(() => {
      document.getElementById('citrate')!.textContent = 'Magnesium citrate';
    });
    await expect.poll(() => page.evaluate(() => Number(document.documentElement.getAttribute('data-evidence-lens-claims'))), { timeout: 5000 }).toBe(afterNamed);
    await page.evaluate(() => {
      document.getElementById('late-sleep')!.remove();
      document.getElementById('late-named')!.remove();
    });
    await expect.poll(() => page.evaluate(() => Number(document.documentElement.getAttribute('data-evidence-lens-claims'))), { timeout: 5000 }).toBe(before);
    expect(await marked(page)).toEqual(await wholeRead(page));
    await page.close();
  });
});

// A change inside a shadow tree whose neighbour is neither a block nor text (a nested
// component) names the tree's root, which the index took for nothing to read: the
// removed claim stayed counted (the popup listed it), an added one was never read.
describe('a paragraph removed or added right before a nested component, inside a shadow tree', () => {
  it.each([
    [0, 'read whole'],
    [20, 'read sparsely'],
    [700, 'read sparsely, a large page'],
  ])('a page with %i filler paragraphs (%s): counted and marked as a whole read of it', async (paragraphs) => {
    const { page: html, flat } = nestedTreesPage(paragraphs);
    const file = `nested-trees-${paragraphs}.html`;
    await writeFile(join(dir, file), html);
    const { page, errors } = await openPage(browser, `${server.origin}/${file}`);
    const expected = wholeReadClaims(flat);
    expect(expected).toHaveLength(5);
    expect(await claimCount(page, 5)).toBe(5);
    await page.evaluate(changeBeforeNested, true);
    const less = expected.filter((c, i) => i !== expected.indexOf('brain-uptake/asserted'));
    await expect.poll(() => marked(page)).toEqual(less);
    await expect.poll(() => page.evaluate(() => Number(document.documentElement.getAttribute('data-evidence-lens-claims'))), { timeout: 3000 }).toBe(4);
    await page.evaluate(changeBeforeNested, false);
    await expect.poll(() => marked(page), { timeout: 3000 }).toEqual([...less, 'gi-tolerance/asserted'].sort());
    expect(await claimCount(page)).toBe(5);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// `attachShadow` makes no MutationObserver record: a component defined after our
// first pass, or a widget attaching its root to its placeholder then, was never read.
describe('shadow roots given after the first pass (a component defined late, a widget filling its placeholder)', () => {
  it.each([
    ['late-shop.html', 'a 400 KB shop read sparsely', LATE_SHOP.flat],
    ['late-mid-shop.html', 'a 100 KB shop, every element looked at', LATE_MID_SHOP.flat],
    ['late-small-shop.html', 'a 10 KB shop', LATE_SMALL_SHOP.flat],
  ])('%s (%s): their claims counted and marked as a whole read of the page with its trees marks them', async (file, _what, flat) => {
    const { page, errors } = await openPage(browser, `${server.origin}/${file}`);
    const before = await claimCount(page, 1);
    const expected = wholeReadClaims(flat);
    expect(expected.length).toBeGreaterThan(before);
    await page.evaluate(giveLateRoots, LATE_TREES);
    expect(await claimCount(page, expected.length)).toBe(expected.length);
    await page.waitForTimeout(300); // (nothing more comes)
    expect(await claimCount(page)).toBe(expected.length);
    expect(await marked(page)).toEqual(expected);
    const inTree = await page.evaluate(() =>
      [...document.querySelector('review-box')!.shadowRoot!.querySelectorAll('[data-evidence-claim]')].map((m) => m.getAttribute('data-evidence-claim')).sort(),
    );
    expect(inTree).toEqual(['gi-tolerance', 'sleep']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['late-shop.html', 'a 400 KB shop read sparsely'],
    ['late-small-shop.html', 'a 10 KB shop'],
  ])('%s (%s): components added after it, one filled a microtask later and one defined later, are read: their claims counted and marked', async (file) => {
    const { page, errors } = await openPage(browser, `${server.origin}/${file}`);
    const before = await claimCount(page, 1);
    const marks = await marked(page);
    await page.evaluate(addLateComponents, ADDED_TREES);
    expect(await claimCount(page, before + 2)).toBe(before + 2);
    expect(await marked(page)).toEqual([...marks, 'gi-tolerance/asserted', 'memory/asserted'].sort());
    const inTrees = await page.evaluate(() =>
      ['review-now', 'review-later'].map((tag) => document.querySelector(tag)!.shadowRoot!.querySelector('[data-evidence-claim]')?.getAttribute('data-evidence-claim') ?? null),
    );
    expect(inTrees).toEqual(['memory', 'gi-tolerance']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page read whole: a shadow root there but empty at the first pass is watched, and what fills it later is read', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/tiny-empty-root.html`);
    const before = await claimCount(page, 1);
    const pass = await page.evaluate(() => (performance.getEntriesByName('evidence-lens:scan')[0] as PerformanceMeasure).detail as FirstPass);
    expect(pass.read).toBe('whole');
    await page.evaluate(() => {
      document.querySelector('review-box')!.shadowRoot!.innerHTML = '<p>Neuro-Mag is not a laxative.</p>';
    });
    expect(await claimCount(page, before + 1)).toBe(before + 1);
    expect(await page.evaluate(() => document.querySelector('review-box')!.shadowRoot!.querySelector('[data-evidence-claim]')?.getAttribute('data-evidence-claim'))).toBe('gi-tolerance');
    expect(errors).toEqual([]);
    await page.close();
  });

  // A widget attached when the person scrolls to it gives its root with no change a
  // record reports, maybe minutes after load, when the later looks (every few
  // seconds at first) are far apart or over: the scroll brings the next look.
  it.each([
    ['late-shop.html', 'a 400 KB shop read sparsely', '#reviews', LATE_SHOP.flat],
    ['late-shop-magnesium.html', 'a 400 KB shop that names MgT only there (the gate)', 'review-box', LATE_SHOP_SAYING_MAGNESIUM.flat],
  ])('%s (%s): a widget given its root when scrolled into view, 9 s after load, is read within 3 s of the scroll', async (file, _what, selector, flat) => {
    const { page, errors } = await openPage(browser, `${server.origin}/${file}`);
    await claimCount(page);
    const expected = wholeReadClaims(flat);
    // Past the look 8 s after the first pass (or the gate's read): the next is due 8 s later.
    await page.waitForFunction(() => {
      const slices = performance.getEntriesByName('evidence-lens:slice').filter((e) => (e as PerformanceMeasure).detail !== 'roots');
      const end = Math.max(0, ...slices.map((e) => e.startTime + e.duration));
      return performance.now() > end + 8_600;
    }, undefined, { polling: 100, timeout: 20_000 });
    await page.evaluate(scrollIntoSight, selector);
    await page.evaluate(giveLateRoots, LATE_TREES);
    await page.waitForFunction(
      (n) => Number(document.documentElement.getAttribute('data-evidence-lens-claims')) >= n,
      expected.length,
      { timeout: 3_000 },
    );
    expect(await marked(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  // A widget may attach its root to a plain element that still holds its fallback
  // ("Loading…"), then empty it: the only record is a child list change on the host.
  // On the gate's pages the tree is the first to name MgT, and a sparse read does not
  // look for roots on plain elements.
  it.each([
    ['late-shop.html', 'a 400 KB shop read sparsely'],
    ['late-small-shop.html', 'a 10 KB shop'],
    ['plain.html', 'a 400 KB shop that never says magnesium (the gate)'],
    ['late-shop-magnesium.html', 'a 400 KB shop that says magnesium and names no form (the gate)'],
  ])('%s (%s): a root given to a plain element holding its fallback, then emptied: the tree is read, and watched for what comes later', async (file) => {
    const { page, errors } = await openPage(browser, `${server.origin}/${file}`);
    const before = await claimCount(page);
    await page.evaluate(addPlainWidget);
    await page.waitForTimeout(1_000); // (its pass: nothing to count)
    expect(await claimCount(page)).toBe(before);
    await page.evaluate(fillPlainWidget, PLAIN_WIDGET_TREE);
    await claimCount(page, before + 1);
    await expect.poll(() => page.evaluate(plainWidgetMarks), { timeout: 3_000 }).toEqual(['sleep']);
    // A review added to the tree later is a change inside it: seen only if the tree is watched.
    const count = await claimCount(page);
    await page.evaluate(addToPlainWidget, PLAIN_WIDGET_REVIEW);
    await claimCount(page, count + 1);
    await expect.poll(() => page.evaluate(plainWidgetMarks), { timeout: 3_000 }).toEqual(['gi-tolerance', 'sleep']);
    // As a whole read of the page with the tree in place of its host's content marks it.
    await page.waitForTimeout(300); // (nothing more comes)
    const expected = wholeReadClaims(withPlainWidgetTree(await page.content()));
    expect(await claimCount(page)).toBe(expected.length);
    expect(await marked(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['late-shop-magnesium.html', 'a 400 KB shop that says magnesium and names no form', LATE_SHOP_SAYING_MAGNESIUM.flat],
    ['late-shell.html', "an app's shell", LATE_SHELL.flat],
  ])('%s (%s): the gate finds MgT in the late tree, and its claims are marked', async (file, _what, flat) => {
    const { page, errors } = await openPage(browser, `${server.origin}/${file}`);
    expect(await claimCount(page)).toBe(0); // the gate has looked: nothing names MgT yet
    const expected = wholeReadClaims(flat);
    expect(expected).toEqual(['gi-tolerance/asserted', 'sleep/asserted']);
    await page.evaluate(giveLateRoots, LATE_TREES);
    expect(await claimCount(page, 2)).toBe(2);
    expect(await marked(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });
});
