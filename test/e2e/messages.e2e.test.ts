// The content script's answers to the popup (page report, reveal) and the count
// it sends for the toolbar badge, exercised from the extension's service worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { tabFor as findTab } from './harness/tabs';
import { serveStatic, type StaticServer } from './harness/server';
import { claimCount, openPage } from './harness/pages';
import type { PageReport, RevealResponse } from '../../src/shared/messages';

// The slice of the extension API these worker-side snippets use (no @types/chrome here).
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

let browser: ExtensionBrowser;
let server: StaticServer;
let worker: Worker;

beforeAll(async () => {
  server = await serveStatic(FIXTURES);
  browser = await launchWithExtension();
  worker = browser.context.serviceWorkers()[0]!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function tabFor(url: string): Promise<number> {
  const id = await findTab(worker, url);
  expect(id).toBeGreaterThan(-1);
  return id;
}

function send<T>(tabId: number, message: unknown): Promise<T> {
  return worker.evaluate(
    ([id, msg]) => chrome.tabs.sendMessage(id as number, msg, { frameId: 0 }),
    [tabId, message] as const,
  ) as Promise<T>;
}

describe('messages', () => {
  it('answers get-report with the scan result, and the badge shows the count', async () => {
    const url = `${server.origin}/seed.html`;
    const { page } = await openPage(browser, url);
    const count = await claimCount(page, 1);
    const tabId = await tabFor(url);
    const report = await send<PageReport>(tabId, { type: 'get-report' });
    expect(report.ready).toBe(true);
    expect(report.url).toBe(url);
    expect(report.title).toContain('Neuro-Mag');
    expect(report.result?.claims.length).toBe(count);
    expect(report.claims.map((c) => c.index)).toEqual([...Array(count).keys()]);
    expect(report.claims.every((c) => c.revealable)).toBe(true);
    expect(report.claims.map((c) => c.claim)).toEqual(report.result?.claims.map((c) => c.claim));

    const badge = () => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toBe(String(count));

    // A paragraph with a claim added after load: the badge follows the page's count
    // (given over the count port the top frame keeps open), as the popup does.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Magnesium L-threonate improves memory in older adults.';
      document.querySelector('main, article, body')!.append(p);
    });
    await expect.poll(() => page.evaluate(() => Number(document.documentElement.getAttribute('data-evidence-lens-claims')))).toBe(count + 1);
    await expect.poll(badge).toBe(String(count + 1));
    await page.close();
  });

  it('the badge shows the top frame\'s claims, not those of a frame inside it', async () => {
    const url = `${server.origin}/pages/iframe-parent.html`;
    const { page } = await openPage(browser, url);
    await expect.poll(() => page.frames().length).toBe(2);
    const inner = page.frames().find((f) => f !== page.mainFrame())!;
    await expect.poll(() => inner.evaluate(() => Number(document.documentElement.getAttribute('data-evidence-lens-claims') ?? -1))).toBeGreaterThan(0);
    const top = await claimCount(page);
    expect(top).toBe(0);
    const tabId = await tabFor(url);
    // (Given a moment in which a frame's count could have arrived.)
    await new Promise((r) => setTimeout(r, 300));
    expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    await page.close();
  });

  it('reveal scrolls the claim into view and flashes it', async () => {
    const url = `${server.origin}/seed.html`;
    const { page } = await openPage(browser, url);
    await page.setViewportSize({ width: 800, height: 300 });
    await claimCount(page, 1);
    const tabId = await tabFor(url);
    const report = await send<PageReport>(tabId, { type: 'get-report' });
    const last = report.claims[report.claims.length - 1]!;
    // Every claim is marked here, in page order: the last marker is the last claim's.
    expect(await page.locator('evidence-lens-marker').count()).toBe(report.claims.length);
    const inView = () =>
      page.evaluate(() => {
        const all = document.querySelectorAll('evidence-lens-marker');
        const m = all[all.length - 1]!.getBoundingClientRect();
        return m.top >= 0 && m.bottom <= innerHeight;
      });
    expect(await inView()).toBe(false);

    const r = await send<RevealResponse>(tabId, { type: 'reveal', index: last.index });
    expect(r.ok).toBe(true);
    await expect.poll(inView).toBe(true);
    expect(await page.evaluate(() => CSS.highlights.has('evidence-lens-flash'))).toBe(true);
    // The whole sentence flashes (its Range made now, from the block's text nodes, which
    // the markers split): the claim's quoted sentence, as the page shows it.
    const flashed = await page.evaluate(() => [...CSS.highlights.get('evidence-lens-flash')!].map((r) => r.toString()));
    const words = (t: string) => t.replace(/[\s\u00a0]+/g, ' ').trim();
    expect(flashed.map(words)).toEqual([words(report.result!.claims[last.index]!.quote)]);

    const missing = await send<RevealResponse>(tabId, { type: 'reveal', index: 999 });
    expect(missing.ok).toBe(false);
    await page.close();
  });

  it('reports ready with no claims on a page without MgT', async () => {
    const url = `${server.origin}/pages/no-mgt.html`;
    const { page } = await openPage(browser, url);
    await claimCount(page);
    const report = await send<PageReport>(await tabFor(url), { type: 'get-report' });
    expect(report).toMatchObject({ ready: true, result: null, claims: [] });
    await page.close();
  });

  it("the background answers a page's strings request with every message, stand-ins for $1…$9", async () => {
    // (What a page that names MgT asks once, so its marks and card need not load the
    // message bundle themselves: i18n.ts, useStrings. Asked here from an extension
    // page, which sends to the background as a content script does.)
    const ext = await browser.context.newPage();
    try {
      await ext.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
      const answer = (await ext.evaluate(() =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'strings' }),
      )) as Record<string, string>;
      expect(answer.markerLabel).toBe('Evidence: \uE000 — \uE001');
      expect(answer.verdict_animal_only).toBe('Animal study only');
      expect(Object.keys(answer).length).toBeGreaterThan(100);
    } finally {
      await ext.close();
    }
  });
});
