// Starts Debian's Firefox ESR (WebDriver BiDi, through puppeteer-core) with the
// Firefox build (dist-firefox/) installed as a temporary add-on, in a fresh
// profile. Never downloads a browser: the system Firefox only.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error(`No build at ${DIST_FIREFOX}: run vite build --mode firefox first`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }) },
  });
  await browser.installExtension(DIST_FIREFOX);
  const requests: string[] = [];
  return {
    browser,
    requests,
    close: () => browser.close(),
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
 * Opens one of the add-on's pages in a tab. puppeteer's BiDi navigation never sees a
 * moz-extension:// page finish loading (it times out with the page there), so the
 * caller waits for what it needs to see instead.
 */
export async function openExtensionPage(ff: FirefoxWithExtension, path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`moz-extension://${EXTENSION_UUID}/${path}`, { timeout: 3_000 }).catch(() => undefined);
  return page;
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
