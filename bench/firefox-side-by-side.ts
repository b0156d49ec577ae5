// `npm run bench:ab:firefox -- <dist-firefox A> <dist-firefox B> [page] [runs]`:
// bench:ab's comparison (bench/side-by-side.ts) in Firefox ESR. Each build in its
// own Firefox, runs alternating A, B, A, B…; prints each run's work (the sum of our
// `evidence-lens:slice` measures) and longest slice, and their medians, and on a
// page that names MgT the work of the late paragraph inserted after each first
// pass, as the benchmark inserts it (since round 44). Page: a file name from
// benchPages (default 1-mb.html), or the path of an HTML file of one's own; runs
// default to 7. Builds: copy dist-firefox/ aside before and after a change.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '../test/e2e/harness/server';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../test/firefox/harness';
import { BENCH_PREFS } from './firefox-run';
import { installProbes, lateInsertion, readExtensionRun } from './in-page';
import { LATE_CLAIM } from './pages';
import { median } from './stats';
import { abArgs } from './ab-args';

const { distA, distB, file, spec, pagesDir, runs } = await abArgs(process.argv.slice(2), 'npm run bench:ab:firefox -- <dist-firefox A> <dist-firefox B> [page] [runs]');

const server = await serveStatic(pagesDir);
const browsers: FirefoxWithExtension[] = [];
try {
  for (const dist of [distA, distB]) {
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`no build at ${dist}`);
    browsers.push(await launchFirefoxWithExtension(BENCH_PREFS, resolve(dist)));
  }
  const work: number[][] = [[], []];
  const longest: number[][] = [[], []];
  const late: number[][] = [[], []];
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < 2; k++) {
      const page = await (browsers[k] as FirefoxWithExtension).browser.newPage();
      // tsx keeps function names with an `__name` helper that the in-page copies would miss.
      await page.evaluateOnNewDocument('globalThis.__name ??= (f) => f;');
      await page.evaluateOnNewDocument(installProbes);
      await page.goto(`${server.origin}/${file}`, { waitUntil: 'load', timeout: 120_000 });
      const measured = await page.evaluate(readExtensionRun, { timeoutMs: 120_000 });
      (work[k] as number[]).push(measured.work);
      (longest[k] as number[]).push(measured.longestSlice);
      if (spec.claimParagraphs > 0) (late[k] as number[]).push((await page.evaluate(lateInsertion, { html: LATE_CLAIM, storm: 0, timeoutMs: 120_000 })).work);
      await page.close();
    }
  }
  const ms = (x: number): string => x.toFixed(x < 10 ? 1 : 0);
  const fmt = (xs: number[]): string => xs.map(ms).join(' ');
  ['A', 'B'].forEach((name, k) => {
    const w = work[k] as number[];
    const l = longest[k] as number[];
    console.log(`${name} ${k === 0 ? distA : distB}: work ${fmt(w)} ms; median ${ms(median(w))} ms`);
    console.log(`  longest slice ${fmt(l)} ms; median ${ms(median(l))} ms`);
    const p = late[k] as number[];
    if (p.length > 0) console.log(`  late paragraph ${fmt(p)} ms; median ${ms(median(p))} ms`);
  });
} finally {
  for (const b of browsers) await b.close();
  await server.close();
}
