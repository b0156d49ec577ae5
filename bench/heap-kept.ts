// What our content script keeps in a page's memory after its first pass: the page
// renderer's JS heap (V8's, which the page's world and our isolated world share)
// and DOM heap (Blink's), after full garbage collections, with the extension and
// without it.
//
// Every load here is the only one its browser ever made: a renderer serves every
// tab of a site, and keeps the code that earlier loads compiled (the scanner's
// chunk, ~1.5 MB of it), so a page without MgT loaded after one with it would be
// counted with code it never loaded. The numbers repeat to within ~0.03 MB from one
// load to the next (round 42's probes), so one load per page is enough. Nothing of
// the benchmark's runs in the page's world: it waits through the DevTools protocol,
// not with Playwright's `waitForFunction`, whose script (~0.6 MB) would be counted.
import type { BrowserContext, CDPSession } from 'playwright-core';
import { until } from '../test/e2e/harness/hostile-reads';

/** How long to wait after our first pass (or the closed gate) before measuring: later looks and idle work settle. */
const SETTLE_MS = 2000;

/** What to wait for before measuring. */
export type HeapWait = 'first pass' | 'count' | 'load';

/** Whether, in the page, our first pass is over (`first pass`) or our count is set (`count`). */
function doneExpression(wait: HeapWait): string {
  const count = "document.documentElement.hasAttribute('data-evidence-lens-claims')";
  if (wait === 'first pass') return `${count} && performance.getEntriesByName('evidence-lens:scan').length > 0`;
  return wait === 'count' ? count : 'true';
}

function waitInPage(cdp: CDPSession, wait: HeapWait, timeoutMs: number): Promise<void> {
  const expression = doneExpression(wait);
  const done = async (): Promise<boolean> =>
    ((await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value?: unknown } }).result.value === true;
  return until(done, timeoutMs, wait);
}

/** Bytes in use in the page's renderer, after three full collections: V8's heap (`js`) and Blink's (`dom`: nodes, styles, layout). */
async function heapInUse(cdp: CDPSession): Promise<Heap> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? Number.NaN };
}

/** Bytes in use in a renderer's two heaps. */
export interface Heap {
  js: number;
  dom: number;
}

/** Loads `url` in a new tab of `context`, waits for `wait` and a settling time, and returns the heaps in use. */
export async function heapAfterLoad(context: BrowserContext, url: string, wait: HeapWait, timeoutMs: number): Promise<Heap> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    const cdp = await context.newCDPSession(page);
    try {
      await waitInPage(cdp, wait, timeoutMs);
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      return await heapInUse(cdp);
    } finally {
      await cdp.detach();
    }
  } finally {
    await page.close();
  }
}

/** A page's heaps without the extension and with it. */
export interface HeapKept {
  without: Heap;
  withExtension: Heap;
}

/** What we keep: the difference, in bytes, per heap. */
export const kept = (h: HeapKept): Heap => ({ js: h.withExtension.js - h.without.js, dom: h.withExtension.dom - h.without.dom });

/** Megabytes with two decimals ("1.74"). */
export const mb = (bytes: number): string => (Number.isFinite(bytes) ? (bytes / 1e6).toFixed(2) : '—');
