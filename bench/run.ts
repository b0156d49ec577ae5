// The benchmark: on the same generated pages, in one run of real Chromium,
// measures the floor (a bare TreeWalker read), floor + one combined regex,
// mark.js with that regex, the cheap gate, and the extension's own User Timing.
// Each measurement gets a freshly loaded page (a first read of a DOM pays for
// creating its JS wrappers; no measurement may inherit another's).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic } from '../test/e2e/harness/server';
import { launchPlain, launchWithExtension } from './browser';
import { contentScriptSize, type BundleSize } from './bundle';
import {
  installProbes,
  lateInsertion,
  openFirstCard,
  readExtensionRun,
  type ExtensionRun,
  type LateRun,
  type Timed,
} from './in-page';
import { countForcedLayouts } from './forced-layout';
import { outsideSlicesParts, partsTotal, type OutsideParts } from './outside-slices';
import { FIRST_PASS_CATEGORIES, recordTrace } from './trace';
import { renderingAfterPass, type RenderingAfter } from './rendering-after';
import { blankContentScript, blankContentScriptHeap } from './blank-content-script';
import { heapAfterLoad, kept, type Heap, type HeapKept } from './heap-kept';
import { coreCost, type CoreCost } from './node-core';
import { benchPages, generatePage, LATE_CLAIM, type BenchPage } from './pages';
import { gateSurprise, ownPages, type ServedPages } from './own-pages';
import { baselineRun, type BaselineTab } from './baselines';
import { median } from './stats';
import { lateMedian, sharedMedians } from './page-medians';

export const BENCH_DIR = resolve(import.meta.dirname);
export const DIST = resolve(BENCH_DIR, '../dist');

export interface BenchOptions {
  runs: number;
  /** 1 = 100 KB / 1 MB / 5 MB pages; the smoke test uses a small fraction. */
  scale: number;
  /** Where the pages are written (gitignored). */
  pagesDir: string;
  /** A folder of one's own pages to measure instead of the generated ones (own-pages.ts; nothing is written to `pagesDir` then, and `scale` is unused). */
  ownPages?: string;
  log?: (line: string) => void;
}

export interface PageResult {
  name: string;
  htmlBytes: number;
  mentionsMgt: boolean;
  /** Medians over the runs. */
  floor: number;
  floorRegex: number;
  /** Floor + every claim trigger as one regex (bench/regex.ts), a heavier baseline reported beside floor + regex. */
  floorTriggers: number;
  regexMatches: number;
  markJs: number;
  gate: number;
  claims: number;
  work: number;
  longestSlice: number;
  slices: number;
  /**
   * Our first pass's work (median) when the page is loaded again in the tab that
   * loaded it before, as every baseline is measured (one tab, navigated again for
   * each): the browser keeps the tab's renderer, whose V8 keeps compiled code and
   * regular expressions between the loads. `work` is measured in a new tab each run.
   */
  workSameTab: number;
  wall: number | null;
  /** The first pass's prefilter in the extension's background, ms (null: it ran on the page's thread). */
  background: number | null;
  navToCount: number;
  longTasks: number;
  longestTask: number;
  late: LateRun | null;
  storm: LateRun | null;
  /**
   * Layouts and style recalcs our scripts forced, from one traced run: while
   * scanning (load, first pass, a late insertion), and, as the control, while
   * opening a card (which measures by design; null on pages without claims).
   */
  forcedLayouts: { scan: number; card: number | null };
  /**
   * Our main-thread work during the first pass that no slice covers (loading and
   * evaluating our scripts, callbacks between slices), from traced runs (median):
   * outside-slices.ts.
   */
  outsideSlices: number;
  /** The same, in parts (each part's median): loading our entry script, loading the scanner's chunks, callbacks. */
  outsideParts: OutsideParts;
  /** The browser's rendering work after our pass began, from the same traced runs (medians): rendering-after.ts. */
  renderingAfter: RenderingAfter;
  /** The page renderer's heaps after our first pass, with the extension and without it (bytes; one load each, in fresh browsers): heap-kept.ts. */
  heap: HeapKept;
  /** Every run, for the JSON. */
  raw: { baseline: { floor: Timed; floorRegex: Timed; floorTriggers: Timed; markJs: Timed; gate: Timed }[]; extension: ExtensionRun[]; sameTab: ExtensionRun[] };
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; cpuModel: string; chromium: string; node: string };
  /** `pages`: the folder of one's own pages measured, when they were (own-pages.ts). */
  options: { runs: number; scale: number; pages?: string };
  pages: PageResult[];
  bundle: BundleSize;
  /** The popup's first render, ms after navigation start (medians). */
  popupFirstRender: number;
  /** When the popup's document had arrived (navigation timing responseEnd): the browser's part before our code runs. */
  popupDocumentAt: number;
  /** The floor for the popup: an extension page with one empty module script, its script run (ms after navigation start). */
  blankExtensionPage: number;
  /** The floor for "outside slices": a content script that only listens and reads its settings, on the 1 MB page without MgT (blank-content-script.ts). */
  blankContentScript: number;
  /** The page it was measured on (among one's own pages, the first without MgT, or the first). */
  blankContentScriptPage: string;
  /** The heaps that content script keeps on the same page, bytes over the page's own (heap-kept.ts). */
  blankContentScriptHeap: Heap;
  core: CoreCost;
}

