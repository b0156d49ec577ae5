// The add-on's own pages in Firefox ESR, and the settings on web pages: the
// options page shows what storage.sync holds and its changes reach pages already
// open (the content script's storage listener) and pages opened after (the
// content script reads storage.sync as it starts); the pasted-text page marks
// pasted text in its extension frame; the toolbar badge shows the page's count
// (read with action.getBadgeText from an extension page: the badge itself is
// browser chrome, out of reach of WebDriver BiDi). test/e2e/settings,
// clinician and messages test the same in Chromium. On-click mode: a page is
// not read until the popup opens on it or the run message (what the popup and
// the shortcut send) reaches it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { readMarkers, type MarkerInfo } from '../e2e/harness/pages';
import { FIXTURES, SEED_EXPECTED } from '../e2e/harness/seed-expected';
import { serveStatic, type StaticServer } from '../e2e/harness/server';
import { VERDICT_STYLES } from '../../src/core/evidence/verdicts';
import { VERDICTS, type Verdict } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import {
  askToRun,
  badgeOf,
  claimCount,
  evaluateInFrame,
  isChecked,
  launchFirefoxWithExtension,
  named,
  openExtensionPage,
  openPage,
  reportOf,
  storeSettings,
  storedSettings,
  tabFor,
  waitInPage,
  type FirefoxWithExtension,
} from './harness';
import { PASTED } from '../e2e/harness/pasted-text';
import { listedSites, openOptions } from './options-page';

// The extension API as the add-on's pages see it, for the snippets below.
declare const browser: {
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  runtime: { getBackgroundPage(): Promise<{ evidenceLens: { onCommand(command: string, tab?: { id: number }): Promise<{ hidden: boolean } | null> } }> };
};

let firefox: FirefoxWithExtension;
let server: StaticServer;
/** An inert extension page (the printable report, with no report): where storage and tabs are read and reset. */
let control: Page;
/** Pages a test opened, closed after it. */
let opened: Page[] = [];

beforeAll(async () => {
  server = await serveStatic(FIXTURES);
  firefox = await launchFirefoxWithExtension();
  control = await openExtensionPage(firefox, 'src/report/index.html');
  await waitInPage(control, () => (document.getElementById('report')?.textContent ?? '') !== '', 'the report page');
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

beforeEach(async () => {
  await storeSettings(control, null);
});

afterEach(async () => {
  for (const p of opened) await p.close().catch(() => undefined);
  opened = [];
});

const seedUrl = () => `${server.origin}/seed.html`;
const markers = (page: Page): Promise<MarkerInfo[]> => page.evaluate(readMarkers);
const countAttr = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-evidence-lens-claims'));
/** The verdicts of the marks on the page, counted: { "animal-only": 3, … }. */
const byVerdict = (ms: readonly MarkerInfo[]) => ms.reduce<Record<string, number>>((n, m) => ({ ...n, [m.verdict]: (n[m.verdict] ?? 0) + 1 }), {});

async function seed(): Promise<{ page: Page; marks: MarkerInfo[] }> {
  const { page } = await openPage(firefox, seedUrl());
  opened.push(page);
  expect(await claimCount(page, 1)).toBe(SEED_EXPECTED.length);
  const marks = await markers(page);
  expect(marks.length).toBe(SEED_EXPECTED.length);
  return { page, marks };
}

async function options(): Promise<Page> {
  const page = await openOptions(firefox);
  opened.push(page);
  return page;
}

/** Markers that take up space on screen. */
const visibleMarkers = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('evidence-lens-marker')).filter((m) => m.getBoundingClientRect().width > 0).length);

