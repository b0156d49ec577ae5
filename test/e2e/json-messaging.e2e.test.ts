// Our manifest asks Chrome (148 on) to structured-clone extension messages
// (`message_serialization`): the page's text then reaches the background faster.
// Chrome before 148 ignores the key and sends JSON, so every message must work
// both ways. Here the same build runs with the key (as Chromium 156 runs it) and
// without (as older Chrome does): in each, the background's answers arrive, the
// marks are a whole read's, and the popup's report and the badge follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import { generatePage } from '../../bench/pages';
import { DIST, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { serveStatic, type StaticServer } from './harness/server';
import { claimCount, markers, openPage } from './harness/pages';
import { readWaits, wholeReadClaims } from './harness/large-pages';
import { tabFor } from './harness/tabs';
import type { PageReport } from '../../src/shared/messages';

// The slice of the extension API these worker-side snippets use (no @types/chrome here).
declare const chrome: {
  tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<unknown>; onMessage: { addListener(fn: (m: unknown) => void): void } };
};

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

let server: StaticServer;
let dir: string;
/** The build as it is, and a copy whose manifest lacks the key (Chrome before 148). */
const builds: Record<'structured clone' | 'JSON', string> = { 'structured clone': DIST, JSON: '' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evidence-lens-json-'));
  await cp(FIXTURES, join(dir, 'pages'), { recursive: true });
  // Large enough to be read sparsely: the prefilter and detection go to the background.
  await writeFile(join(dir, 'pages', 'shop.html'), generatePage({ name: 'shop', bytes: 400_000, claimParagraphs: 9, seed: 7 }));
  server = await serveStatic(join(dir, 'pages'));
  const manifest = JSON.parse(await readFile(join(DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.message_serialization).toBe('structured_clone');
  builds.JSON = join(dir, 'json-build');
  await cp(DIST, builds.JSON, { recursive: true });
  delete manifest.message_serialization;
  await writeFile(join(builds.JSON, 'manifest.json'), JSON.stringify(manifest, null, 2));
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** What a Map sent from an extension page to the background arrives as: tells the serialization in use. */
async function mapArrivesAs(browser: ExtensionBrowser, worker: Worker): Promise<string> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { heard?: string };
    chrome.runtime.onMessage.addListener((m) => {
      const probe = (m as { probe?: unknown } | null)?.probe;
      if (probe !== undefined) g.heard = probe instanceof Map ? 'Map' : JSON.stringify(probe);
    });
  });
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await page.evaluate(() => void chrome.runtime.sendMessage({ probe: new Map([[1, 2]]) }).catch(() => undefined));
  await expect.poll(() => worker.evaluate(() => (globalThis as unknown as { heard?: string }).heard)).toBeDefined();
  await page.close();
  return (await worker.evaluate(() => (globalThis as unknown as { heard?: string }).heard))!;
}

describe.each(Object.keys(builds) as Array<keyof typeof builds>)('messages sent as %s', (mode) => {
  let browser: ExtensionBrowser;
  let worker: Worker;

  beforeAll(async () => {
    browser = await launchWithExtension(builds[mode]);
    worker = browser.context.serviceWorkers()[0]!;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the browser serializes as the manifest says (a Map arrives as a Map, or as JSON makes it)', async () => {
    expect(await mapArrivesAs(browser, worker)).toBe(mode === 'JSON' ? '{}' : 'Map');
  });

  it("a large page: the background's prefilter and detection answer, and the marks and badge are a whole read's", async () => {
    const url = `${server.origin}/shop.html`;
    const { page, errors } = await openPage(browser, url);
    const count = await claimCount(page, 1);
    const expected = wholeReadClaims(await page.content());
    expect(expected.length).toBeGreaterThan(9);
    expect((await markers(page)).map((m) => `${m.claim}/${m.stance}`).sort()).toEqual(expected);
    expect(count).toBe(expected.length);
    expect(await page.evaluate(readWaits)).toEqual(['prefilter in the background: answered', 'detection in the background: answered']);
    const tabId = await tabFor(worker, url);
    await expect.poll(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(String(count));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the seed page: the popup's report holds every claim marked", async () => {
    const url = `${server.origin}/seed.html`;
    const { page, errors } = await openPage(browser, url);
    const count = await claimCount(page, 1);
    const tabId = await tabFor(worker, url);
    const report = (await worker.evaluate(
      ([id, msg]) => chrome.tabs.sendMessage(id as number, msg, { frameId: 0 }),
      [tabId, { type: 'get-report' }] as const,
    )) as PageReport;
    expect(report.ready).toBe(true);
    expect(report.title).toContain('Neuro-Mag');
    expect(report.claims.map((c) => c.claim).sort()).toEqual((await markers(page)).map((m) => m.claim).sort());
    expect(report.claims.length).toBe(count);
    expect(errors).toEqual([]);
    await page.close();
  });
});
