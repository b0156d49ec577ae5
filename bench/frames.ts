// `npm run bench:frames -- [runs] [dist…]`: what the content script costs a page
// for each iframe it carries. The manifest injects it into every frame
// (all_frames); same-site frames run on the page's own main thread. A small shop
// page without MgT is loaded with no frame, with 10 visible ad frames (written by
// the page's script, as ad tags do, or loaded from a URL), and with 10 frames
// that show nothing (display:none, or 1×1 pixels). Each load is traced until
// quiet; the cost is our script events on every thread (counted once where they
// nest: compiling, evaluating, callbacks) and our slices. Prints medians. With
// several builds (copies of dist/), each runs in its own browser, runs
// alternating, so the machine's busy spells fall on all of them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../scripts/chromium';
import { serveStatic } from '../test/e2e/harness/server';
import { BENCH_DIR } from './run';
import { median } from './stats';
import { recordTrace, sliceIntervals, type Interval, type TraceEvent } from './trace';

const [runsArg = '5', ...distArgs] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg) || 5);
const dists = (distArgs.length > 0 ? distArgs : ['dist']).map((d) => resolve(d));

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.produceModuleCache', 'v8.callFunction', 'v8.run']);
const AD = '<html><body><a href="#"><img width=300 height=250 alt=""></a><p>Sponsored</p></body></html>';
const TEN = (html: string): string => html.repeat(10);
const PAGES: Record<string, string> = {
  'no frame': '',
  '10 ad frames, written by script': `${TEN('<iframe width=300 height=250></iframe>')}<script>for (const f of document.querySelectorAll('iframe')) { f.contentDocument.open(); f.contentDocument.write(${JSON.stringify(AD)}); f.contentDocument.close(); }</script>`,
  '10 ad frames, from a URL': TEN('<iframe width=300 height=250 src="ad.html"></iframe>'),
  '10 hidden frames': TEN('<iframe width=300 height=250 style="display:none" src="ad.html"></iframe>'),
  '10 pixel frames': TEN('<iframe width=1 height=1 src="ad.html"></iframe>'),
};

function ours(e: TraceEvent): boolean {
  if (e.ph !== 'X' || !SCRIPT_EVENTS.has(e.name)) return false;
  const args = JSON.stringify(e.args ?? {});
  return args.includes('chrome-extension://') || args.includes('"worldName":"Evidence Lens"');
}

/** Total length of the intervals, each thread's counted once where they overlap. */
function unionMs(byThread: Map<string, Interval[]>): number {
  let us = 0;
  for (const list of byThread.values()) {
    let end = -Infinity;
    for (const [a, b] of list.sort((x, y) => x[0] - y[0])) {
      if (b > end) us += b - Math.max(a, end);
      end = Math.max(end, b);
    }
  }
  return us / 1000;
}

const dir = join(BENCH_DIR, 'pages', 'frames');
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'ad.html'), AD);
const para = '<p>Free shipping on orders over $50. Rated 4.6 by 1,204 buyers. Add to cart.</p>'.repeat(40);
const files = Object.keys(PAGES).map((name, i) => ({ name, file: `frames-${i}.html` }));
for (const { name, file } of files) {
  await writeFile(join(dir, file), `<!doctype html><html><head><title>Shop</title></head><body><main>${para}</main>${PAGES[name]}</body></html>`);
}
const server = await serveStatic(dir);
const browsers = await Promise.all(
  dists.map(async (dist) => {
    const profile = await mkdtemp(join(tmpdir(), 'evidence-lens-bench-frames-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: false,
      args: chromiumArgs({ extension: dist }),
      viewport: { width: 1000, height: 800 },
    });
    return { dist, profile, context, script: {} as Record<string, number[]>, slices: {} as Record<string, number[]> };
  }),
);
try {
  for (let run = 0; run < runs; run++) {
    for (const b of browsers) {
      for (const { name, file } of files) {
        const page = await b.context.newPage();
        const events = await recordTrace(b.context, page, 'devtools.timeline,v8,blink.user_timing,toplevel', async () => {
          await page.goto(`${server.origin}/${file}`, { waitUntil: 'load' });
          await page.waitForTimeout(1500);
        });
        const byThread = new Map<string, Interval[]>();
        for (const e of events.filter(ours)) {
          const key = `${e.pid}:${e.tid}`;
          const list = byThread.get(key) ?? [];
          list.push([e.ts, e.ts + (e.dur ?? 0)]);
          byThread.set(key, list);
        }
        (b.script[name] ??= []).push(unionMs(byThread));
        (b.slices[name] ??= []).push(sliceIntervals(events).reduce((a, [x, y]) => a + (y - x) / 1000, 0));
        await page.close();
      }
    }
  }
} finally {
  for (const b of browsers) {
    await b.context.close();
    await rm(b.profile, { recursive: true, force: true });
  }
  await server.close();
}
for (const b of browsers) {
  console.log(`\n${b.dist}, ${runs} runs; medians, ms`);
  console.log('| page | our script events | of it in our slices | runs |');
  console.log('| --- | --- | --- | --- |');
  for (const { name } of files) {
    const s = b.script[name] as number[];
    console.log(`| ${name} | ${median(s).toFixed(1)} | ${median(b.slices[name] as number[]).toFixed(1)} | ${s.map((x) => x.toFixed(1)).join(' ')} |`);
  }
}
