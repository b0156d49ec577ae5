// Reading hostile pages from the test side. Some of these pages break the
// built-ins (Promise, JSON, Array.prototype.map…) that Playwright's own
// main-world helpers use, so every read here runs in a fresh isolated world
// (CDP Page.createIsolatedWorld): the page's JavaScript cannot touch it, while
// the DOM, performance entries and DOM events are shared with the page.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness/browser';

export interface HostilePage {
  page: Page;
  /** Console errors and uncaught exceptions on the page (ours would show here). */
  errors: string[];
  /** Evaluates an expression (source text) in the top frame's isolated world; returns its JSON value. */
  read<T>(expression: string): Promise<T>;
  /** Whether the page's text (body.textContent) is what it was at DOMContentLoaded, before we ran. */
  textUnchanged(): Promise<boolean>;
  close(): Promise<void>;
}

/** Source of a function that lists our markers (document and open shadow roots). */
export const MARKERS_JS = `(() => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('evidence-lens-marker') && el.hasAttribute('data-evidence-claim')) out.push(el);
      else if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
})()`;

/** { claims, tags, inside } of our markers: claim ids, tag names, and the closest enclosing special element. */
export const MARKER_SUMMARY_JS = `(() => ${MARKERS_JS}.map((el) => ({
  claim: el.getAttribute('data-evidence-claim'),
  verdict: el.getAttribute('data-evidence-verdict'),
  tag: el.localName,
  label: el.shadowRoot ? (el.shadowRoot.querySelector('button')?.getAttribute('aria-label') ?? '') : '',
  inside: el.closest('[contenteditable], textarea, input, svg')?.localName ?? null,
})))()`;

export const COUNT_JS = `document.documentElement.getAttribute('data-evidence-lens-claims')`;

async function isolatedWorld(cdp: CDPSession, frameId: string): Promise<number> {
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId,
    worldName: 'hostile-test-reader',
  })) as { executionContextId: number };
  return executionContextId;
}

/**
 * Runs in the page's world before its own scripts (so with intact built-ins):
 * keeps body.textContent as of DOMContentLoaded (the content script runs at
 * document_idle, later) and, on a 'hostile-compare' event, writes whether the
 * text is the same into <html data-hostile-text-same>. Attributes are not
 * watched by the content script, so this does not trigger a pass.
 */
function recordTextAtLoad(): void {
  const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!.get!;
  const setAttribute = Element.prototype.setAttribute;
  const add = EventTarget.prototype.addEventListener;
  let original: string | null = null;
  add.call(document, 'DOMContentLoaded', () => {
    original = document.body ? (text.call(document.body) as string) : null;
  });
  add.call(document, 'hostile-compare', () => {
    const now = document.body ? (text.call(document.body) as string) : null;
    setAttribute.call(document.documentElement, 'data-hostile-text-same', String(original !== null && now === original));
  });
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

/** Polls `check` until it returns true or `timeout` ms pass. */
export async function until(check: () => Promise<boolean>, timeout: number, what: string): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the claim count attribute to reach `atLeast` and returns it. */
export async function waitForCount(h: HostilePage, atLeast: number, timeout = 20_000): Promise<number> {
  await until(
    async () => {
      const v = await h.read<string | null>(COUNT_JS);
      return v !== null && Number(v) >= atLeast;
    },
    timeout,
    `claim count >= ${atLeast}`,
  );
  return Number(await h.read<string>(COUNT_JS));
}

/** Waits until no pass ran for `quietMs`, and returns how many passes ran in all. */
export async function settle(h: HostilePage, quietMs = 400, timeout = 20_000): Promise<number> {
  const passes = (): Promise<number> => h.read<number>(`performance.getEntriesByName('evidence-lens:scan').length`);
  let last = await passes();
  let lastChange = Date.now();
  const end = Date.now() + timeout;
  while (Date.now() - lastChange < quietMs) {
    if (Date.now() > end) throw new Error('passes never settled');
    await new Promise((r) => setTimeout(r, 100));
    const now = await passes();
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    }
  }
  return last;
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
