// Starts Debian's Firefox ESR (WebDriver BiDi, through puppeteer-core) with the
// Firefox build (dist-firefox/) installed as a temporary add-on in a fresh
// profile, or installed in a kept profile (for restarts). Never downloads a
// browser: the system Firefox only.
import puppeteer, { type Browser, type ElementHandle, type Page, type Realm } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordTextAtLoad, until, type PageReader } from '../e2e/harness/hostile-reads';
import type { RunRequest, RunResponse } from '../../src/shared/settings-messages';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist-firefox');

/**
 * The add-on's moz-extension:// host, set in the profile before it is installed
 * (Firefox otherwise picks a random one per installation), so tests can open its pages.
 */
export const EXTENSION_UUID = 'e0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b';
const ADDON_ID = 'evidence-lens@example.org';

export interface FirefoxWithExtension {
  browser: Browser;
  /** Every request the pages made (to check that nothing leaves 127.0.0.1). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Firefox ESR with the add-on's host fixed, in `profile` when given (kept), else in
 * a fresh one; `prefs` are added to the profile's (the benchmark sets its clock's).
 */
function launchFirefox(profile?: string, prefs: Record<string, unknown> = {}): Promise<Browser> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error(`No build at ${DIST_FIREFOX}: run vite build --mode firefox first`);
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // Firefox 153 lets WebDriver navigate only to http(s), file, blob and about:blank
    // unless started with system access: without it the add-on's own pages
    // (moz-extension://) cannot be opened in a tab ("not allowed in this context").
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // The build is unsigned: fine for a temporary add-on; one installed in the
      // profile needs this, which ESR (unlike release Firefox) honours.
      ...(profile ? { 'xpinstall.signatures.required': false } : {}),
      ...prefs,
    },
  });
}

function withRequests(browser: Browser): FirefoxWithExtension {
  const requests: string[] = [];
  return { browser, requests, close: () => browser.close() };
}

/**
 * Firefox with the build installed as a temporary add-on (gone when Firefox quits);
 * `prefs` added to the profile's; `dist`: another build (the side-by-side bench).
 */
export async function launchFirefoxWithExtension(prefs?: Record<string, unknown>, dist = DIST_FIREFOX): Promise<FirefoxWithExtension> {
  const browser = await launchFirefox(undefined, prefs);
  await browser.installExtension(dist);
  return withRequests(browser);
}

/** The same Firefox, same prefs, with no add-on at all (the benchmark's baselines run in it). */
export async function launchFirefoxWithoutExtension(prefs?: Record<string, unknown>): Promise<FirefoxWithExtension> {
  return withRequests(await launchFirefox(undefined, prefs));
}

export interface ProfileWithExtension {
  /** Starts Firefox on the profile; the add-on starts as an installed add-on does on a restart. */
  start(): Promise<FirefoxWithExtension>;
  /** Deletes the profile (Firefox must be closed). */
  remove(): Promise<void>;
}

/**
 * A profile with the build installed in it as a user's add-on is, so that it stays
 * across restarts (a temporary add-on is uninstalled when Firefox quits, its data
 * with it). Installed unpacked through a proxy file (<profile>/extensions/<id>
 * holding the build's path), which Firefox reads as it starts; puppeteer's prefs
 * enable the profile scope without asking.
 */
