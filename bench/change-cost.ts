// `npm run bench:change-cost -- [page] [runs]`: what one change costs the browser's
// rendering on a bench page, without the extension. In a plain browser the page
// is loaded and left to paint, then one of these changes is made and the frames
// after it are traced (style, layout, pre-paint, paint):
// - one marker-like element (our marker's host, shadow root and styles) in the
//   first claim paragraph;
// - three of them in every claim paragraph (about as many as the page's claims);
// - the page's own change: the late paragraph the benchmark inserts.
// Whether the rendering after our pass grows with the markers, or comes from
// changing the page at all. Page: a bench page's name (default "5 MB").
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchPlain } from './browser';
import { LATE_CLAIM, benchPages, generatePage } from './pages';
import { BENCH_DIR } from './run';
import { median } from './stats';
import { recordTrace } from './trace';
import { serveStatic } from '../test/e2e/harness/server';

const [which = '5 MB', runsArg = '5'] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg) || 5);
const spec = benchPages().find((p) => p.name === which);
if (!spec) throw new Error(`no bench page "${which}": one of ${benchPages().map((p) => p.name).join(', ')}`);

const RENDERING = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint'] as const;
const CHANGES = ['one marker', 'three markers per claim paragraph', "the page's late paragraph"] as const;
type Change = (typeof CHANGES)[number];

/** Runs in the page: makes the change. */
function change({ kind, late }: { kind: Change; late: string }): void {
  if (kind === "the page's late paragraph") {
    const cards = document.querySelectorAll('.card');
    const p = document.createElement('p');
    p.innerHTML = late;
    (cards[Math.floor(cards.length / 2)] ?? document.body).append(p);
    return;
  }
  const css = `:host{all:initial;display:inline-block;position:relative;vertical-align:baseline;line-height:1;margin:0 0 0 2px;}
button{all:initial;box-sizing:border-box;display:inline-flex;align-items:center;justify-content:center;min-width:16px;height:16px;padding:0 3px;border:1px solid #333;border-radius:8px;background:#eee;color:#333;font:600 11px/1 system-ui;vertical-align:1px;}`;
  const paragraphs = Array.from(document.querySelectorAll('section.claim p'));
  for (const p of kind === 'one marker' ? paragraphs.slice(0, 1) : paragraphs) {
    for (let k = 0; k < (kind === 'one marker' ? 1 : 3); k++) {
      const host = document.createElement('x-marker');
      host.style.setProperty('all', 'initial', 'important');
      host.style.setProperty('display', 'inline-block', 'important');
      const root = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = css;
      const button = document.createElement('button');
      button.textContent = '!';
      root.append(style, button);
      p.append(host);
    }
  }
}

const dir = join(BENCH_DIR, 'pages');
await mkdir(dir, { recursive: true });
await writeFile(join(dir, spec.file), generatePage(spec));
const server = await serveStatic(dir);
const browser = await launchPlain();
const results = new Map<Change, Record<string, number[]>>();
try {
  for (let run = 0; run < runs; run++) {
    for (const kind of CHANGES) {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/${spec.file}`, { waitUntil: 'load' });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
      const events = await recordTrace(browser.context, page, 'devtools.timeline,toplevel', async () => {
        await page.evaluate(change, { kind, late: LATE_CLAIM });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
      });
      const rendering = events.filter((e) => e.ph === 'X' && (RENDERING as readonly string[]).includes(e.name));
      // The page's main thread: the one with the most rendering work.
      const byThread = new Map<number, number>();
      for (const e of rendering) byThread.set(e.tid, (byThread.get(e.tid) ?? 0) + (e.dur ?? 0));
      const main = [...byThread.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      const sums: Record<string, number> = {};
      for (const e of rendering) if (e.tid === main) sums[e.name] = (sums[e.name] ?? 0) + (e.dur ?? 0) / 1000;
      const row = results.get(kind) ?? {};
      for (const name of [...RENDERING, 'total']) {
        (row[name] ??= []).push(name === 'total' ? RENDERING.reduce((a, n) => a + (sums[n] ?? 0), 0) : (sums[name] ?? 0));
      }
      results.set(kind, row);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${spec.name}, plain browser, ${runs} runs; medians, ms`);
console.log(`| change | ${[...RENDERING, 'total'].join(' | ')} |`);
console.log(`| --- | ${[...RENDERING, 'total'].map(() => '---').join(' | ')} |`);
for (const kind of CHANGES) {
  const row = results.get(kind) ?? {};
  console.log(`| ${kind} | ${[...RENDERING, 'total'].map((n) => median(row[n] ?? [0]).toFixed(1)).join(' | ')} |`);
}