const TIMEOUT = 120_000;

async function fresh(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
}

export async function cpuModel(): Promise<string> {
  try {
    const info = await readFile('/proc/cpuinfo', 'utf8');
    return /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Generates the benchmark's pages at `scale` into `dir`; their HTML sizes in bytes by file name. */
export async function writePages(scale: number, dir: string): Promise<{ pages: BenchPage[]; sizes: Map<string, number> }> {
  const pages = benchPages(scale);
  await mkdir(dir, { recursive: true });
  const sizes = new Map<string, number>();
  for (const p of pages) {
    const html = generatePage(p);
    sizes.set(p.file, Buffer.byteLength(html));
    await writeFile(join(dir, p.file), html);
  }
  return { pages, sizes };
}

/** The pages a run measures, and the folder they are served from: the generated ones written at `scale`, or a folder of one's own. */
export async function pagesFor(options: BenchOptions): Promise<ServedPages> {
  if (options.ownPages !== undefined) return ownPages(options.ownPages);
  return { ...(await writePages(options.scale, options.pagesDir)), dir: options.pagesDir };
}

/** The HTML the core is timed on in Node: the 1 MB page; among one's own, the first that names MgT (or the first). */
async function coreHtml(options: BenchOptions, pages: readonly BenchPage[], dir: string): Promise<string> {
  if (options.ownPages === undefined) return generatePage(pages[1] as BenchPage);
  const page = (pages.find((p) => p.claimParagraphs > 0) ?? pages[0]) as BenchPage;
  return readFile(join(dir, decodeURIComponent(page.file)), 'utf8');
}

/** mark.js's browser build, injected into the page for its baseline. */
export function readMarkJs(): Promise<string> {
  return readFile(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const { pages, sizes, dir } = await pagesFor(options);
  const markJsSource = await readMarkJs();

  const server = await serveStatic(dir);
  const plain = await launchPlain();
  const ext = await launchWithExtension();
  // tsx keeps function names with an `__name` helper that the in-page copies would miss.
  for (const c of [plain.context, ext.context]) await c.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  try {
    const chromium = plain.context.browser()?.version() ?? (await versionOf(plain.context.pages()[0]));
    const results: PageResult[] = [];
    for (const p of pages) {
      log(`${p.name}: ${options.runs} run(s)`);
      const result = await benchPage(p, sizes.get(p.file) ?? 0, server.origin, plain.context, ext.context, markJsSource, options.runs);
      const surprise = options.ownPages === undefined ? null : gateSurprise(p, result.raw.extension.some((e) => e.wall !== null));
      if (surprise !== null) log(surprise);
      results.push({ ...result, heap: await pageHeap(p, server.origin) });
    }
    const { render: popupFirstRender, documentAt: popupDocumentAt } = await popupRender(ext.context, ext.extensionId, options.runs);
    const blankExtensionPage = await blankPageRender(ext.context, ext.extensionId, options.runs);
    // (Among one's own pages there may be none without MgT: the content script that only listens does the same on any page.)
    const noMgt = (pages.find((p) => p.claimParagraphs === 0) ?? pages[0]) as BenchPage;
    const blankCs = await blankContentScript(`${server.origin}/${noMgt.file}`, options.runs);
    const blankHeap = kept({
      without: results.find((r) => r.name === noMgt.name)?.heap.without ?? { js: Number.NaN, dom: Number.NaN },
      withExtension: await blankContentScriptHeap(`${server.origin}/${noMgt.file}`, TIMEOUT),
    });
    const core = await coreCost(await coreHtml(options, pages, dir), Math.max(1, options.runs));
    return {
      date: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, cpuModel: await cpuModel(), chromium, node: process.version },
      options: { runs: options.runs, scale: options.scale, ...(options.ownPages !== undefined ? { pages: dir } : {}) },
      pages: results,
      bundle: contentScriptSize(DIST),
      popupFirstRender,
      popupDocumentAt,
      blankExtensionPage,
      blankContentScript: blankCs,
      blankContentScriptPage: noMgt.name,
      blankContentScriptHeap: blankHeap,
      core,
    };
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }
}

async function versionOf(page: Page | undefined): Promise<string> {
  if (!page) return 'unknown';
  return page.evaluate(() => navigator.userAgent);
}

type Context = Awaited<ReturnType<typeof launchPlain>>['context'];

/**
 * The page's heap without the extension and with it, each from one load in a
 * browser of its own (heap-kept.ts says why), our first pass over (or the gate closed).
 */
async function pageHeap(p: BenchPage, origin: string): Promise<HeapKept> {
  const url = `${origin}/${p.file}`;
  const plain = await launchPlain();
  const without = await heapAfterLoad(plain.context, url, 'load', TIMEOUT).finally(() => plain.close());
  const ext = await launchWithExtension();
  const withExtension = await heapAfterLoad(ext.context, url, p.claimParagraphs > 0 ? 'first pass' : 'count', TIMEOUT).finally(() => ext.close());
  return { without, withExtension };
}

async function benchPage(
  p: BenchPage,
  htmlBytes: number,
  origin: string,
  plain: Context,
  ext: Context,
  markJsSource: string,
  runs: number,
): Promise<Omit<PageResult, 'heap'>> {
  const url = `${origin}/${p.file}`;
  const mentionsMgt = p.claimParagraphs > 0;
  const baseline: PageResult['raw']['baseline'] = [];
  const extension: ExtensionRun[] = [];
  const late: LateRun[] = [];
  const storm: LateRun[] = [];
  const sameTab: ExtensionRun[] = [];
  const tab = await plain.newPage();
  const baselineTab: BaselineTab = {
    load: () => fresh(tab, url),
    run: (fn, arg) => tab.evaluate(fn, arg),
    addScript: async (content) => void (await tab.addScriptTag({ content })),
  };
  // The extension in one tab too, loaded again each run, as the baselines are (`workSameTab`).
  const again = await ext.newPage();
  await again.addInitScript(installProbes);
  for (let run = 0; run < runs; run++) {
    // Baselines: each on a fresh load of the same file, no extension in this browser.
    baseline.push(await baselineRun(baselineTab, markJsSource));

    // The extension, on its own fresh page (probes installed before the page loads).
    const page = await ext.newPage();
    await page.addInitScript(installProbes);
    await fresh(page, url);
    extension.push(await page.evaluate(readExtensionRun, { timeoutMs: TIMEOUT }));
    if (mentionsMgt) {
      late.push(await page.evaluate(lateInsertion, { html: LATE_CLAIM, storm: 0, timeoutMs: TIMEOUT }));
      storm.push(await page.evaluate(lateInsertion, { html: LATE_CLAIM, storm: 20, timeoutMs: TIMEOUT }));
    }
    await page.close();
    await fresh(again, url);
    sameTab.push(await again.evaluate(readExtensionRun, { timeoutMs: TIMEOUT }));
  }
  await tab.close();
  await again.close();
  const forcedLayouts = await tracedRun(ext, url, mentionsMgt);
  const outside: OutsideParts[] = [];
  const rendering: RenderingAfter[] = [];
  for (let run = 0; run < runs; run++) {
    const traced = await tracedFirstPass(ext, url, mentionsMgt);
    outside.push(traced.outside);
    rendering.push(traced.rendering);
  }

  return {
    ...sharedMedians(p, htmlBytes, baseline, extension, late),
    workSameTab: median(sameTab.map((e) => e.work)),
    longTasks: Math.max(...extension.map((e) => e.longTasks)),
    longestTask: Math.max(...extension.map((e) => e.longestTask)),
    storm: lateMedian(storm),
    forcedLayouts,
    outsideSlices: median(outside.map(partsTotal)),
    outsideParts: { entry: median(outside.map((o) => o.entry)), chunks: median(outside.map((o) => o.chunks)), callbacks: median(outside.map((o) => o.callbacks)) },
    renderingAfter: { total: median(rendering.map((r) => r.total)), longestTask: median(rendering.map((r) => r.longestTask)) },
    raw: { baseline, extension, sameTab },
  };
}

/** One more run of the extension on the page, traced: the layouts it forces (see forced-layout.ts). */
async function tracedRun(ext: Context, url: string, mentionsMgt: boolean): Promise<PageResult['forcedLayouts']> {
  const page = await ext.newPage();
  await page.addInitScript(installProbes);
  try {
    const scan = await countForcedLayouts(ext, page, async () => {
      await fresh(page, url);
      await page.evaluate(readExtensionRun, { timeoutMs: TIMEOUT });
      if (mentionsMgt) await page.evaluate(lateInsertion, { html: LATE_CLAIM, storm: 0, timeoutMs: TIMEOUT });
    });
    const card = mentionsMgt ? await countForcedLayouts(ext, page, () => page.evaluate(openFirstCard, { timeoutMs: TIMEOUT })) : null;
    return { scan, card };
  } finally {
    await page.close();
  }
}

/**
 * One more first pass, traced lightly: our script work outside our slices
 * (outside-slices.ts) and the rendering after our pass (rendering-after.ts), for
 * which the trace runs on until two frames have followed the pass.
 */
async function tracedFirstPass(ext: Context, url: string, mentionsMgt: boolean): Promise<{ outside: OutsideParts; rendering: RenderingAfter }> {
  const page = await ext.newPage();
  await page.addInitScript(installProbes);
  try {
    const events = await recordTrace(ext, page, FIRST_PASS_CATEGORIES, async () => {
      await fresh(page, url);
      await page.evaluate(readExtensionRun, { timeoutMs: TIMEOUT });
      await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200)))));
    });
    return { outside: outsideSlicesParts(events), rendering: renderingAfterPass(events) };
  } finally {
    await page.close();
  }
}

