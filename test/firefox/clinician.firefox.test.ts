// For clinicians, in Firefox ESR (test/e2e/clinician tests the same in Chromium):
// the popup's copy buttons, checked by what a user gets when pasting (Ctrl+V into
// a text field on a web page), and the "Check selected text" context-menu entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { readMarkers } from '../e2e/harness/pages';
import { FIXTURES } from '../e2e/harness/seed-expected';
import { serveStatic, type StaticServer } from '../e2e/harness/server';
import { markdownReport } from '../../src/core/report/markdown';
import type { PageReport } from '../../src/shared/messages';
import {
  claimCount,
  evaluateInFrame,
  extensionPageOpened,
  launchFirefoxWithExtension,
  openExtensionPage,
  openPage,
  reportOf,
  tabFor,
  waitFor,
  waitInPage,
  type FirefoxWithExtension,
} from './harness';

// The extension API as the add-on's pages see it, for the snippets below.
declare const browser: {
  contextMenus: { update(id: string, props: object): Promise<void> };
  runtime: { getBackgroundPage(): Promise<{ evidenceLens: { onMenuClick(info: object): Promise<object | null> } }> };
  storage: { session: { get(k: null): Promise<Record<string, unknown>> } };
};

const MENU_ID = 'evidence-lens-check-selection';

let firefox: FirefoxWithExtension;
let server: StaticServer;
/** An inert extension page (the printable report, with no report): where the tabs and the background are reached from. */
let control: Page;

beforeAll(async () => {
  server = await serveStatic(FIXTURES);
  firefox = await launchFirefoxWithExtension();
  control = await openExtensionPage(firefox, 'src/report/index.html');
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const seedUrl = () => `${server.origin}/seed.html`;
const utcDay = () => new Date().toISOString().slice(0, 10);

/** The seed page, and the popup (in a tab) reporting on it once its copy buttons are there. */
async function seedWithPopup(): Promise<{ page: Page; popup: Page }> {
  const { page } = await openPage(firefox, seedUrl());
  await claimCount(page, 1);
  const popup = await openExtensionPage(firefox, `src/popup/index.html?url=${encodeURIComponent(seedUrl())}`);
  await waitInPage(popup, () => document.querySelector('.source .citation') !== null, "the popup's report");
  return { page, popup };
}

/** Clicks the copy button labelled `label` (a real click: the popup may copy only on a user's gesture) and waits for its "Copied". */
async function copy(popup: Page, label: string): Promise<void> {
  // Found by its label alone: the status beside it may still say "Copied" from before.
  const handle = await popup.evaluateHandle(
    (label: string) => Array.from(document.querySelectorAll('button.copy')).find((b) => b.firstElementChild?.textContent === label) ?? null,
    label,
  );
  const button = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
  if (button === null) throw new Error(`no copy button labelled "${label}"`);
  const status = () => button.evaluate((b) => b.querySelector('[role=status]')?.textContent ?? '');
  await waitFor(status, (t) => t === '', 'the status to clear');
  await popup.bringToFront();
  await button.click();
  await waitFor(status, (t) => t.includes('✓ Copied'), `"${label}" to say Copied`);
}

/** What a user gets pasting the clipboard (Ctrl+V) into a text field on a web page. */
async function pasted(): Promise<string> {
  const { page } = await openPage(firefox, 'about:blank');
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'paste-here' })));
  await page.click('#paste-here');
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  const text = await page.evaluate(() => (document.getElementById('paste-here') as HTMLTextAreaElement).value);
  await page.close();
  return text;
}