describe('the show/hide shortcut', () => {
  // Covered: the command is registered with its key, and the handler the
  // background's commands.onCommand listener calls (src/background/commands.ts
  // onCommand, reached through the background page's global) hides every mark on
  // the page and shows them again. Not covered: pressing the key itself (browser
  // chrome, out of reach of WebDriver BiDi).
  it('is registered as Alt+Shift+E, and its handler hides every mark and shows them again', async () => {
    const commands = await control.evaluate(() => browser.commands.getAll());
    expect(commands.find((c) => c.name === 'toggle-marks')?.shortcut).toBe('Alt+Shift+E');

    const { page, marks } = await seed();
    await expect.poll(() => visibleMarkers(page)).toBe(marks.length);
    const tab = await tabFor(control, seedUrl());
    expect(tab).toBeGreaterThan(-1);
    const toggle = () =>
      control.evaluate((id: number) => browser.runtime.getBackgroundPage().then((bg) => bg.evidenceLens.onCommand('toggle-marks', { id })), tab);

    expect(await toggle()).toEqual({ hidden: true });
    await expect.poll(() => visibleMarkers(page)).toBe(0);
    expect((await markers(page)).length).toBe(marks.length); // hidden, not removed
    expect(await countAttr(page)).toBe(String(marks.length));

    expect(await toggle()).toEqual({ hidden: false });
    await expect.poll(() => visibleMarkers(page)).toBe(marks.length);
  });
});

describe('options page and settings', () => {
  it('shows the stored settings, and a page opened after follows them (hidden verdict unmarked, underline look)', async () => {
    await storeSettings(control, {
      version: 1,
      runMode: 'auto',
      blockedSites: ['example.org'],
      markStyle: 'underline',
      hiddenVerdicts: ['animal-only'],
      citationFormat: 'apa',
    });
    const opts = await options();
    for (const v of VERDICTS) {
      expect(await isChecked(await named(opts, 'input[type=checkbox]', VERDICT_STYLES[v].label)), v).toBe(v !== 'animal-only');
    }
    expect(await isChecked(await named(opts, 'input[type=radio]', 'Underline only'))).toBe(true);
    expect(await isChecked(await named(opts, 'input[type=radio]', 'On every page (reads each page as it loads)'))).toBe(true);
    expect(await listedSites(opts)).toEqual(['example.org']);
    expect(await opts.evaluate(() => (document.getElementById('citation-format') as HTMLSelectElement).value)).toBe('apa');
    // Where to change the shortcut: Firefox's own place, not Chrome's.
    await waitInPage(opts, () => document.body.textContent?.includes('Show or hide all marks') === true, 'the shortcut');
    const shortcut = await opts.evaluate(() => document.body.textContent ?? '');
    expect(shortcut).toContain('Manage Extension Shortcuts');
    expect(shortcut).not.toContain('chrome://');

    const { page } = await openPage(firefox, seedUrl());
    opened.push(page);
    expect(await claimCount(page, 1)).toBe(SEED_EXPECTED.length); // every claim still counted…
    const marks = await markers(page);
    expect(marks.length).toBeGreaterThan(0);
    expect(byVerdict(marks)['animal-only']).toBeUndefined(); // …but the hidden verdict has no mark
    const css = await page.evaluate(() => document.getElementById('evidence-lens-highlight-style')?.textContent ?? '');
    expect(css).toContain('text-decoration:underline');
    expect(css.replace(/::highlight\(evidence-lens-flash\)\{[^}]*\}/, '')).not.toContain('background-color');
  });

  it('unticking a verdict takes its marks off an open page at once; ticking it again brings them back', async () => {
    const { page, marks } = await seed();
    const before = byVerdict(marks);
    expect(before['animal-only']).toBeGreaterThan(0);
    const opts = await options();
    const box = await named(opts, 'input[type=checkbox]', VERDICT_STYLES['animal-only'].label);
    expect(await isChecked(box)).toBe(true);

    await box.click();
    await expect.poll(async () => byVerdict(await markers(page))['animal-only'], { timeout: 10_000 }).toBeUndefined();
    expect((await markers(page)).length).toBe(marks.length - before['animal-only']!);
    expect(await countAttr(page)).toBe(String(SEED_EXPECTED.length)); // still counted (the popup lists them)
    expect((await storedSettings(control))?.hiddenVerdicts).toEqual(['animal-only']);

    await box.click();
    await expect.poll(async () => byVerdict(await markers(page)), { timeout: 10_000 }).toEqual(before);
    expect((await storedSettings(control))?.hiddenVerdicts).toEqual([]);
  });

  it('a site added to the never-run list loses its marks at once and is not read again; removing it turns it back on', async () => {
    const { page, marks } = await seed();
    const opts = await options();
    const field = await named(opts, 'input', 'Add a site');
    await field.type('127.0.0.1');
    await (await named(opts, 'button', 'Add')).click();
    await waitInPage(opts, () => document.querySelector('.sites li span')?.textContent === '127.0.0.1', 'the site in the list');
    expect((await storedSettings(control))?.blockedSites).toEqual(['127.0.0.1']);
    await expect.poll(async () => (await markers(page)).length, { timeout: 10_000 }).toBe(0); // the open page, live

    // A page opened now: its content script answers (ready, nothing found) and draws nothing.
    const { page: fresh } = await openPage(firefox, `${seedUrl()}?fresh`);
    opened.push(fresh);
    const tab = await tabFor(control, `${seedUrl()}?fresh`);
    expect(tab).toBeGreaterThan(-1);
    await expect.poll(async () => (await reportOf(control, tab))?.ready, { timeout: 10_000 }).toBe(true);
    expect((await reportOf(control, tab))?.result).toBeNull();
    expect(await markers(fresh)).toEqual([]);
    expect(await countAttr(fresh)).toBeNull();

    await (await named(opts, 'button', 'Remove 127.0.0.1')).click();
    await expect.poll(async () => (await storedSettings(control))?.blockedSites, { timeout: 10_000 }).toEqual([]);
    await expect.poll(async () => (await markers(page)).length, { timeout: 10_000 }).toBe(marks.length); // back on the open page
    await fresh.reload();
    expect(await claimCount(fresh, 1)).toBe(SEED_EXPECTED.length);
    expect((await markers(fresh)).length).toBe(marks.length);
  });
});