export async function installedInProfile(): Promise<ProfileWithExtension> {
  const dir = await mkdtemp(join(tmpdir(), 'evidence-lens-firefox-'));
  await mkdir(join(dir, 'extensions'));
  await writeFile(join(dir, 'extensions', ADDON_ID), DIST_FIREFOX);
  return {
    start: async () => withRequests(await launchFirefox(dir)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface OpenedPage {
  page: Page;
  /** Uncaught errors in the page (ours would show here too: content scripts share the tab). */
  errors: string[];
}

export async function openPage(ff: FirefoxWithExtension, url: string): Promise<OpenedPage> {
  const page = await ff.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => ff.requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

/**
 * Opens one of the add-on's pages in a tab, once it has loaded. puppeteer's BiDi
 * navigation never sees a moz-extension:// page finish loading (it times out with
 * the page there), so the navigation is started and not awaited (its timeout is
 * ignored) and the page itself says when it is there. Uncaught errors in the page
 * go to `errors` when given. The caller still waits for what it needs to see: the
 * page's script may fill it in after load.
 */
export async function openExtensionPage(ff: FirefoxWithExtension, path: string, errors?: string[]): Promise<Page> {
  const page = await ff.browser.newPage();
  if (errors) page.on('pageerror', (e) => errors.push(String(e)));
  const url = `moz-extension://${EXTENSION_UUID}/${path}`;
  void page.goto(url, { timeout: 10_000 }).catch(() => undefined);
  const file = url.split(/[?#]/, 1)[0]!;
  await waitFor(
    () => page.evaluate(() => ({ href: location.href, state: document.readyState })).catch(() => null),
    (v) => v !== null && v.href.split(/[?#]/, 1)[0] === file && v.state === 'complete',
    `${path} to load`,
  );
  return page;
}

/**
 * The tab showing one of the add-on's pages that the add-on opened itself (its
 * address starting with `path`), once it has loaded. puppeteer keeps such a tab's
 * url() at about:blank (see openExtensionPage), so each tab is asked where it is.
 */
export async function extensionPageOpened(ff: FirefoxWithExtension, path: string): Promise<Page> {
  const prefix = `moz-extension://${EXTENSION_UUID}/${path}`;
  const at = async (p: Page) => p.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
  const found = await waitFor(
    async () => {
      for (const p of await ff.browser.pages()) if ((await at(p)).startsWith(prefix)) return p;
      return null;
    },
    (p) => p !== null,
    `a tab at ${path}`,
  );
  return found!;
}

/** The claim count the content script writes on <html>, once it is at least `atLeast`. */
export async function claimCount(page: Page, atLeast = 0): Promise<number> {
  await page.waitForFunction(
    (min: number) => {
      const v = document.documentElement.getAttribute('data-evidence-lens-claims');
      return v !== null && Number(v) >= min;
    },
    { timeout: 15_000 },
    atLeast,
  );
  return Number(await page.evaluate(() => document.documentElement.getAttribute('data-evidence-lens-claims')));
}

// The extension API as extension pages see it (Firefox's own `browser`), for the
// snippets below that run in one of the add-on's pages.
declare const browser: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId: number }): Promise<unknown>;
  };
  storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(o: object): Promise<void>; clear(): Promise<void> } };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

/** The stored settings object (storage.sync "settings"), read in an extension page; undefined when none. */
export function storedSettings(extensionPage: Page): Promise<Record<string, unknown> | undefined> {
  return extensionPage.evaluate(() => browser.storage.sync.get('settings').then((r) => r.settings as Record<string, unknown> | undefined));
}

/** Writes (or, with null, clears) storage.sync from an extension page, as the options page would. */
export async function storeSettings(extensionPage: Page, settings: Record<string, unknown> | null): Promise<void> {
  await extensionPage.evaluate(
    (s: Record<string, unknown> | null) => (s === null ? browser.storage.sync.clear() : browser.storage.sync.set({ settings: s })),
    settings,
  );
}

/**
 * Tab id of the tab showing `url`, or -1, found as the popup finds it: each tab's
 * content script is asked for its report (test/e2e/harness/tabs.ts does the same
 * from Chromium's service worker; here an extension page asks).
 */
export function tabFor(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(async (want: string) => {
    for (const tab of await browser.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const r = (await browser.tabs.sendMessage(tab.id, { type: 'get-report' }, { frameId: 0 })) as { url?: string } | undefined;
        if (r?.url === want) return tab.id;
      } catch {
        // no content script in that tab
      }
    }
    return -1;
  }, url);
}

/** The content script's answer to the popup's get-report (its top frame), asked from an extension page. */
export function reportOf(extensionPage: Page, tabId: number): Promise<{ ready: boolean; url: string; result: unknown } | undefined> {
  return extensionPage.evaluate(
    (id: number) => browser.tabs.sendMessage(id, { type: 'get-report' }, { frameId: 0 }) as Promise<{ ready: boolean; url: string; result: unknown } | undefined>,
    tabId,
  );
}

/**
 * Asks the page in a tab to run now, as the popup does when it opens (src/popup/tab.ts
 * runOnPage: the same message, to every frame) and the shortcut does: what starts a
 * page in on-click mode. Resolves to the top frame's answer ({ ok: false } on a site
 * in the never-run list), or undefined when no script answered.
 */
export function askToRun(extensionPage: Page, tabId: number): Promise<RunResponse | undefined> {
  return extensionPage.evaluate(
    (id: number) =>
      browser.tabs.sendMessage(id, { type: 'evidence-lens:run' } satisfies RunRequest).catch(() => undefined) as Promise<RunResponse | undefined>,
    tabId,
  );
}

/** The toolbar badge's text for a tab (action.getBadgeText, from an extension page). */
export function badgeOf(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate((id: number) => browser.action.getBadgeText({ tabId: id }), tabId);
}

/** The form control whose label (or aria-label) reads exactly `name`, as a user finds it. */
export async function named(page: Page, selector: string, name: string): Promise<ElementHandle<HTMLElement>> {
  const handle = await page.evaluateHandle(
    (selector: string, name: string) =>
      Array.from(document.querySelectorAll<HTMLElement>(selector)).find(
        (el) =>
          el.getAttribute('aria-label') === name ||
          el.textContent?.trim() === name ||
          Array.from((el as HTMLInputElement).labels ?? []).some((l) => l.textContent?.trim() === name),
      ) ?? null,
    selector,
    name,
  );
  const el = handle.asElement() as ElementHandle<HTMLElement> | null;
  if (el === null) throw new Error(`no ${selector} named "${name}"`);
  return el;
}

export const isChecked = (el: ElementHandle<HTMLElement>) => el.evaluate((e) => (e as HTMLInputElement).checked);

/** Polls `read` until `done` holds (10 s by default, then throws with the last value). */
export async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > until) throw new Error(`timed out: ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until `check`, run in the page, is true. For extension pages: their CSP
 * blocks the Function() that puppeteer's waitForFunction and waitForSelector build
 * in the page, while evaluate works.
 */
export async function waitInPage(page: Page, check: () => boolean, what: string): Promise<void> {
  await waitFor(() => page.evaluate(check), (ok) => ok, what);
}

/**
 * Runs a self-contained page function (such as readMarkers) in a same-origin
 * iframe of `page` (an extension page's own frame), with the iframe's window,
 * document and DOM classes as its globals. puppeteer does not list frames inside
 * moz-extension:// pages, so the frame is reached through its parent; the code goes
 * in as an expression (BiDi's script.evaluate), which the page's CSP does not block.
 */
export function evaluateInFrame<T>(page: Page, iframeSelector: string, fn: () => T): Promise<T> {
  return page.evaluate(`(() => {
    const w = document.querySelector(${JSON.stringify(iframeSelector)})?.contentWindow;
    if (!w) throw new Error('no such frame');
    return (function (window, document, ShadowRoot, Element, HTMLElement, NodeFilter) {
      return (${fn.toString()})();
    })(w, w.document, w.ShadowRoot, w.Element, w.HTMLElement, w.NodeFilter);
  })()`) as Promise<T>;
}

/**
 * A hostile page (test/fixtures/hostile), read as test/e2e/hostile-helpers.ts reads
 * it in Chromium: some of these pages break the built-ins (Promise, JSON,
 * Array.prototype.map…) that code in the page's own world would use, so `read`
 * evaluates in a WebDriver BiDi sandbox of the top frame (puppeteer's isolated
 * realm): the page's JavaScript cannot touch it (Xray wrappers), while the DOM,
 * performance entries and DOM events are shared with the page.
 */
export interface FirefoxHostilePage extends PageReader {
  page: Page;
  /** Console errors and uncaught exceptions on the page. */
  errors: string[];
  /** Whether the page's text (body.textContent) is what it was at DOMContentLoaded, before we ran. */
  textUnchanged(): Promise<boolean>;
  /** A real mouse click in the middle of the element (found from the sandbox, scrolled into view). */
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

export async function openHostile(ff: FirefoxWithExtension, url: string): Promise<FirefoxHostilePage> {
  const page = await ff.browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${String(e)}`));
  page.on('request', (r) => ff.requests.push(r.url()));
  await page.evaluateOnNewDocument(recordTextAtLoad);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // Frame.isolatedRealm() is puppeteer's own sandbox (a BiDi `sandbox` realm), not in its public types.
  const sandbox = (page.mainFrame() as unknown as { isolatedRealm(): Realm }).isolatedRealm();
  const read = <T>(expression: string): Promise<T> => sandbox.evaluate(expression) as Promise<T>;
  return {
    page,
    errors,
    read,
    async textUnchanged() {
      const same = await read<string | null>(
        `(document.dispatchEvent(new Event('hostile-compare')), document.documentElement.getAttribute('data-hostile-text-same'))`,
      );
      return same === 'true';
    },
    async click(selector: string) {
      const at = await read<{ x: number; y: number } | null>(`(() => {
        const el = document.querySelector(${JSON.stringify(selector)});
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      })()`);
      if (at === null) throw new Error(`no ${selector} on the page`);
      await page.mouse.click(at.x, at.y);
    },
    close: () => page.close(),
  };
}

/** The page's own button (test/fixtures/hostile/probe.js) still works: a real click reaches its handler. */
export async function probeWorks(h: FirefoxHostilePage): Promise<boolean> {
  const out = `document.getElementById('probe-out').textContent`;
  const before = await h.read<string>(out);
  await h.click('#probe');
  await until(async () => (await h.read<string>(out)) !== before, 5_000, 'the probe button to react');
  return /^clicked \d+$/.test(await h.read<string>(out));
}
