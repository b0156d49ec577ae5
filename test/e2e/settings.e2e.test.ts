// Settings taking effect on live pages: the look of marks, which verdicts are
// marked, the never-run site list (from the popup and the options), on-click
// mode, the show/hide shortcut (through its handler: headless Chrome cannot
// press a command), and the settings surviving a reload of the extension.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { tabFor as findTab } from './harness/tabs';
import { CHROMIUM, chromiumArgs } from '../../scripts/chromium';
import { serveStatic, type StaticServer } from './harness/server';
import { claimCount, markers, openPage } from './harness/pages';
import { VERDICT_STYLES } from '../../src/core/evidence/verdicts';
import type { Verdict } from '../../src/core/types';

declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  storage: { sync: { get(k: string | null): Promise<Record<string, unknown>>; clear(): Promise<void>; set(o: object): Promise<void> } };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};
declare const self: { evidenceLens: { onCommand(command: string, tab?: { id: number }): Promise<{ hidden: boolean } | null> } };

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

beforeEach(async () => {
  await worker.evaluate(() => chrome.storage.sync.clear());
  for (const p of browser.context.pages()) await p.close();
});

const ext = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;
const seedUrl = () => `${server.origin}/seed.html`;

async function seed(): Promise<Page> {
  const { page } = await openPage(browser, seedUrl());
  await claimCount(page, 1);
  await expect.poll(async () => (await markers(page)).length).toBeGreaterThan(0);
  return page;
}

async function options(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(ext('src/options/index.html'));
  await page.getByRole('heading', { name: 'Evidence Lens options' }).waitFor();
  return page;
}

async function popupFor(url: string): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(ext(`src/popup/index.html?url=${encodeURIComponent(url)}`));
  return popup;
}

async function stored(): Promise<Record<string, unknown> | undefined> {
  return worker.evaluate(() => chrome.storage.sync.get('settings').then((r) => r.settings as Record<string, unknown> | undefined));
}

/** The rules of our highlight stylesheet (empty when it is not in the page). */
const highlightCss = (page: Page) =>
  page.evaluate(() => document.getElementById('evidence-lens-highlight-style')?.textContent ?? '');

/** Markers that take up space on screen. */
const visibleMarkers = (page: Page) =>
  page.evaluate(
    () => Array.from(document.querySelectorAll('evidence-lens-marker')).filter((m) => (m as HTMLElement).getBoundingClientRect().width > 0).length,
  );

function tabFor(url: string): Promise<number> {
  return findTab(worker, url);
}

describe('options page', () => {
  it("says where Chrome changes the shortcut that shows or hides the marks", async () => {
    const opts = await options();
    const text = opts.getByText(/^Show or hide all marks on a page/);
    await expect.poll(() => text.textContent()).toContain('chrome://extensions/shortcuts');
    expect(await text.textContent()).not.toContain('Firefox');
    await opts.close();
  });
});