/**
 * The popup's floor, measured like it: an extension page whose one module script
 * only marks the time. Written into the loaded (unpacked) extension's folder for
 * the run, and removed after.
 */
async function blankPageRender(ext: Context, extensionId: string, runs: number): Promise<number> {
  const html = join(DIST, 'bench-blank.html');
  const script = join(DIST, 'bench-blank.js');
  await writeFile(html, '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/bench-blank.js"></script></head><body></body></html>');
  await writeFile(script, "performance.mark('evidence-lens:popup-rendered');\n");
  try {
    const times: number[] = [];
    for (let i = 0; i < Math.max(1, runs); i++) {
      const page = await ext.newPage();
      await page.goto(`chrome-extension://${extensionId}/bench-blank.html`);
      times.push(
        await page
          .waitForFunction(() => performance.getEntriesByName('evidence-lens:popup-rendered')[0]?.startTime ?? false, null, { timeout: 10_000 })
          .then((h) => h.jsonValue() as Promise<number>)
          .catch(() => Number.NaN),
      );
      await page.close();
    }
    return median(times);
  } finally {
    await rm(html, { force: true });
    await rm(script, { force: true });
  }
}

/**
 * Opens the popup as a page and reads its `evidence-lens:popup-rendered` mark (ms
 * after navigation start), and when its document had arrived (responseEnd).
 */
async function popupRender(ext: Context, extensionId: string, runs: number): Promise<{ render: number; documentAt: number }> {
  const renders: number[] = [];
  const arrivals: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const page = await ext.newPage();
    await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    const t = await page
      .waitForFunction(() => performance.getEntriesByName('evidence-lens:popup-rendered')[0]?.startTime ?? false, null, {
        timeout: 10_000,
      })
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => Number.NaN);
    renders.push(t);
    arrivals.push(
      await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? Number.NaN),
    );
    await page.close();
  }
  return { render: median(renders), documentAt: median(arrivals) };
}
