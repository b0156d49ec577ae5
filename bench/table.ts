// The benchmark's printed table: medians per page, then the ratios the targets are stated in.
import type { SharedPageResult } from './page-medians';
import type { BenchResult, PageResult } from './run';
import { kept, mb } from './heap-kept';

export const ms = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(x < 10 ? 1 : 0));
export const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—');
export const kb = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`);

/** The columns both benchmarks show (Chromium's and Firefox's: firefox-table.ts), per page. */
export function sharedColumns(p: SharedPageResult): Record<string, number> {
  const cols: Record<string, number> = {
    floor: p.floor,
    floorRegex: p.floorRegex,
    floorTriggers: p.floorTriggers,
    markJs: p.markJs,
    gate: p.gate,
    claims: p.claims,
    work: p.work,
    longestSlice: p.longestSlice,
    navToCount: p.navToCount,
  };
  if (p.mentionsMgt) {
    cols.wall = p.wall ?? Number.NaN;
    cols.lateLatency = p.late?.latency ?? Number.NaN;
    cols.lateWork = p.late?.work ?? Number.NaN;
  }
  return cols;
}

/** Every column the table shows, per page (the smoke test checks they are all finite). */
export function columns(p: PageResult): Record<string, number> {
  const cols: Record<string, number> = {
    ...sharedColumns(p),
    longTasks: p.longTasks,
    forcedLayouts: p.forcedLayouts.scan,
    outsideSlices: p.outsideSlices,
    workSameTab: p.workSameTab,
    heapKeptJs: kept(p.heap).js,
    heapKeptDom: kept(p.heap).dom,
  };
  if (p.mentionsMgt) {
    cols.stormPasses = p.storm?.passes ?? Number.NaN;
    cols.stormWork = p.storm?.work ?? Number.NaN;
    cols.forcedLayoutsCard = p.forcedLayouts.card ?? Number.NaN;
    cols.renderingAfter = p.renderingAfter.total;
    cols.renderingLongestTask = p.renderingAfter.longestTask;
  }
  return cols;
}

function row(cells: string[], widths: number[]): string {
  return '| ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
}

export function grid(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [row(head, widths), row(widths.map((w) => '-'.repeat(w)), widths), ...rows.map((r) => row(r, widths))].join('\n');
}

/** Block text in millions of characters, as MB (in thousands, as KB, for a small page of one's own). */
function textSize(mb: number): string {
  return mb >= 0.1 ? `${mb.toFixed(2)} MB` : `${(mb * 1000).toFixed(1)} KB`;
}

/** The header's note when the pages were one's own (own-pages.ts). */
export function ownPagesLine(folder: string | undefined): string {
  return folder === undefined ? '' : ` Pages of one's own, from ${folder}.`;
}

