// `npm run bench:ab -- <dist A> <dist B> [page] [runs]`: two builds of the
// extension compared on one benchmark page, each loaded in its own browser, runs
// alternating A, B, A, B… so the machine's slow and quick spells fall on both.
// Prints each run's work (the sum of our `evidence-lens:slice` measures) and
// longest slice, and their medians. Made for "did this change help?", where two bench runs minutes apart
// differ by more than the change. Page: a file name from benchPages (default
// 1-mb.html), or the path of an HTML file of one's own (`./page.html` for one in
// this folder); runs default to 7. Builds: copy dist/ aside before and after a change.
// On pages with claims it also inserts the late paragraph after each first pass,
// then a storm (another paragraph and 20 small changes), as the benchmark does,
// and prints each change's work and the storm's passes; then 1,000 rows appended at
// once, as blocks (`<div>`) and as inline elements (`<x-row>`), with the longest
// slice and the work of each.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../scripts/chromium';
import { serveStatic } from '../test/e2e/harness/server';
import { installProbes, lateInsertion, readExtensionRun, rowsAppended } from './in-page';
import { LATE_CLAIM } from './pages';
import { median } from './stats';
import { abArgs } from './ab-args';

const { distA, distB, file, spec, pagesDir, runs } = await abArgs(process.argv.slice(2), 'npm run bench:ab -- <dist A> <dist B> [page] [runs]');

const server = await serveStatic(pagesDir);
const dirs: string[] = [];
const contexts: BrowserContext[] = [];
try {
  for (const dist of [distA, distB]) {
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`no build at ${dist}`);
    const dir = await mkdtemp(join(tmpdir(), 'evidence-lens-ab-'));
    dirs.push(dir);
    const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: false, args: chromiumArgs({ extension: resolve(dist) }) });
    // tsx keeps function names with an `__name` helper that the in-page copies would miss.
    await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    contexts.push(context);
  }
  const work: number[][] = [[], []];
  const longest: number[][] = [[], []];
  const late: number[][] = [[], []];
  const storm: number[][] = [[], []];
  const stormPasses: number[][] = [[], []];
  const ROW_TAGS = ['div', 'x-row'];
  /** Per build, per row tag: longest slice, and work, of each run. */
  const rows = [0, 1].map(() => ROW_TAGS.map(() => ({ longest: [] as number[], work: [] as number[] })));
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < 2; k++) {
      const page = await (contexts[k] as BrowserContext).newPage();
      await page.addInitScript(installProbes);
      await page.goto(`${server.origin}/${file}`, { waitUntil: 'load' });
      const measured = await page.evaluate(readExtensionRun, { timeoutMs: 120_000 });
      (work[k] as number[]).push(measured.work);
      (longest[k] as number[]).push(measured.longestSlice);
      if (spec.claimParagraphs > 0) {
        const change = await page.evaluate(lateInsertion, { html: LATE_CLAIM, storm: 0, timeoutMs: 120_000 });
        (late[k] as number[]).push(change.work);
        const storming = await page.evaluate(lateInsertion, { html: LATE_CLAIM, storm: 20, timeoutMs: 120_000 });
        (storm[k] as number[]).push(storming.work);
        (stormPasses[k] as number[]).push(storming.passes);
        for (const [t, tag] of ROW_TAGS.entries()) {
          const appended = await page.evaluate(rowsAppended, { tag, rows: 1000, timeoutMs: 120_000 });
          rows[k]![t]!.longest.push(appended.longestSlice);
          rows[k]![t]!.work.push(appended.work);
        }
      }
      await page.close();
    }
  }
  [distA, distB].forEach((dist, k) => {
    const xs = work[k] as number[];
    const ls = longest[k] as number[];
    // Tenths on small pages (a page without MgT costs a few ms; whole ms hid a change of one).
    const ms = (x: number): string => x.toFixed(median(xs) < 20 ? 1 : 0);
    console.log(`${k === 0 ? 'A' : 'B'} ${dist}: work ${xs.map(ms).join(' ')} ms; median ${ms(median(xs))} ms`);
    console.log(`  longest slice ${ls.map(ms).join(' ')} ms; median ${ms(median(ls))} ms`);
    const lw = late[k] as number[];
    if (lw.length > 0) console.log(`  late paragraph ${lw.map((x) => x.toFixed(1)).join(' ')} ms; median ${median(lw).toFixed(1)} ms`);
    const sw = storm[k] as number[];
    if (sw.length > 0) {
      console.log(`  storm ${sw.map((x) => x.toFixed(1)).join(' ')} ms; median ${median(sw).toFixed(1)} ms; passes ${(stormPasses[k] as number[]).join(' ')}`);
      for (const [t, tag] of ROW_TAGS.entries()) {
        const { longest, work } = rows[k]![t]!;
        console.log(`  1,000 <${tag}> rows: longest slice ${longest.map((x) => x.toFixed(1)).join(' ')} ms, median ${median(longest).toFixed(1)}; work median ${median(work).toFixed(0)} ms`);
      }
    }
  });
} finally {
  for (const c of contexts) await c.close();
  await server.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
}