/** claim/stance/verdict of each mark, as `npm run scan` finds them in this text (reported speech, "says", reads as hedged). */
const EXPECTED_PASTE = [
  'memory/hedged/limited',
  'brain-age/hedged/overstated',
  'brain-uptake/hedged/animal-only',
  'clinically-proven/hedged/overstated',
];

describe('pasted-text page', () => {
  it('marks typed-in text with each claim and its verdict, in the frame and in the report below', async () => {
    const errors: string[] = [];
    const paste = await openExtensionPage(firefox, 'src/paste/index.html', errors);
    opened.push(paste);
    await waitInPage(paste, () => document.getElementById('check')?.textContent === 'Check', 'the pasted-text page');
    await paste.type('#input', PASTED);
    await (await named(paste, 'button', 'Check')).click();

    const inFrame = <T>(fn: () => T) => evaluateInFrame(paste, '#frame', fn);
    await expect.poll(async () => (await inFrame(readMarkers)).length, { timeout: 15_000 }).toBeGreaterThan(1);
    const marks = await inFrame(readMarkers);
    expect(marks.map((m) => `${m.claim}/${m.stance}/${m.verdict}`)).toEqual(EXPECTED_PASTE);
    for (const m of marks) expect(m.label).toContain(`Evidence: ${VERDICT_STYLES[m.verdict as Verdict].label} — `);
    // Pasted markup stays text.
    expect(await inFrame(() => document.querySelectorAll('b').length)).toBe(0);
    expect(await inFrame(() => document.body.innerText)).toContain('<b>clinically proven</b>');

    // The report below: one quote per mark, under its verdict's heading.
    await waitInPage(paste, () => document.querySelector('#report[data-ready="true"]') !== null, 'the report');
    const report = await paste.evaluate(() =>
      Array.from(document.querySelectorAll('#report .verdict-group')).map((g) => ({
        verdict: g.getAttribute('data-verdict'),
        heading: g.querySelector('h3')?.textContent ?? '',
        quotes: g.querySelectorAll('.quotes q').length,
      })),
    );
    expect(report.reduce((n, g) => n + g.quotes, 0)).toBe(marks.length);
    expect(Object.fromEntries(report.map((g) => [g.verdict, g.quotes]))).toEqual(byVerdict(marks));
    for (const g of report) expect(g.heading).toContain(VERDICT_STYLES[g.verdict as Verdict].label);

    // The same card as on a web page, opened from the keyboard.
    const cardText = () =>
      inFrame(() => {
        const card = document.querySelector('evidence-lens-marker[data-evidence-claim="brain-uptake"]')?.shadowRoot?.querySelector('.card');
        return card ? (card as HTMLElement).innerText : null;
      });
    expect(await cardText()).toBeNull();
    await inFrame(() => {
      const marker = document.querySelector('evidence-lens-marker[data-evidence-claim="brain-uptake"]');
      (marker?.shadowRoot?.querySelector('button') as HTMLButtonElement | null)?.focus();
    });
    await paste.keyboard.press('Enter');
    await expect.poll(cardText, { timeout: 10_000 }).toContain('Animal study only');
    expect(await cardText()).toContain('Information, not medical advice.');
    expect(errors).toEqual([]);
  });
});

