// Privacy in the real browser: no extension context (content script, service
// worker, popup and other extension pages) makes a single network request, and
// a page cannot read the extension's files except the content-script chunks
// the build must expose (dist/manifest.json web_accessible_resources).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Request } from 'playwright-core';
import { DIST, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { serveStatic, type StaticServer } from './harness/server';
import { claimCount, openPage } from './harness/pages';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const built = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  content_scripts: { js: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
};

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(FIXTURES);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Seen {
  url: string;
  from: string;
}

/** Records every request in the context from now on: pages, frames and service workers. */
function record(): { seen: Seen[]; stop(): void } {
  const seen: Seen[] = [];
  const onRequest = (r: Request): void => {
    const worker = r.serviceWorker();
    let from = 'page';
    if (worker) from = `worker ${worker.url()}`;
    else {
      try {
        from = `frame ${r.frame().url()}`;
      } catch {
        from = 'unknown';
      }
    }
    seen.push({ url: r.url(), from });
  };
  browser.context.on('request', onRequest);
  return { seen, stop: () => browser.context.off('request', onRequest) };
}

/** Requests that are not the extension reading its own packaged files. */
function network(seen: Seen[], allowedDocuments: string[]): Seen[] {
  const own = `chrome-extension://${browser.extensionId}/`;
  return seen.filter((s) => !s.url.startsWith(own) && !allowedDocuments.includes(s.url) && !s.url.startsWith('data:'));
}

/** Every built HTML page (popup, options, report, pasted text…). */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/** The HTML pages the manifest declares (popup, options). */
function extensionPages(): string[] {
  return [built.action?.default_popup, built.options_ui?.page, built.options_page].filter(
    (p): p is string => typeof p === 'string',
  );
}

describe('no network requests from the extension', () => {
  it('a full session (claims page, card, popup and options pages) makes zero requests', async () => {
    const rec = record();
    // seed.html has no subresources: any request besides the document itself is ours.
    const seedUrl = `${server.origin}/seed.html`;
    const { page } = await openPage(browser, seedUrl);
    await claimCount(page, 1);
    const button = page.locator('evidence-lens-marker[data-evidence-claim="brain-uptake"] button').first();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.mouse.move(200, 200);

    const pages = extensionPages();
    expect(pages.length).toBeGreaterThan(0);
    for (const path of pages) {
      const ext = await browser.context.newPage();
      await ext.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await ext.waitForLoadState('load');
      await ext.waitForTimeout(500);
      await ext.close();
    }
    await page.waitForTimeout(1_000);
    rec.stop();
    await page.close();

    expect(rec.seen.some((s) => s.url === seedUrl)).toBe(true); // the recorder was on
    expect(network(rec.seen, [seedUrl])).toEqual([]);
  });

  it('(control) the recorder does see requests from the service worker and from an extension page', async () => {
    const rec = record();
    const probe = `${server.origin}/pages/no-mgt.html?probe=`;
    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate((url) => fetch(url).then(() => undefined, () => undefined), `${probe}worker`);
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/${extensionPages()[0]}`);
    await ext.evaluate((url) => fetch(url).then(() => undefined, () => undefined), `${probe}page`);
    await ext.close();
    rec.stop();
    const urls = network(rec.seen, []).map((s) => s.url);
    expect(urls).toContain(`${probe}worker`);
    expect(urls).toContain(`${probe}page`);
  });
});

describe('what a page can learn about the extension', () => {
  const war = built.web_accessible_resources ?? [];
  const exposed = war.flatMap((w) => w.resources);

  it('web-accessible resources are only the content script chunks, each one imported by it', () => {
    // The content script (one classic script) imports its lazy chunks by URL, and
    // they import each other. Those must be web-accessible; nothing else.
    for (const r of exposed) expect(r).toMatch(/^assets\/[\w.-]+\.js$/);
    const reachable = new Set<string>();
    const script = readFileSync(join(DIST, built.content_scripts[0]!.js[0]!), 'utf8');
    const queue = [...script.matchAll(/getURL\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (reachable.has(file)) continue;
      reachable.add(file);
      const code = readFileSync(join(DIST, file), 'utf8');
      for (const m of code.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) queue.push(`assets/${m[1]}`);
    }
    expect([...exposed].sort()).toEqual([...reachable].sort());
    // Not dynamic: use_dynamic_url breaks module chunk imports in Chromium (see README).
    for (const w of war) expect(w.use_dynamic_url ?? false).toBe(false);
  });

  it('a web page cannot read the manifest, any extension page, the worker or the icons', async () => {
    const { page } = await openPage(browser, `${server.origin}/pages/no-mgt.html`);
    const base = `chrome-extension://${browser.extensionId}/`;
    const hidden = [
      'manifest.json',
      ...htmlFiles(join(DIST, 'src')).map((f) => f.slice(DIST.length + 1)),
      'service-worker-loader.js',
      ...readdirSync(join(DIST, 'assets', 'icons')).map((f) => `assets/icons/${f}`),
    ];
    const results = await page.evaluate(
      async ({ base, paths }) =>
        Promise.all(
          paths.map((p) =>
            fetch(base + p).then(
              (r) => `${p}: ${r.status}`,
              () => `${p}: blocked`,
            ),
          ),
        ),
      { base, paths: [...hidden, exposed[0]!] },
    );
    for (const p of hidden) expect(results).toContain(`${p}: blocked`);
    // What stays observable: the exposed chunks (and the markers themselves). See README.
    expect(results).toContain(`${exposed[0]}: 200`);
    await page.close();
  });
});
