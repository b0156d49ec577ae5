// For clinicians: Copy report (the clipboard holds exactly markdownReport, what
// `scan --md` prints), the printable report page, switching citation formats,
// the pasted-text page and the "Check selected text" context menu.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { tabFor as findTab } from './harness/tabs';
import { serveStatic, type StaticServer } from './harness/server';
import { claimCount, openPage } from './harness/pages';
import { markdownReport } from '../../src/core/report/markdown';
import type { PageReport } from '../../src/shared/messages';
import { PASTED } from './harness/pasted-text';

declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  contextMenus: { update(id: string, props: object): Promise<void> };
  storage: { sync: { get(k: string): Promise<Record<string, unknown>> } };
};
type Handlers = {
  onMenuClick(info: object, tab?: object): Promise<{ id?: number } | null>;
};
declare const self: { evidenceLens: Handlers };

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const MENU_ID = 'evidence-lens-check-selection';

let browser: ExtensionBrowser;
let server: StaticServer;
let worker: Worker;

beforeAll(async () => {
  server = await serveStatic(FIXTURES);
  browser = await launchWithExtension();
  worker = browser.context.serviceWorkers()[0]!;
  // Extension origins cannot be named here; granted without one it applies to every origin.
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ext = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

function tabFor(url: string): Promise<number> {
  return findTab(worker, url);
}

/** The seed page and the popup (as a tab) reporting on it, with its report shown. */
async function seedWithPopup(): Promise<{ page: Page; popup: Page; url: string }> {
  const url = `${server.origin}/seed.html`;
  const { page } = await openPage(browser, url);
  await claimCount(page, 1);
  const popup = await browser.context.newPage();
  await popup.goto(ext(`src/popup/index.html?url=${encodeURIComponent(url)}`));
  await popup.getByRole('button', { name: 'Copy report' }).waitFor({ timeout: 15_000 });
  return { page, popup, url };
}

const clipboard = (p: Page) => p.evaluate(() => navigator.clipboard.readText());
const utcDay = () => new Date().toISOString().slice(0, 10);

describe('report', () => {
  it('Copy report puts markdownReport of the page on the clipboard', async () => {
    const { page, popup, url } = await seedWithPopup();
    const before = utcDay();
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Copy report' }).click();
    await expect.poll(() => popup.getByText('Copied').count()).toBeGreaterThan(0);
    const copied = await clipboard(popup);

    const tabId = await tabFor(url);
    const report = (await worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'get-report' }, { frameId: 0 }),
      tabId,
    )) as PageReport;
    const expected = [before, utcDay()].map((date) => markdownReport({ title: report.title, url: report.url, date, result: report.result! }));
    expect(expected).toContain(copied);
    expect(copied).toContain(`Page: ${url}`);
    expect(copied).toContain('## References');
    expect(copied.trim().endsWith('_Evidence Lens informs; it is not medical advice._')).toBe(true);
    await popup.close();
    await page.close();
  });

  it('Open printable report shows the same report, laid out for print', async () => {
    const { page, popup } = await seedWithPopup();
    const copiedClaims = await popup.locator('.claim').count();
    const [printable] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Open printable report' }).click(),
    ]);
    await printable.waitForURL(/src\/report\/index\.html\?id=/);
    await printable.locator('#report[data-ready="true"]').waitFor();
    expect(await printable.locator('h1').innerText()).toContain('Evidence Lens report:');
    expect(await printable.locator('.quotes q').count()).toBe(copiedClaims);
    expect(await printable.locator('.references li').count()).toBeGreaterThan(0);
    expect(await printable.locator('.advice').innerText()).toBe('Evidence Lens informs; it is not medical advice.');
    // The print button is screen-only.
    await expect.poll(() => printable.locator('#print').isVisible()).toBe(true);
    await printable.emulateMedia({ media: 'print' });
    expect(await printable.locator('#print').isVisible()).toBe(false);
    await printable.close();
    await popup.close().catch(() => undefined);
    await page.close();
  });

  it('switches the citation format and copies in that format (and remembers it)', async () => {
    const { page, popup } = await seedWithPopup();
    const first = popup.locator('.source .citation').first();
    expect(await first.innerText()).toMatch(/\.\s*\d{4}/); // AMA by default
    await popup.locator('#citation-format').selectOption('bibtex');
    await expect.poll(() => first.innerText()).toMatch(/^@\w+\{/);
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Copy all citations' }).click();
    await expect.poll(() => clipboard(popup)).toMatch(/^@\w+\{/);

    await popup.locator('#citation-format').selectOption('ris');
    await expect.poll(() => first.innerText()).toMatch(/^TY {2}- /);
    await popup.locator('#citation-format').selectOption('vancouver');
    await popup.getByRole('button', { name: 'Copy citation' }).first().click();
    await expect.poll(() => clipboard(popup)).not.toMatch(/^(@|TY)/);
    await expect
      .poll(() => worker.evaluate(() => chrome.storage.sync.get('settings').then((r) => (r.settings as { citationFormat?: string })?.citationFormat)))
      .toBe('vancouver');
    await popup.close();
    await page.close();
  });
});

