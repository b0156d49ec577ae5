// A large page in Firefox ESR: its prefilter run in the add-on's
// background (an event page in Firefox, a service worker in Chromium: the port
// must work with both), and marked exactly as a whole read in Node marks it.
// test/e2e/large-page tests the rest of the sparse read in Chromium.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { generatePage } from '../../bench/pages';
import { detectClaims } from '../../src/core/claims/detect';
import { extractPageData } from '../../src/extract';
import { readMarkers } from '../e2e/harness/pages';
import { serveStatic, type StaticServer } from '../e2e/harness/server';
import { claimCount, launchFirefoxWithExtension, openPage, type FirefoxWithExtension } from './harness';

let firefox: FirefoxWithExtension;
let server: StaticServer;
let dir: string;
const SHOP = generatePage({ name: 'shop', bytes: 400_000, claimParagraphs: 9, seed: 7 });

const filler = (n: number, seed: string): string =>
  Array.from({ length: n }, (_, i) => `<p>${seed} ${i}: shipping was quick and the bottle arrived sealed, taste is fine, would order again.</p>`).join('');

/**
 * A long read of 2.6 MB of HTML in few elements: the gate reads it in runs of
 * siblings (one Range each), and the sparse read finds its candidates inside them
 * (sparse-read.ts, TextFinder), which in Firefox go through Xray wrappers.
 */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long read</title></head><body>
<h1>Magnesium L-threonate: a long read</h1><article>${Array.from({ length: 12 }, (_, i) => `${filler(2100, `Part ${i}`)}<p>Magnesium L-threonate <b>improves memory</b> and supports restful sleep.</p>`).join('')}</article></body></html>`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evidence-lens-ff-large-'));
  await writeFile(join(dir, 'shop.html'), SHOP);
  await writeFile(join(dir, 'article.html'), ARTICLE);
  server = await serveStatic(dir);
  firefox = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** What a whole read of the page finds, in Node: claim/stance, sorted. */
function wholeRead(html: string): string[] {
  const { document } = parseHTML(html);
  const data = extractPageData(document as unknown as Document, null).page;
  return detectClaims(data.blocks, { title: data.title }).map((m) => `${m.claim}/${m.stance}`).sort();
}

it('a 400 KB shop page: read sparsely, its prefilter answered by the background, marked as a whole read marks it', async () => {
  const { page, errors } = await openPage(firefox, `${server.origin}/shop.html`);
  const expected = wholeRead(SHOP);
  expect(expected.length).toBeGreaterThan(9);
  const count = await claimCount(page, 1);
  const marked = (await page.evaluate(readMarkers)).map((m) => `${m.claim}/${m.stance}`).sort();
  expect(marked).toEqual(expected);
  expect(count).toBe(expected.length);
  // The pass's detail is the content script's object, which Firefox keeps from the
  // page; the wait's detail is a string: how the wait for the background ended.
  const waits = await page.evaluate(() => performance.getEntriesByName('evidence-lens:wait').map((e) => String((e as PerformanceMeasure).detail)));
  expect(waits).toEqual(['prefilter in the background: answered']);
  expect(errors).toEqual([]);
  await page.close();
});

it('a 2.6 MB long read, read in runs of siblings: marked as a whole read marks it', async () => {
  expect(ARTICLE.length).toBeGreaterThan(2_500_000);
  const { page, errors } = await openPage(firefox, `${server.origin}/article.html`);
  const expected = wholeRead(ARTICLE);
  expect(expected.length).toBe(24); // memory and sleep, 12 times
  const count = await claimCount(page, 1);
  const marked = (await page.evaluate(readMarkers)).map((m) => `${m.claim}/${m.stance}`).sort();
  expect(marked).toEqual(expected);
  expect(count).toBe(expected.length);
  expect(await page.evaluate(() => performance.getEntriesByName('evidence-lens:wait').map((e) => String((e as PerformanceMeasure).detail)))).toEqual([
    'prefilter in the background: answered',
  ]);
  expect(errors).toEqual([]);
  await page.close();
});
