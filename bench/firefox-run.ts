// The benchmark in Firefox ESR: on the Chromium bench's pages (bench/run.ts
// pagesFor: the generated ones, or a folder of one's own), the same in-page
// baselines (floor, floor + regex, mark.js, the cheap gate) in a Firefox without
// the add-on, and the add-on's own User Timing in a Firefox with it, each
// measurement on a freshly loaded page.
// Our content script's performance.mark/measure land on the page's timeline in
// Firefox too (its sandbox reaches the page's `performance` through an Xray
// wrapper), so the same page functions (bench/in-page.ts) read them.
import type { Page } from 'puppeteer-core';
import { cpus } from 'node:os';
import { serveStatic } from '../test/e2e/harness/server';
import { launchFirefoxWithExtension, launchFirefoxWithoutExtension, type FirefoxWithExtension } from '../test/firefox/harness';
import { installProbes, lateInsertion, readExtensionRun, type ExtensionRun, type LateRun } from './in-page';
import { LATE_CLAIM, type BenchPage } from './pages';
import { baselineRun, type BaselineTab } from './baselines';
import { cpuModel, pagesFor, readMarkJs, type BenchOptions } from './run';
import { gateSurprise } from './own-pages';
import { sharedMedians, type BaselineRun, type SharedPageResult } from './page-medians';

/**
 * Firefox rounds performance.now() to 1 ms by default (privacy.reduceTimerPrecision),
 * coarser than many of our slices; without it the clock ticks in 20 µs. Set in both
 * browsers, so baselines and ours are read with the same clock.
 */
export const BENCH_PREFS = { 'privacy.reduceTimerPrecision': false };

export type FirefoxPageResult = SharedPageResult & {
  /** Every run, for the JSON (Firefox has no longtask entries: ExtensionRun's longTasks are always 0 here). */
  raw: { baseline: BaselineRun[]; extension: ExtensionRun[]; late: LateRun[] };
};

export interface FirefoxBenchResult {
  date: string;
  machine: { cpus: number; cpuModel: string; firefox: string; node: string };
  /** `pages`: the folder of one's own pages measured, when they were (own-pages.ts). */
  options: { runs: number; scale: number; pages?: string };
  /** The smallest step of performance.now() seen in the page, ms (with BENCH_PREFS). */
  clockStepMs: number;
  pages: FirefoxPageResult[];
}

const TIMEOUT = 120_000;
/** tsx keeps function names with an `__name` helper that the in-page copies would miss. */
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';

async function tab(ff: FirefoxWithExtension, probes: boolean): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.evaluateOnNewDocument(NAME_SHIM);
  if (probes) await page.evaluateOnNewDocument(installProbes);
  return page;
}

async function fresh(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
}

/** The smallest nonzero step of the page's clock (self-contained: runs in the page). */
function clockStep(): number {
  let step = Infinity;
  let last = performance.now();
  for (let i = 0; i < 1e6 && step > 0.001; i++) {
    const now = performance.now();
    if (now !== last) step = Math.min(step, now - last);
    last = now;
  }
  return step;
}

export async function runFirefoxBench(options: BenchOptions): Promise<FirefoxBenchResult> {
  const log = options.log ?? (() => undefined);
  const { pages, sizes, dir } = await pagesFor(options);
  const markJsSource = await readMarkJs();
  const server = await serveStatic(dir);
  const plain = await launchFirefoxWithoutExtension(BENCH_PREFS);
  const ext = await launchFirefoxWithExtension(BENCH_PREFS);
  try {
    const results: FirefoxPageResult[] = [];
    for (const p of pages) {
      log(`${p.name}: ${options.runs} run(s)`);
      const result = await benchPage(p, sizes.get(p.file) ?? 0, `${server.origin}/${p.file}`, plain, ext, markJsSource, options.runs);
      const surprise = options.ownPages === undefined ? null : gateSurprise(p, result.raw.extension.some((e) => e.wall !== null));
      if (surprise !== null) log(surprise);
      results.push(result);
    }
    const probe = await tab(ext, false);
    const clockStepMs = await probe.evaluate(clockStep);
    await probe.close();
    return {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: await cpuModel(), firefox: await ext.browser.version(), node: process.version },
      options: { runs: options.runs, scale: options.scale, ...(options.ownPages !== undefined ? { pages: dir } : {}) },
      clockStepMs,
      pages: results,
    };
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }
}

async function benchPage(
  p: BenchPage,
  htmlBytes: number,
  url: string,
  plain: FirefoxWithExtension,
  ext: FirefoxWithExtension,
  markJsSource: string,
  runs: number,
): Promise<FirefoxPageResult> {
  const mentionsMgt = p.claimParagraphs > 0;
  const baseline: FirefoxPageResult['raw']['baseline'] = [];
  const extension: ExtensionRun[] = [];
  const late: LateRun[] = [];
  const base = await tab(plain, false);
  const baselineTab: BaselineTab = {
    load: () => fresh(base, url),
    run: (fn, arg) => base.evaluate(fn, arg),
    addScript: async (content) => void (await base.addScriptTag({ content })),
  };
  for (let run = 0; run < runs; run++) {
    // Baselines: each on a fresh load of the same file, in the Firefox without the add-on.
    baseline.push(await baselineRun(baselineTab, markJsSource));

    // The add-on, on its own fresh tab (probes installed before the page loads).
    const page = await tab(ext, true);
    await fresh(page, url);
    extension.push(await page.evaluate(readExtensionRun, { timeoutMs: TIMEOUT }));
    if (mentionsMgt) late.push(await page.evaluate(lateInsertion, { html: LATE_CLAIM, storm: 0, timeoutMs: TIMEOUT }));
    await page.close();
  }
  await base.close();

  return {
    ...sharedMedians(p, htmlBytes, baseline, extension, late),
    raw: { baseline, extension, late },
  };
}
