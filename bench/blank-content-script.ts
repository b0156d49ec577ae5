// The browser's own floor for a content script like ours: a tiny extension whose
// content script only does what ours must do on every page before reading it
// (listen for the popup's messages and for settings changes, read its settings
// from storage.sync). Its script time on the page's thread, measured like ours
// (outside-slices.ts), is the part of "outside slices" no content script using
// extension APIs avoids; the heap it keeps (heap-kept.ts), the part of ours.
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, chromiumArgs } from '../scripts/chromium';
import { median } from './stats';
import { outsideSlicesMs } from './outside-slices';
import { FIRST_PASS_CATEGORIES, recordTrace } from './trace';
import { heapAfterLoad, type Heap } from './heap-kept';

const MANIFEST = {
  manifest_version: 3,
  name: 'Evidence Lens bench: blank content script',
  version: '1',
  permissions: ['storage'],
  content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
};

const CONTENT = `chrome.runtime.onMessage.addListener(() => undefined);
chrome.storage.onChanged.addListener(() => undefined);
chrome.storage.sync.get(null).then(() => undefined);
`;

/** Runs `fn` with a fresh browser that has the blank content script's extension and nothing else. */
async function withBlankExtension<T>(fn: (context: BrowserContext) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'evidence-lens-bench-blank-cs-'));
  const profile = await mkdtemp(join(tmpdir(), 'evidence-lens-bench-blank-profile-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
  await writeFile(join(dir, 'content.js'), CONTENT);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    args: chromiumArgs({ extension: dir }),
    viewport: { width: 1000, height: 800 },
  });
  try {
    await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])https?:\/\//, (route) => route.abort());
    return await fn(context);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/** Median ms of the blank content script's work on `url`, over `runs` fresh loads. */
export function blankContentScript(url: string, runs: number): Promise<number> {
  return withBlankExtension(async (context) => {
    const times: number[] = [];
    for (let i = 0; i < Math.max(1, runs); i++) {
      const page = await context.newPage();
      const events = await recordTrace(context, page, FIRST_PASS_CATEGORIES, async () => {
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(300); // the settings' answer arrives after load
      });
      times.push(outsideSlicesMs(events));
      await page.close();
    }
    return median(times);
  });
}

/** The heaps in use on `url` with the blank content script (heap-kept.ts: one load in a fresh browser). */
export function blankContentScriptHeap(url: string, timeoutMs: number): Promise<Heap> {
  return withBlankExtension((context) => heapAfterLoad(context, url, 'load', timeoutMs));
}
