// A large page in Firefox ESR: its prefilter run in the add-on's
// background (an event page in Firefox, a service worker in Chromium: the port
// must work with both), and marked exactly as a whole read in Node marks it.
// test/e2e/large-page tests the rest of the sparse read in Chromium.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePage } from '../../bench/pages';
import { readHighlighted, readMarkers } from '../e2e/harness/pages';
import {
  ARTICLE_PAGE,
  HEADINGS_IN_PARTS_PAGE,
  HUGE_SHOP_NAMING_IN_COMPONENTS,
  HUGE_SHOP_NAMING_IN_COMPONENTS_FLAT,
  LATE_SHELL,
  LATE_SHOP,
  LATE_TREES,
  PLAIN_WIDGET_REVIEW,
  PLAIN_WIDGET_TREE,
  SHOP_NAMING_IN_DIV_WIDGET,
  SHOP_NAMING_IN_DIV_WIDGET_FLAT,
  SHOP_WITH_COMPONENTS,
  SHOP_WITH_COMPONENTS_FLAT,
  SHOP_WITH_DIV_WIDGET,
  SHOP_WITH_DIV_WIDGET_FLAT,
  SMALL_SHOP_SHADOW,
  SMALL_SHOP_SHADOW_FLAT,
  SMALL_SHOP_WITH_COMPONENTS,
  SMALL_SHOP_WITH_COMPONENTS_FLAT,
  addPlainWidget,
  addToPlainWidget,
  fillPlainWidget,
  giveLateRoots,
  plainWidgetMarks,
  readWaits,
  scrollIntoSight,
  wholeReadClaims,
  withPlainWidgetTree,
} from '../e2e/harness/large-pages';
import { serveStatic, type StaticServer } from '../e2e/harness/server';
import { claimCount, launchFirefoxWithExtension, openPage, type FirefoxWithExtension } from './harness';

