// Reading hostile pages from the test side. Some of these pages break the
// built-ins (Promise, JSON, Array.prototype.map…) that Playwright's own
// main-world helpers use, so every read here runs in a fresh isolated world
// (CDP Page.createIsolatedWorld): the page's JavaScript cannot touch it, while
// the DOM, performance entries and DOM events are shared with the page.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness/browser';
import type { HostileHandle } from './harness/hostile-cases';
import { recordTextAtLoad, until, type PageReader } from './harness/hostile-reads';

// Shared with the Firefox tests (test/firefox/), which import them from there.
export { COUNT_JS, MARKERS_JS, MARKER_SUMMARY_JS, settle, until, waitForCount } from './harness/hostile-reads';

/** `read` evaluates in the top frame's isolated world. */
export interface HostilePage extends PageReader {
  page: Page;
  /** Console errors and uncaught exceptions on the page (ours would show here). */
  errors: string[];
  /** Whether the page's text (body.textContent) is what it was at DOMContentLoaded, before we ran. */
  textUnchanged(): Promise<boolean>;
  close(): Promise<void>;
}

async function isolatedWorld(cdp: CDPSession, frameId: string): Promise<number> {
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId,
    worldName: 'hostile-test-reader',
  })) as { executionContextId: number };
  return executionContextId;
}

export async function openHostile(browser: ExtensionBrowser, url: string): Promise<HostilePage> {
  const page = await browser.context.newPage();
  await page.addInitScript(recordTextAtLoad);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url, { timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  let contextId = await isolatedWorld(cdp, frameTree.frame.id);

  const read = async <T>(expression: string): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      const r = (await cdp.send('Runtime.evaluate', {
        expression,
        contextId,
        returnByValue: true,
        awaitPromise: true,
      })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (r.exceptionDetails === undefined) return r.result.value as T;
      const message = r.exceptionDetails.exception?.description ?? r.exceptionDetails.text;
      // The world dies with a navigation (none expected), so retry once in a new one.
      if (attempt > 0 || !/context/i.test(message)) throw new Error(`read failed: ${message}`);
      contextId = await isolatedWorld(cdp, frameTree.frame.id);
    }
  };
  return {
    page,
    errors,
    read,
    async textUnchanged() {
      return read<string | null>(
        `(document.dispatchEvent(new Event('hostile-compare')), document.documentElement.getAttribute('data-hostile-text-same'))`,
      ).then((v) => v === 'true');
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
}

/** The page's own button still works: a real click reaches its handler. */
export async function probeWorks(h: HostilePage): Promise<boolean> {
  const before = await h.read<string>(`document.getElementById('probe-out').textContent`);
  await h.page.click('#probe', { timeout: 10_000 });
  await until(
    async () => (await h.read<string>(`document.getElementById('probe-out').textContent`)) !== before,
    5_000,
    'the probe button to react',
  );
  return /^clicked \d+$/.test(await h.read<string>(`document.getElementById('probe-out').textContent`));
}

/** The shared cases' handle (harness/hostile-cases.ts) over a Playwright page. */
export const handleOf = (h: HostilePage): HostileHandle => ({
  read: <T>(expression: string) => h.read<T>(expression),
  errors: () => h.errors,
  textUnchanged: () => h.textUnchanged(),
  probeWorks: () => probeWorks(h),
  click: (selector) => h.page.click(selector),
  press: (key) => h.page.keyboard.press(key),
  type: (text) => h.page.keyboard.type(text),
  close: () => h.close(),
});
