// The Firefox benchmark's printed table: the Chromium table's columns that can be
// measured in Firefox, then the same ratios (bench/table.ts).
import type { FirefoxBenchResult, FirefoxPageResult } from './firefox-run';
import { grid, kb, ms, ownPagesLine, ratio, sharedColumns } from './table';

/** Every column the table shows, per page (the smoke test checks they are all finite). */
export function firefoxColumns(p: FirefoxPageResult): Record<string, number> {
  return { ...sharedColumns(p), slices: p.slices };
}

export function formatFirefoxTable(r: FirefoxBenchResult): string {
  const head = ['page', 'HTML', 'claims', 'floor', 'floor+regex', 'floor+triggers', 'mark.js', 'gate', 'ours: work', 'longest slice', 'slices', 'wall (scan)', 'nav→count', 'late: latency / work'];
  const rows = r.pages.map((p) => [
    p.name, kb(p.htmlBytes), String(p.claims), ms(p.floor), ms(p.floorRegex), ms(p.floorTriggers), ms(p.markJs), ms(p.gate), ms(p.work), ms(p.longestSlice),
    String(p.slices), ms(p.wall), ms(p.navToCount), p.late ? `${ms(p.late.latency)} / ${ms(p.late.work)}` : '—',
  ]);
  const ratioHead = ['page', 'work ÷ (floor+regex)', 'work ÷ (floor+triggers)', 'mark.js ÷ work', 'work ÷ gate'];
  const ratioRows = r.pages.map((p) => [p.name, ratio(p.work, p.floorRegex), ratio(p.work, p.floorTriggers), ratio(p.markJs, p.work), ratio(p.work, p.gate)]);
  const m = r.machine;
  return [
    `Firefox: medians of ${r.options.runs} run(s), ms. ${m.cpus} CPU(s), ${m.cpuModel}; ${m.firefox}; Node ${m.node}. ` +
      `Clock step in the page ${r.clockStepMs.toFixed(3)} ms (privacy.reduceTimerPrecision off in both browsers).${ownPagesLine(r.options.pages)}`,
    '',
    grid(head, rows),
    '',
    grid(ratioHead, ratioRows),
    '',
    'Not measured in Firefox: long tasks (no longtask entries), forced layouts, the prefilter\'s time in the background (the pass\'s detail is the content script\'s object, which Firefox keeps from the page), work outside slices and rendering after (Chromium traces), the popup, the bundle and the core in Node (browser-independent: npm run bench).',
  ].join('\n');
}
