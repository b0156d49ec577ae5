// Opening a test page and reading what the extension did to it, as a user (or
// the page's own scripts) could see it.
import type { Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen on the page. */
  errors: string[];
}

export async function openPage(browser: ExtensionBrowser, url: string): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { page, errors };
}

/** Waits until the content script has finished a pass and returns the claim count it set. */
export async function claimCount(target: Page | Frame, atLeast = 0): Promise<number> {
  await target.waitForFunction(
    (min) => {
      const v = document.documentElement.getAttribute('data-evidence-lens-claims');
      return v !== null && Number(v) >= min;
    },
    atLeast,
    { timeout: 15_000 },
  );
  return Number(await target.evaluate(() => document.documentElement.getAttribute('data-evidence-lens-claims')));
}

/** Passes the content script has finished in this document. */
export function passCount(target: Page | Frame): Promise<number> {
  return target.evaluate(() => performance.getEntriesByName('evidence-lens:scan').length);
}

/** Makes a change, then waits until the content script has finished a pass after it. */
export async function afterPass(target: Page | Frame, change: () => Promise<unknown>): Promise<void> {
  const done = await passCount(target);
  await change();
  await target.waitForFunction((n) => performance.getEntriesByName('evidence-lens:scan').length > n, done, { timeout: 15_000 });
}

export interface MarkerInfo {
  claim: string;
  stance: string;
  verdict: string;
  /** Text of the block the marker sits in, up to the marker. */
  before: string;
  inShadow: boolean;
  label: string;
}

/** Every marker in the document, including those in open shadow roots. */
export async function markers(target: Page | Frame): Promise<MarkerInfo[]> {
  return target.evaluate(readMarkers);
}

/** Run in the page (self-contained): how many ranges our highlights hold, and how many of them are no longer in the page or hold no text. */
export function readHighlighted(): { ranges: number; stale: number } {
  let ranges = 0;
  let stale = 0;
  CSS.highlights.forEach((h, name) => {
    if (!name.startsWith('evidence-lens-') || name === 'evidence-lens-flash') return;
    h.forEach((r) => {
      ranges++;
      const range = r as Range;
      if (!range.startContainer.isConnected || range.collapsed) stale++;
    });
  });
  return { ranges, stale };
}

/** Run in the page (self-contained): every marker of ours, shadow roots included. Also used by the Firefox tests. */
export function readMarkers(): MarkerInfo[] {
  const found: Element[] = [];
  const walk = (root: Document | ShadowRoot): void => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.localName.startsWith('evidence-lens-marker')) found.push(el);
      else if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found.map((el) => {
    const block = el.closest('p, li, h1, h2, h3, td, div, article, main, body') ?? el.parentElement;
    const range = document.createRange();
    if (block) {
      range.setStart(block, 0);
      range.setEndBefore(el);
    }
    return {
      claim: el.getAttribute('data-evidence-claim') ?? '',
      stance: el.getAttribute('data-evidence-stance') ?? '',
      verdict: el.getAttribute('data-evidence-verdict') ?? '',
      before: block ? range.toString() : '',
      inShadow: el.getRootNode() instanceof ShadowRoot,
      label: el.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '',
    };
  });
}

/** Viewport centre of the first occurrence of `text` in the page's light DOM. */
export async function textCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(needle);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + needle.length);
      (n.parentElement as Element).scrollIntoView({ block: 'center' });
      const rect = r.getClientRects()[0];
      if (!rect) return null;
      return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (point === null) throw new Error(`text not found: ${text}`);
  return point;
}

/** Requests to anything but the local test server (and the extension itself). */
export function foreignRequests(urls: readonly string[]): string[] {
  return urls.filter((u) => !/^(https?:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|about:|blob:)/.test(u));
}