let firefox: FirefoxWithExtension;
let server: StaticServer;
let dir: string;
const SHOP = generatePage({ name: 'shop', bytes: 400_000, claimParagraphs: 9, seed: 7 });
/** A small shop (about 5,000 characters of text): read sparsely since round 20. */
const TINY_SHOP = generatePage({ name: 'tiny shop', bytes: 10_000, claimParagraphs: 2, seed: 4 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evidence-lens-ff-large-'));
  await writeFile(join(dir, 'shop.html'), SHOP);
  await writeFile(join(dir, 'article.html'), ARTICLE_PAGE);
  await writeFile(join(dir, 'headings.html'), HEADINGS_IN_PARTS_PAGE);
  await writeFile(join(dir, 'tiny-shop.html'), TINY_SHOP);
  await writeFile(join(dir, 'small-shop-shadow.html'), SMALL_SHOP_SHADOW);
  await writeFile(join(dir, 'shop-components.html'), SHOP_WITH_COMPONENTS);
  await writeFile(join(dir, 'small-shop-components.html'), SMALL_SHOP_WITH_COMPONENTS);
  await writeFile(join(dir, 'huge-shop-components.html'), HUGE_SHOP_NAMING_IN_COMPONENTS);
  await writeFile(join(dir, 'shop-div-widget.html'), SHOP_WITH_DIV_WIDGET);
  await writeFile(join(dir, 'late-shop.html'), LATE_SHOP.page);
  await writeFile(join(dir, 'late-shell.html'), LATE_SHELL.page);
  await writeFile(join(dir, 'plain.html'), generatePage({ name: 'plain', bytes: 400_000, claimParagraphs: 0, seed: 8 }));
  await writeFile(join(dir, 'shop-naming-in-div-widget.html'), SHOP_NAMING_IN_DIV_WIDGET);
  server = await serveStatic(dir);
  firefox = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Opens `file` (`html` served), checks that its claims are marked and counted as a
 * whole read in Node finds them, and that the background answered the prefilter
 * and detection (the pass's detail is the content script's object, which Firefox keeps from the
 * page; the wait's detail is a string). Gives what the whole read found.
 */
async function markedAsWholeRead(file: string, html: string): Promise<string[]> {
  const { page, errors } = await openPage(firefox, `${server.origin}/${file}`);
  const expected = wholeReadClaims(html);
  const count = await claimCount(page, 1);
  const found = await page.evaluate(readMarkers);
  const marked = found.map((m) => `${m.claim}/${m.stance}`).sort();
  expect(marked).toEqual(expected);
  expect(count).toBe(expected.length);
  // Our highlights hold one live range per marker (capped as markers are), and nothing else.
  expect(await page.evaluate(readHighlighted)).toEqual({ ranges: found.length, stale: 0 });
  expect(await page.evaluate(readWaits)).toEqual(['prefilter in the background: answered', 'detection in the background: answered']);
  expect(errors).toEqual([]);
  await page.close();
  return expected;
}

it('a 400 KB shop page: read sparsely, its prefilter answered by the background, marked as a whole read marks it', async () => {
  expect((await markedAsWholeRead('shop.html', SHOP)).length).toBeGreaterThan(9);
});

it('headings in parts or holding blocks (a <br> in them, a role=heading element around its section): marked as a whole read marks it', async () => {
  expect((await markedAsWholeRead('headings.html', HEADINGS_IN_PARTS_PAGE)).length).toBeGreaterThan(20);
});

it('a 2.6 MB long read, read in runs of siblings: marked as a whole read marks it', async () => {
  expect(ARTICLE_PAGE.length).toBeGreaterThan(2_500_000);
  expect((await markedAsWholeRead('article.html', ARTICLE_PAGE)).length).toBe(24); // memory and sleep, 12 times
});

// (Read whole, a page under 16,000 characters asks the background nothing: the wait
// checked in markedAsWholeRead shows it was read sparsely.)
it('a small shop page (5,000 characters): read sparsely as well, marked as a whole read marks it', async () => {
  expect((await markedAsWholeRead('tiny-shop.html', TINY_SHOP)).length).toBeGreaterThan(1);
});

it("a 100 KB shop page with a claim in a <div>'s open shadow root: read whole, so that claim is marked too", async () => {
  // (A sparse read cannot see the shadow root's claim.)
  const expected = await markedAsWholeRead('small-shop-shadow.html', SMALL_SHOP_SHADOW_FLAT);
  expect(expected).toContain('brain-uptake/asserted');
});

it.each([
  ['shop-components.html', SHOP_WITH_COMPONENTS, SHOP_WITH_COMPONENTS_FLAT],
  ['small-shop-components.html', SMALL_SHOP_WITH_COMPONENTS, SMALL_SHOP_WITH_COMPONENTS_FLAT],
  // (Its light DOM names no form: the gate finds MgT in the components, since round 22.)
  ['huge-shop-components.html', HUGE_SHOP_NAMING_IN_COMPONENTS, HUGE_SHOP_NAMING_IN_COMPONENTS_FLAT],
])("a shop page with web components (%s): read sparsely, and the claims in their shadow trees (a nested one too) marked", async (file, html, flat) => {
  // (That they are read sparsely is checked in Chromium, whose pass detail the test can read.)
  const expected = await markedAsWholeRead(file, flat);
  expect(expected).toContain('brain-uptake/asserted');
  expect(expected).toContain('sleep/asserted');
  expect(expected.length).toBeGreaterThan(wholeReadClaims(html).length);
});

it.each([
  ['shop-div-widget.html', SHOP_WITH_DIV_WIDGET, SHOP_WITH_DIV_WIDGET_FLAT],
  // (Its light DOM says magnesium and names no form: the gate finds MgT in the widget's tree.)
  ['shop-naming-in-div-widget.html', SHOP_NAMING_IN_DIV_WIDGET, SHOP_NAMING_IN_DIV_WIDGET_FLAT],
])("a 400 KB shop page with an empty <div> a widget gave an open shadow root (%s): the claims in its tree marked", async (file, html, flat) => {
  const expected = await markedAsWholeRead(file, flat);
  expect(expected).toContain('brain-uptake/asserted');
  expect(expected).toContain('gi-tolerance/asserted');
  expect(expected.length).toBe(wholeReadClaims(html).length + 2);
});

// (Chromium: test/e2e/large-page, with the gate's case too.)
it('late-shop.html: a widget given its root when scrolled into view, 9.5 s after the first pass, is read within 3 s of the scroll (the scroll brings the next look)', async () => {
  const { page, errors } = await openPage(firefox, `${server.origin}/late-shop.html`);
  await claimCount(page, 1);
  const expected = wholeReadClaims(LATE_SHOP.flat);
  await new Promise((r) => setTimeout(r, 9_500)); // past the look 8 s after the pass: the next is due 8 s later
  await page.evaluate(scrollIntoSight, '#reviews');
  await page.evaluate(giveLateRoots, LATE_TREES);
  await page.waitForFunction((n: number) => Number(document.documentElement.getAttribute('data-evidence-lens-claims')) >= n, { timeout: 3_000 }, expected.length);
  expect((await page.evaluate(readMarkers)).map((m) => `${m.claim}/${m.stance}`).sort()).toEqual(expected);
  expect(errors).toEqual([]);
  await page.close();
});

it.each([
  ['late-shop.html', 'a 400 KB shop', LATE_SHOP.flat, 1],
  // (The gate has named nothing there before.)
  ['late-shell.html', "an app's shell", LATE_SHELL.flat, 0],
])("%s (%s): shadow roots given after the first look (a component defined late, a widget's placeholder filled) are read, their claims marked", async (file, _what, flat, first) => {
  const { page, errors } = await openPage(firefox, `${server.origin}/${file}`);
  await claimCount(page, first);
  const expected = wholeReadClaims(flat);
  await page.evaluate(giveLateRoots, LATE_TREES);
  expect(await claimCount(page, expected.length)).toBe(expected.length);
  expect((await page.evaluate(readMarkers)).map((m) => `${m.claim}/${m.stance}`).sort()).toEqual(expected);
  expect(errors).toEqual([]);
  await page.close();
});

it.each([
  ['late-shop.html', 'a 400 KB shop read sparsely'],
  ['plain.html', 'a 400 KB shop that never says magnesium (the gate)'],
])('%s (%s): a root given to a plain element holding its fallback, then emptied: the tree is read, and watched for what comes later', async (file) => {
  const { page, errors } = await openPage(firefox, `${server.origin}/${file}`);
  const before = await claimCount(page);
  await page.evaluate(addPlainWidget);
  await new Promise((r) => setTimeout(r, 1_000)); // (its pass: nothing to count)
  expect(await claimCount(page)).toBe(before);
  await page.evaluate(fillPlainWidget, PLAIN_WIDGET_TREE);
  await claimCount(page, before + 1);
  await page.waitForFunction(() => document.getElementById('plain-widget')!.shadowRoot!.querySelector('[data-evidence-claim]') !== null, { timeout: 3_000 });
  expect(await page.evaluate(plainWidgetMarks)).toEqual(['sleep']);
  const count = await claimCount(page);
  await page.evaluate(addToPlainWidget, PLAIN_WIDGET_REVIEW);
  await claimCount(page, count + 1);
  await page.waitForFunction(() => document.getElementById('plain-widget')!.shadowRoot!.querySelectorAll('[data-evidence-claim]').length === 2, { timeout: 3_000 });
  expect(await page.evaluate(plainWidgetMarks)).toEqual(['gi-tolerance', 'sleep']);
  await new Promise((r) => setTimeout(r, 300)); // (nothing more comes)
  const expected = wholeReadClaims(withPlainWidgetTree(await page.content()));
  expect(await claimCount(page)).toBe(expected.length);
  expect((await page.evaluate(readMarkers)).map((m) => `${m.claim}/${m.stance}`).sort()).toEqual(expected);
  expect(errors).toEqual([]);
  await page.close();
});