export function formatTable(r: BenchResult): string {
  const head = [
    'page', 'HTML', 'claims', 'floor', 'floor+regex', 'floor+triggers', 'mark.js', 'gate', 'ours: work', 'work, same tab', 'outside slices', 'longest slice', 'rendering after: total / longest task', 'long tasks',
    'wall (scan)', 'background', 'nav→count', 'late: latency / work', 'storm: passes / work', 'forced layouts: scan / card',
  ];
  const rows = r.pages.map((p) => [
    p.name, kb(p.htmlBytes), String(p.claims), ms(p.floor), ms(p.floorRegex), ms(p.floorTriggers), ms(p.markJs), ms(p.gate), ms(p.work), ms(p.workSameTab),
    ms(p.outsideSlices), ms(p.longestSlice), p.mentionsMgt ? `${ms(p.renderingAfter.total)} / ${ms(p.renderingAfter.longestTask)}` : '—', String(p.longTasks), ms(p.wall), ms(p.background), ms(p.navToCount),
    p.late ? `${ms(p.late.latency)} / ${ms(p.late.work)}` : '—', p.storm ? `${p.storm.passes} / ${ms(p.storm.work)}` : '—',
    `${p.forcedLayouts.scan} / ${p.forcedLayouts.card ?? '—'}`,
  ]);
  // "all": the work in slices plus our work outside them (loading our scripts).
  const ratioHead = ['page', 'work ÷ (floor+regex)', 'all ÷ (floor+regex)', 'same tab ÷ (floor+regex)', 'work ÷ (floor+triggers)', 'mark.js ÷ work', 'mark.js ÷ all', 'mark.js ÷ same tab', 'work ÷ gate', 'all ÷ gate', 'same tab ÷ gate'];
  const ratioRows = r.pages.map((p) => {
    const all = p.work + p.outsideSlices;
    return [
      p.name, ratio(p.work, p.floorRegex), ratio(all, p.floorRegex), ratio(p.workSameTab, p.floorRegex), ratio(p.work, p.floorTriggers), ratio(p.markJs, p.work), ratio(p.markJs, all),
      ratio(p.markJs, p.workSameTab), ratio(p.work, p.gate), ratio(all, p.gate), ratio(p.workSameTab, p.gate),
    ];
  });
  // Where "outside slices" goes (each part's median, so they need not add up to the column's).
  const outsideHead = ['page', 'outside slices', 'loading our entry script', "loading the scanner's chunks", 'callbacks between slices'];
  const outsideRows = r.pages.map((p) => [p.name, ms(p.outsideSlices), ms(p.outsideParts.entry), p.mentionsMgt ? ms(p.outsideParts.chunks) : '—', ms(p.outsideParts.callbacks)]);
  const heapHead = ['page', 'JS heap: without us / with us / ours (MB)', 'DOM heap: without us / with us / ours (MB)'];
  const heapRows = r.pages.map((p) => {
    const ours = kept(p.heap);
    return [p.name, `${mb(p.heap.without.js)} / ${mb(p.heap.withExtension.js)} / ${mb(ours.js)}`, `${mb(p.heap.without.dom)} / ${mb(p.heap.withExtension.dom)} / ${mb(ours.dom)}`];
  });
  const m = r.machine;
  return [
    `Medians of ${r.options.runs} run(s), ms. ${m.cpus} CPU(s), ${m.cpuModel}; ${m.chromium}; Node ${m.node}.${ownPagesLine(r.options.pages)}`,
    '',
    grid(head, rows),
    '',
    grid(ratioHead, ratioRows),
    '',
    '"work, same tab": our first pass when the page is loaded again in the tab that loaded it before, as every baseline is measured (one tab, navigated again for each); "work" is measured in a new tab each run. A tab keeps its renderer for a page of the same site, and the renderer\'s V8 keeps compiled code and regular expressions between loads. "outside slices": our script work on the page\'s thread that no slice measures (compiling and evaluating our files, callbacks between slices), from traced runs; "all" adds it to the work. "rendering after": the browser\'s style, layout, pre-paint and paint from our first slice that renders on (what our changes to the page cost it), and its longest task holding such work, from the same traces. "background": the first pass\'s prefilter and, since round 32, its detection in the extension\'s background (src/content/prefilter-offload.ts, src/content/detect-offload.ts), our work but not on the page\'s thread, so not in "work".',
    `A content script that only listens for messages and reads its settings (what ours does on every page before reading it), measured the same way on the ${r.blankContentScriptPage} page: ${ms(r.blankContentScript)} ms.`,
    '',
    '"Outside slices" by part (medians of the traced runs, each part on its own): compiling and running the classic script every page gets; reading the code cache of (or compiling) and evaluating the chunks a page that names MgT imports; and the rest, callbacks into our code that run between our slices.',
    '',
    grid(outsideHead, outsideRows),
    '',
    'What our content script keeps in memory: the page renderer\'s two heaps after our first pass (or the closed gate), two seconds more and three full garbage collections, from one load in a browser of its own each (the figures repeat from load to load; bench/heap-kept.ts): V8\'s (the JS heap, which the page\'s world and our isolated world share: our code, our data) and Blink\'s (the DOM heap: nodes, styles and layout, our markers\' among them).',
    '',
    grid(heapHead, heapRows),
    '',
    `A content script that only listens for messages and reads its settings keeps ${mb(r.blankContentScriptHeap.js)} MB of JS heap and ${mb(r.blankContentScriptHeap.dom)} MB of DOM heap the same way on the ${r.blankContentScriptPage} page.`,
    '',
    `Content script initial bundle: ${(r.bundle.gzipBytes / 1024).toFixed(1)} KB gzipped (${r.bundle.files.length} files); ` +
      `scanner chunk, loaded only on pages naming MgT: ${(r.bundle.lazyGzipBytes / 1024).toFixed(1)} KB gzipped.`,
    `Popup first render: ${ms(r.popupFirstRender)} ms after navigation start; its document had arrived at ${ms(r.popupDocumentAt)} ms, so ${ms(r.popupFirstRender - r.popupDocumentAt)} ms after it opened. ` +
      `An extension page with one empty module script, measured the same way: ${ms(r.blankExtensionPage)} ms.`,
    `Core in Node (${textSize(r.core.textMB)} of block text): scanPage ${ms(r.core.scanMsPerMB)} ms/MB ` +
      `(detectClaims ${ms(r.core.detectMsPerMB)}, summarizeProduct ${ms(r.core.productMsPerMB)}).`,
    `Core profile during scanPage, inclusive ms/MB: ${Object.entries(r.core.profile)
      .map(([name, v]) => `${name} ${ms(v)}`)
      .join(', ')}.`,
  ].join('\n');
}
