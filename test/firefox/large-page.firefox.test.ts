// A large page in Firefox ESR: its prefilter run in the add-on's
// background (an event page in Firefox, a service worker in Chromium: the port
// must work with both), and marked exactly as a whole read in Node marks it.
// test/e2e/large-page tests the rest of the sparse read in Chromium.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePage } from '../../bench/pages';
import { readMarkers } from '../e2e/harness/pages';
import { ARTICLE_PAGE, readWaits, wholeReadClaims } from '../e2e/harness/large-pages';
import { serveStatic, type StaticServer } from '../e2e/harness/server';
import { claimCount, launchFirefoxWithExtension, openPage, type FirefoxWithExtension } from './harness';

let firefox: FirefoxWithExtension;
let server: StaticServer;
let dir: string;
const SHOP = generatePage({ name: 'shop', bytes: 400_000, claimParagraphs: 9, seed: 7 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evidence-lens-ff-large-'));
  await writeFile(join(dir, 'shop.html'), SHOP);
  await writeFile(join(dir, 'article.html'), ARTICLE_PAGE);
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
 * (the pass's detail is the content script's object, which Firefox keeps from the
 * page; the wait's detail is a string). Gives what the whole read found.
 */
async function markedAsWholeRead(file: string, html: string): Promise<string[]> {
  const { page, errors } = await openPage(firefox, `${server.origin}/${file}`);
  const expected = wholeReadClaims(html);
  const count = await claimCount(page, 1);
  const marked = (await page.evaluate(readMarkers)).map((m) => `${m.claim}/${m.stance}`).sort();
  expect(marked).toEqual(expected);
  expect(count).toBe(expected.length);
  expect(await page.evaluate(readWaits)).toEqual(['prefilter in the background: answered']);
  expect(errors).toEqual([]);
  await page.close();
  return expected;
}

it('a 400 KB shop page: read sparsely, its prefilter answered by the background, marked as a whole read marks it', async () => {
  expect((await markedAsWholeRead('shop.html', SHOP)).length).toBeGreaterThan(9);
});

it('a 2.6 MB long read, read in runs of siblings: marked as a whole read marks it', async () => {
  expect(ARTICLE_PAGE.length).toBeGreaterThan(2_500_000);
  expect((await markedAsWholeRead('article.html', ARTICLE_PAGE)).length).toBe(24); // memory and sleep, 12 times
});