describe('toolbar badge', () => {
  it('shows the claim count of the page in its tab, and nothing on a page without claims', async () => {
    await seed();
    const tab = await tabFor(control, seedUrl());
    expect(tab).toBeGreaterThan(-1);
    await expect.poll(() => badgeOf(control, tab), { timeout: 10_000 }).toBe(String(SEED_EXPECTED.length));

    const { page: none } = await openPage(firefox, `${server.origin}/pages/no-mgt.html`);
    opened.push(none);
    expect(await claimCount(none)).toBe(0);
    const noneTab = await tabFor(control, `${server.origin}/pages/no-mgt.html`);
    expect(noneTab).toBeGreaterThan(-1);
    expect(noneTab).not.toBe(tab);
    expect(await badgeOf(control, noneTab)).toBe('');
    expect(await badgeOf(control, tab)).toBe(String(SEED_EXPECTED.length)); // per tab
  });
});

describe('on-click mode', () => {
  const onClick = () => storeSettings(control, { version: 1, ...DEFAULT_SETTINGS, runMode: 'on-click' });
  /** What of ours is in a page: the count on <html>, marks, our highlight sheet, passes in its timeline. */
  const traces = (page: Page) =>
    page.evaluate(() => ({
      count: document.documentElement.getAttribute('data-evidence-lens-claims'),
      markers: document.querySelectorAll('[data-evidence-claim]').length,
      sheet: document.getElementById('evidence-lens-highlight-style') !== null,
      passes: performance.getEntriesByName('evidence-lens:scan').length,
    }));
  const untouched = { count: null, markers: 0, sheet: false, passes: 0 };

  it('a page with claims is not read until the popup opens on it (opening it is the click); then it is marked', async () => {
    await onClick();
    const { page, errors } = await openPage(firefox, seedUrl());
    opened.push(page);
    const tab = await tabFor(control, seedUrl()); // (asking for the report does not start it)
    expect(tab).toBeGreaterThan(-1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await traces(page)).toEqual(untouched);
    expect(await reportOf(control, tab)).toMatchObject({ ready: false, result: null });
    expect(await badgeOf(control, tab)).toBe('');

    const popup = await openExtensionPage(firefox, `src/popup/index.html?url=${encodeURIComponent(seedUrl())}`);
    opened.push(popup);
    expect(await claimCount(page, 1)).toBe(SEED_EXPECTED.length);
    await expect.poll(async () => (await markers(page)).length, { timeout: 10_000 }).toBe(SEED_EXPECTED.length);
    await waitInPage(popup, () => (document.body?.innerText ?? '').includes('claims on this page'), "the popup's summary");
    expect(await popup.evaluate(() => document.body.innerText)).toContain(`${SEED_EXPECTED.length} claims on this page`);
    await expect.poll(() => badgeOf(control, tab), { timeout: 10_000 }).toBe(String(SEED_EXPECTED.length));
    expect(errors).toEqual([]);
  });

  it('a claim the page adds while it waits is not read either; the run message alone then marks it', async () => {
    await onClick();
    const url = `${server.origin}/pages/dynamic.html`;
    const { page, errors } = await openPage(firefox, url);
    opened.push(page);
    const tab = await tabFor(control, url);
    expect(tab).toBeGreaterThan(-1);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Magnesium L-threonate improves memory.';
      document.getElementById('main')!.append(p);
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await traces(page)).toEqual(untouched);

    expect(await askToRun(control, tab)).toEqual({ ok: true });
    expect(await claimCount(page, 1)).toBe(1);
    expect((await markers(page)).map((m) => `${m.claim}/${m.stance}`)).toEqual(['memory/asserted']);
    await expect.poll(async () => (await reportOf(control, tab))?.ready, { timeout: 10_000 }).toBe(true);
    expect(await askToRun(control, tab)).toEqual({ ok: true }); // again: a no-op once running
    expect((await markers(page)).length).toBe(1);
    expect(errors).toEqual([]);
  });
});
