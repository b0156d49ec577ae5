// The demo: serves the demo pages, opens them in Chromium with the built extension
// loaded, saves screenshots to demo-out/ and prints their paths.
// Run with `npm run demo` (builds first). Without a display it runs headless and
// exits; with one it leaves the browser open until you close it.
//
// The popup is shown by opening its page as an ordinary tab with `?url=<page url>`:
// the popup then reports on the first tab with exactly that address (the content
// script's <all_urls> host permission lets tabs.query return page urls without
// the `tabs` permission). The popup also accepts `?tab=<tab id>`.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from './chromium';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = process.env.DEMO_DIST ? resolve(process.env.DEMO_DIST) : join(ROOT, 'dist');
const PAGES = join(ROOT, 'test', 'fixtures', 'demo');
const OUT = join(ROOT, 'demo-out');
/** Pages served from elsewhere in the repo, so they are not copied. */
const ALIASES: Record<string, string> = {
  '/seed-review.html': join(ROOT, 'test', 'fixtures', 'seed.html'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function serve(): Server {
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = ALIASES[path] ?? join(PAGES, normalize(path === '/' ? '/index.html' : path));
    const inside = file === ALIASES[path] || file.startsWith(PAGES + sep);
    if (!inside || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
}

/** Port 5178 if free, else any free port. */
function listen(server: Server): Promise<number> {
  const on = (port: number) =>
    new Promise<number>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', fail);
        const addr = server.address();
        ok(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  return on(5178).catch(() => on(0));
}

async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  if (!id) throw new Error(`unexpected service worker url ${worker.url()}`);
  return id;
}

/** Waits for the content script's "done" attribute; returns the claim count or null on timeout. */
async function waitForScan(page: Page): Promise<number | null> {
  try {
    await page.waitForSelector('html[data-evidence-lens-claims]', { state: 'attached', timeout: 15_000 });
    return Number(await page.getAttribute('html', 'data-evidence-lens-claims'));
  } catch {
    return null;
  }
}

async function shootPopup(context: BrowserContext, id: string, pageUrl: string | null, file: string, dark = false, reportFile?: string) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  if (dark) await popup.emulateMedia({ colorScheme: 'dark' });
  const query = pageUrl ? `?url=${encodeURIComponent(pageUrl)}` : '';
  await popup.goto(`chrome-extension://${id}/src/popup/index.html${query}`);
  // Settled when the loading spinner is gone and something is shown.
  await popup
    .waitForFunction(() => !document.querySelector('.spinner') && !!document.querySelector('main')?.childElementCount, null, {
      timeout: 20_000,
    })
    .catch(() => console.warn(`  popup for ${pageUrl ?? '(no page)'} still loading after 20 s`));
  // What the popup shows when opened (400x600), and the whole report.
  await popup.screenshot({ path: file });
  const full = file.replace(/\.png$/, '-full.png');
  await popup.screenshot({ path: full, fullPage: true });
  const files = [file, full];
  if (reportFile) {
    // The printable report, opened the way a reader opens it: from the popup's button.
    const button = popup.getByRole('button', { name: 'Open printable report' });
    if ((await button.count()) > 0) {
      const [report] = await Promise.all([context.waitForEvent('page', { timeout: 10_000 }), button.click()]);
      await report.setViewportSize({ width: 900, height: 1100 });
      await report.waitForLoadState('load');
      await report.waitForTimeout(500);
      await report.screenshot({ path: reportFile });
      await report.close();
      files.push(reportFile);
    }
  }
  await popup.close();
  return files;
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` (or `npm run demo`).');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH).`);
  mkdirSync(OUT, { recursive: true });

  const server = serve();
  const port = await listen(server);
  const base = `http://127.0.0.1:${port}`;
  const headed = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const profile = mkdtempSync(join(tmpdir(), 'evidence-lens-demo-'));
  const args = chromiumArgs({ headless: !headed, extension: DIST });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // headless mode comes from --headless=new above: the old one has no extensions
    args,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
  });
  const shots: string[] = [];
  try {
    const id = await extensionId(context);
    console.log(`Evidence Lens loaded (id ${id}); demo pages at ${base}/`);

    for (const name of ['retailer-product', 'seed-review', 'no-mgt']) {
      const url = `${base}/${name}.html`;
      const page = await context.newPage();
      await page.goto(url);
      const count = await waitForScan(page);
      console.log(`  ${name}: ${count === null ? 'scan did not finish within 15 s' : `${count} claim(s) marked`}`);
      shots.push(join(OUT, `${name}-page.png`));
      await page.screenshot({ path: shots.at(-1), fullPage: true });

      if (name === 'retailer-product') {
        const marker = page.locator('evidence-lens-marker').first();
        if ((await marker.count()) > 0) {
          await marker.scrollIntoViewIfNeeded();
          await marker.hover();
          await page.waitForTimeout(600); // the card opens after a short hover delay
          shots.push(join(OUT, `${name}-card.png`));
          await page.screenshot({ path: shots.at(-1) });
        } else {
          console.log('  (no marker to hover on the retailer page)');
        }
      }
      const report = name === 'retailer-product' ? join(OUT, 'report-retailer-product.png') : undefined;
      shots.push(...(await shootPopup(context, id, url, join(OUT, `popup-${name}.png`), false, report)));
      if (name === 'retailer-product') {
        shots.push(...(await shootPopup(context, id, url, join(OUT, `popup-${name}-dark.png`), true)));
      }
      if (!headed) await page.close();
    }
    // The popup on a page it cannot read (here: itself, an extension page).
    shots.push((await shootPopup(context, id, null, join(OUT, 'popup-cannot-run.png')))[0]!);

    console.log('Screenshots:');
    for (const s of shots) console.log(`  ${s}`);
    if (headed) {
      const index = await context.newPage();
      await index.goto(`${base}/index.html`);
      console.log('The browser stays open; close it to end the demo.');
      await new Promise<void>((done) => context.on('close', () => done()));
    }
  } finally {
    await context.close().catch(() => undefined);
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