/** Markers in the annotated frame of the pasted-text page. */
function frameMarkers(paste: Page) {
  return paste.frameLocator('#frame').locator('evidence-lens-marker');
}

describe('pasted text', () => {
  it('annotates pasted text like a page, with the same cards and the same report', async () => {
    const paste = await browser.context.newPage();
    const errors: string[] = [];
    paste.on('pageerror', (e) => errors.push(e.message));
    await paste.goto(ext('src/paste/index.html'));
    await paste.getByLabel('Text to check').fill(PASTED);
    await paste.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => frameMarkers(paste).count(), { timeout: 15_000 }).toBeGreaterThan(1);

    // The same marker and card as on a web page.
    const marker = frameMarkers(paste).first();
    await marker.locator('button').click();
    const card = paste.frameLocator('#frame').locator('.card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.innerText()).toContain('Information, not medical advice.');

    // The report below: the same renderer as the printable page.
    await paste.locator('#report[data-ready="true"]').waitFor();
    const quotes = await paste.locator('#report .quotes q').allInnerTexts();
    expect(quotes.length).toBe(await frameMarkers(paste).count());
    // Pasted markup stays text: no <b> element anywhere, the words are shown as typed.
    expect(await paste.frameLocator('#frame').locator('b').count()).toBe(0);
    expect(await paste.frameLocator('#frame').locator('body').innerText()).toContain('<b>clinically proven</b>');

    await paste.bringToFront();
    await paste.getByRole('button', { name: 'Copy report' }).click();
    await expect.poll(() => clipboard(paste)).toContain('# Evidence Lens report: Pasted text');
    expect(errors).toEqual([]);
    await paste.close();
  });

  it('has a context-menu entry whose click opens the pasted-text page with the selection', async () => {
    // The entry exists: updating an unknown id rejects.
    await worker.evaluate((id) => chrome.contextMenus.update(id, {}), MENU_ID);
    await expect(worker.evaluate(() => chrome.contextMenus.update('no-such-menu', {}))).rejects.toThrow();

    const selection = 'Magtein improves memory. Magnesium L-threonate reverses brain aging.';
    const [paste] = await Promise.all([
      browser.context.waitForEvent('page'),
      worker.evaluate(
        ([id, text]) => self.evidenceLens.onMenuClick({ menuItemId: id, selectionText: text, editable: false, pageUrl: 'http://127.0.0.1/' }),
        [MENU_ID, selection] as const,
      ),
    ]);
    await paste.waitForURL(/src\/paste\/index\.html\?k=/);
    // The selection travels in storage.session, not in the address.
    expect(paste.url()).not.toContain('Magtein');
    await expect.poll(() => paste.getByLabel('Text to check').inputValue()).toBe(selection);
    await expect.poll(() => frameMarkers(paste).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Read once: the stored copy is gone.
    const left = await paste.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } }).chrome.storage.session.get(null),
    );
    expect(Object.keys(left).filter((k) => k.startsWith('paste:'))).toEqual([]);
    await paste.close();
  });
});