describe('settings on a live page', () => {
  it('mark look: "Underline only" drops the tinted background at once', async () => {
    const page = await seed();
    const verdictRules = (css: string) => css.replace(/::highlight\(evidence-lens-flash\)\{[^}]*\}/, '');
    expect(verdictRules(await highlightCss(page))).toContain('background-color');
    const opts = await options();
    await opts.getByLabel('Underline only').check();
    await expect.poll(async () => verdictRules(await highlightCss(page))).not.toContain('background-color');
    expect(await highlightCss(page)).toContain('text-decoration:underline');
    expect((await stored())?.markStyle).toBe('underline');
  });

  it('verdicts: an unticked verdict loses its marks at once; the popup still lists its claims', async () => {
    const page = await seed();
    const before = await markers(page);
    const verdicts = [...new Set(before.map((m) => m.verdict))] as Verdict[];
    expect(verdicts.length).toBeGreaterThan(1);
    const off = verdicts[0]!;
    const opts = await options();
    await opts.getByRole('checkbox', { name: VERDICT_STYLES[off].label, exact: true }).uncheck();
    await expect.poll(async () => (await markers(page)).filter((m) => m.verdict === off).length).toBe(0);
    const after = await markers(page);
    expect(after.length).toBe(before.filter((m) => m.verdict !== off).length);
    expect(await claimCount(page)).toBe(before.length); // still counted and reported
    expect((await stored())?.hiddenVerdicts).toEqual([off]);

    const popup = await popupFor(seedUrl());
    await expect.poll(() => popup.getByText('Not marked on the page (turned off in the options)').count(), { timeout: 15_000 }).toBe(
      before.filter((m) => m.verdict === off).length,
    );
  });

  it('site list: "Don’t run on" in the popup turns it off; removing it in the options turns it back on', async () => {
    const page = await seed();
    const popup = await popupFor(seedUrl());
    await popup.getByRole('button', { name: 'Don’t run on 127.0.0.1' }).click();
    await expect.poll(() => popup.getByText('Evidence Lens is off on 127.0.0.1.').count()).toBe(1);
    await expect.poll(async () => (await markers(page)).length).toBe(0); // marks removed live
    expect((await stored())?.blockedSites).toEqual(['127.0.0.1']);

    await page.reload();
    await page.waitForTimeout(1500);
    expect(await markers(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-evidence-lens-claims'))).toBeNull();

    const opts = await options();
    await opts.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(async () => (await stored())?.blockedSites).toEqual([]);
    await page.reload();
    expect(await claimCount(page, 1)).toBeGreaterThan(0);
    await expect.poll(async () => (await markers(page)).length).toBeGreaterThan(0);
  });

  it('on-click mode: a page is not read until the popup opens on it', async () => {
    const opts = await options();
    await opts.getByLabel('Only when I click the toolbar button or press the shortcut').check();
    await expect.poll(async () => (await stored())?.runMode).toBe('on-click');

    const { page } = await openPage(browser, seedUrl());
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-evidence-lens-claims'))).toBeNull();
    expect(await markers(page)).toEqual([]);

    const popup = await popupFor(seedUrl()); // opening the popup is the click
    await popup.getByRole('button', { name: 'Copy report' }).waitFor({ timeout: 15_000 });
    expect(await claimCount(page, 1)).toBeGreaterThan(0);
    await expect.poll(async () => (await markers(page)).length).toBeGreaterThan(0);
  });

  it('shortcut: the command handler hides every mark, and shows them again', async () => {
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands.map((c) => c.name)).toContain('toggle-marks');

    const page = await seed();
    const total = (await markers(page)).length;
    await expect.poll(() => visibleMarkers(page)).toBe(total);
    const tabId = await tabFor(seedUrl());
    expect(tabId).toBeGreaterThan(-1);

    const hide = await worker.evaluate((id) => self.evidenceLens.onCommand('toggle-marks', { id }), tabId);
    expect(hide).toEqual({ hidden: true });
    await expect.poll(() => visibleMarkers(page)).toBe(0);
    expect(await highlightCss(page)).not.toContain('evidence-lens-limited');
    expect((await markers(page)).length).toBe(total); // hidden, not removed

    const show = await worker.evaluate((id) => self.evidenceLens.onCommand('toggle-marks', { id }), tabId);
    expect(show).toEqual({ hidden: false });
    await expect.poll(() => visibleMarkers(page)).toBe(total);
    expect(await highlightCss(page)).toContain('background-color');
  });

  it('settings survive a restart (the extension loaded afresh from the same profile)', async () => {
    // chrome.runtime.reload() leaves a --load-extension extension unloaded in headless
    // Chromium, so the reload is a browser restart on the same profile: the extension
    // starts from nothing but what the browser stored.
    const dir = await mkdtemp(join(tmpdir(), 'evidence-lens-settings-'));
    const launch = () =>
      chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM,
        headless: false,
        args: chromiumArgs({ extension: DIST }),
      });
    const workerOf = async (ctx: BrowserContext) => ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
    let ctx = await launch();
    try {
      const id = new URL((await workerOf(ctx)).url()).host;
      const openOptions = async () => {
        const p = await ctx.newPage();
        await p.goto(`chrome-extension://${id}/src/options/index.html`);
        await p.getByRole('heading', { name: 'Evidence Lens options' }).waitFor();
        return p;
      };
      const opts = await openOptions();
      await opts.getByLabel('Underline only').check();
      await opts.getByRole('checkbox', { name: VERDICT_STYLES.accurate.label, exact: true }).uncheck();
      await opts.getByRole('textbox', { name: 'Add a site' }).fill('https://www.example.org/page');
      await opts.getByRole('button', { name: 'Add', exact: true }).click();
      await opts.getByText('example.org', { exact: true }).waitFor();
      const read = (p: Page) =>
        p.evaluate(() =>
          (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<{ settings?: unknown }> } } } }).chrome.storage.sync
            .get('settings')
            .then((r) => r.settings),
        );
      await expect.poll(() => read(opts).then((s) => (s as { blockedSites?: string[] })?.blockedSites)).toEqual(['example.org']);
      const before = await read(opts);
      await ctx.close();

      ctx = await launch();
      await workerOf(ctx);
      const again = await openOptions();
      expect(await read(again)).toEqual(before);
      expect(await again.getByLabel('Underline only').isChecked()).toBe(true);
      expect(await again.getByRole('checkbox', { name: VERDICT_STYLES.accurate.label, exact: true }).isChecked()).toBe(false);
      expect(await again.getByText('example.org', { exact: true }).count()).toBe(1);
    } finally {
      await ctx.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
