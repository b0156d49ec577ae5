// `npm run bench:changes -- [page] [runs] [dist…]`: what the pass after one
// common page change costs us, on a bench page (default "5 MB"; on "5 MB pre",
// lines added to its one text node, PRE_CHANGES). Each run loads
// the page afresh, waits for the first pass, makes one change (a product card or
// a review appended, a card's markup rewritten, a dialog, a heading's text, the
// title ticking, loose text in the grid or in <main>, 20 cards at once), and sums
// our `evidence-lens:slice` work in the passes that follow. A pass that had to read
// the whole page again says so (`reread` in its detail): those are counted too.
// Several builds (copies of dist/) alternate, each in its own browser, so the
// machine's busy spells fall on all of them. Prints medians, and every run.
// BENCH_CHANGES="card appended" runs only the changes whose name holds those words.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser';
import { benchPages, generatePage } from './pages';
import { BENCH_DIR } from './run';
import { median } from './stats';
import { chromiumArgs } from '../scripts/chromium';
import { serveStatic } from '../test/e2e/harness/server';

const [which = '5 MB', runsArg = '5', ...distArgs] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg) || 5);
const dists = (distArgs.length > 0 ? distArgs : ['dist']).map((d) => resolve(d));
const spec = benchPages().find((p) => p.name === which);
const hasChanges = (p: { layout?: string }): boolean => (p.layout ?? 'shop') === 'shop' || p.layout === 'pre';
if (!spec || !hasChanges(spec)) throw new Error(`a shop or pre bench page, one of ${benchPages().filter(hasChanges).map((p) => p.name).join(', ')}`);

/** Run in the page: each makes one change a shop page makes after load. */
const SHOP_CHANGES: Record<string, string> = {
  'a product card appended': `const g = document.querySelector('.grid'); g.append(g.querySelector('.card').cloneNode(true))`,
  'a review appended': `document.querySelector('.grid').append(document.querySelector('.review').cloneNode(true))`,
  "a card's markup rewritten": `const c = document.querySelectorAll('.grid > .card')[60]; c.innerHTML += '<p>Sold out</p>'`,
  'a dialog appended to <body>': `const d = document.createElement('dialog'); d.open = true; d.innerHTML = '<h2>Sign up</h2><p>Get 10% off.</p>'; document.body.append(d)`,
  "the <h1>'s text set": `document.querySelector('h1').textContent = 'Supplements on sale'`,
  'the title ticking': `document.title = '(1) ' + document.title`,
  'text appended to the grid': `document.querySelector('.grid').append(' 42 results')`,
  "a counter's text in <main> set": `const t = document.createTextNode(' 3 viewing'); document.querySelector('main').append(t); setTimeout(() => { t.data = ' 4 viewing'; }, 700)`,
  '20 product cards appended': `const g = document.querySelector('.grid'); const c = g.querySelector('.card'); for (let i = 0; i < 20; i++) g.append(c.cloneNode(true))`,
};
/** On the "5 MB pre" page (one text node, as a log or a plain-text file): lines added to it (since round 19). */
const PRE_CHANGES: Record<string, string> = {
  'a line appended to the <pre>': `document.querySelector('pre').append('\\nDay 41: Magnesium L-threonate improves memory.\\n')`,
  // (A node of its own: a script editing the <pre>'s text node in place sees only the piece
  // before our first marker; README, "A marker sits right after its sentence".)
  'a line inserted in the middle of the <pre>': `const pre = document.querySelector('pre'); pre.insertBefore(document.createTextNode('\\nDay 41: Magnesium L-threonate improves memory.\\n'), pre.childNodes[pre.childNodes.length >> 1])`,
  'a paragraph appended after the <pre>': `const p = document.createElement('p'); p.textContent = 'Magnesium L-threonate improves sleep.'; document.querySelector('pre').after(p)`,
};
const CHANGES = spec.layout === 'pre' ? PRE_CHANGES : SHOP_CHANGES;
/** Longer than the longest a change waits for its pass (2 s), and than the counter's second change. */
const SETTLE_MS = 3200;

const dir = join(BENCH_DIR, 'pages');
await mkdir(dir, { recursive: true });
await writeFile(join(dir, spec.file), generatePage(spec));
const server = await serveStatic(dir);
const contexts = await Promise.all(
  dists.map(async (dist) =>
    chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'evidence-lens-bench-changes-')), {
      executablePath: CHROMIUM,
      headless: false,
      args: chromiumArgs({ extension: dist }),
    }),
  ),
);

/** BENCH_CHANGES=<words>: only the changes whose name holds them (a quicker side by side of one). */
const only = process.env.BENCH_CHANGES || undefined;

/** Per change, per build: work per run (ms) and runs with a re-read. */
const results = new Map<string, { work: number[]; rereads: number }[]>();
for (let run = 0; run < runs; run++) {
  for (const [name, code] of Object.entries(CHANGES).filter(([name]) => only === undefined || name.includes(only))) {
    for (const [d, context] of contexts.entries()) {
      const page = await context.newPage();
      await page.goto(`${server.origin}/${spec.file}`);
      await page.waitForFunction(() => performance.getEntriesByName('evidence-lens:scan').length > 0, undefined, { timeout: 60_000 });
      await page.waitForTimeout(700);
      const before = await page.evaluate(() => [performance.getEntriesByName('evidence-lens:slice').length, performance.getEntriesByName('evidence-lens:scan').length]);
      await page.evaluate(code);
      await page.waitForTimeout(SETTLE_MS);
      const after = await page.evaluate(([slices, scans]) => ({
        work: performance.getEntriesByName('evidence-lens:slice').slice(slices).reduce((a, e) => a + e.duration, 0),
        reread: performance.getEntriesByName('evidence-lens:scan').slice(scans).some((e) => ((e as PerformanceMeasure).detail as { reread?: boolean } | null)?.reread === true),
      }), before);
      const per = results.get(name) ?? dists.map(() => ({ work: [] as number[], rereads: 0 }));
      results.set(name, per);
      (per[d] as { work: number[]; rereads: number }).work.push(after.work);
      if (after.reread) (per[d] as { work: number[]; rereads: number }).rereads++;
      await page.close();
    }
  }
}
await Promise.all(contexts.map((c) => c.close()));
await server.close();

console.log(`${spec.name}, ${runs} runs; work after the change, ms: median (every run), and runs that re-read the page`);
dists.forEach((dist, d) => console.log(`  [${d}] ${dist}`));
for (const [name, per] of results) {
  const cells = per.map((p, d) => `[${d}] ${median(p.work).toFixed(1)} (${p.work.map((w) => w.toFixed(0)).join(' ')})${p.rereads > 0 ? `, ${p.rereads} re-read` : ''}`);
  console.log(`${name.padEnd(34)} ${cells.join('   ')}`);
}