describe('copy buttons', () => {
  it("Copy report: pasting gives the page's report (markdownReport: each claim, its verdict, the full references)", async () => {
    const { page, popup } = await seedWithPopup();
    const before = utcDay();
    await copy(popup, 'Copy report');
    const text = await pasted();

    const tab = await tabFor(control, seedUrl());
    const report = (await reportOf(control, tab)) as PageReport;
    const expected = [before, utcDay()].map((date) => markdownReport({ title: report.title, url: report.url, date, result: report.result! }));
    expect(expected).toContain(text);
    // What that means for the reader, spelled out:
    expect(text).toContain(`Page: ${seedUrl()}`);
    expect(text).toContain(`found: ${report.result!.claims.length} `);
    expect(text).toContain('### Animal study only');
    expect(text).toContain('## References');
    expect(text).toMatch(/https:\/\/doi\.org\/10\.\S+/);
    expect(text).toMatch(/https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+/);
    expect(text.trim().endsWith('_Evidence Lens informs; it is not medical advice._')).toBe(true);
    await popup.close();
    await page.close();
  });

  it('Copy all citations: pasting gives every citation the popup lists, in the chosen format', async () => {
    const { page, popup } = await seedWithPopup();
    const listed = () => popup.evaluate(() => Array.from(document.querySelectorAll('.source .citation')).map((c) => c.textContent ?? ''));
    const dois = await popup.evaluate(() => Array.from(document.querySelectorAll('a[href^="https://doi.org/10."]')).map((a) => a.getAttribute('href')!.slice(16)));
    expect(dois.length).toBeGreaterThan(3);

    // AMA by default: numbered, one per line, each with its DOI.
    const ama = await listed();
    await copy(popup, 'Copy all citations');
    const amaText = await pasted();
    expect(amaText).toBe(ama.map((c, i) => `${i + 1}. ${c}`).join('\n'));
    for (const doi of dois) expect(amaText).toContain(doi);

    // BibTeX: the records, a blank line between them.
    await popup.select('#citation-format', 'bibtex');
    await waitInPage(popup, () => /^@\w+\{/.test(document.querySelector('.source .citation')?.textContent ?? ''), 'BibTeX citations');
    const bibtex = await listed();
    await copy(popup, 'Copy all citations');
    expect(await pasted()).toBe(bibtex.map((c) => c.trimEnd()).join('\n\n'));
    await popup.close();
    await page.close();
  });
});

describe('context menu', () => {
  // Covered: the entry is registered under its id (contextMenus.update resolves
  // for it and rejects for an unknown id), and the handler the background's
  // contextMenus.onClicked listener calls (src/background/menus.ts onMenuClick,
  // reached through the background page's global) opens the pasted-text page with
  // the selection, checked. Not covered: the native menu itself (browser chrome,
  // out of reach of WebDriver BiDi): that it shows the entry, titled, on a
  // selection, and that choosing it fires onClicked with that selection.
  it('"Check selected text" is registered, and its handler opens the pasted-text page with the selection marked', async () => {
    await control.evaluate((id: string) => browser.contextMenus.update(id, {}), MENU_ID);
    await expect(control.evaluate(() => browser.contextMenus.update('no-such-menu', {}))).rejects.toThrow(/no-such-menu/);

    const selection = 'Magtein improves memory. Magnesium L-threonate reverses brain aging.';
    const openedTab = await control.evaluate(
      (id: string, text: string) =>
        browser.runtime
          .getBackgroundPage()
          .then((bg) => bg.evidenceLens.onMenuClick({ menuItemId: id, selectionText: text, editable: false, pageUrl: 'http://127.0.0.1/' }))
          .then((tab) => tab !== null),
      MENU_ID,
      selection,
    );
    expect(openedTab).toBe(true);
    const paste = await extensionPageOpened(firefox, 'src/paste/index.html?k=');
    // The selection travels in storage.session, not in the address.
    expect(await paste.evaluate(() => location.href)).not.toContain('Magtein');
    await waitFor(
      () => paste.evaluate(() => (document.getElementById('input') as HTMLTextAreaElement | null)?.value ?? null).catch(() => null),
      (v) => v === selection,
      'the selection in the text field',
    );
    await expect.poll(() => evaluateInFrame(paste, '#frame', readMarkers).then((ms) => ms.map((m) => `${m.claim}/${m.stance}`)), { timeout: 15_000 }).toEqual([
      'memory/asserted',
      'brain-age/asserted',
    ]);
    // Read once: the stored copy is gone.
    const left = await control.evaluate(() => browser.storage.session.get(null));
    expect(Object.keys(left).filter((k) => k.startsWith('paste:'))).toEqual([]);
    await paste.close();
  });
});
