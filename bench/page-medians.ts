// The medians over a page's runs of what both benchmarks measure: the in-page
// baselines, the extension's first pass and the late insertion (Chromium's in
// run.ts, Firefox's in firefox-run.ts).
import type { ExtensionRun, LateRun } from './in-page';
import type { BenchPage } from './pages';
import type { PageResult } from './run';
import { median } from './stats';

export type SharedPageResult = Pick<
  PageResult,
  'name' | 'htmlBytes' | 'mentionsMgt' | 'floor' | 'floorRegex' | 'floorTriggers' | 'regexMatches' | 'markJs' | 'gate' | 'claims' | 'work' | 'longestSlice' | 'slices' | 'wall' | 'background' | 'navToCount' | 'late'
>;

export type BaselineRun = PageResult['raw']['baseline'][number];

/** Medians of late insertions (the most passes any started); null when none was measured. */
export function lateMedian(xs: LateRun[]): LateRun | null {
  return xs.length === 0
    ? null
    : { latency: median(xs.map((x) => x.latency)), work: median(xs.map((x) => x.work)), passes: Math.max(...xs.map((x) => x.passes)) };
}

/** The median of the runs whose prefilter ran in the background; null when none did. */
function backgroundMedian(extension: ExtensionRun[]): number | null {
  const xs = extension.flatMap((e) => (e.background === null ? [] : [e.background]));
  return xs.length === 0 ? null : median(xs);
}

export function sharedMedians(p: BenchPage, htmlBytes: number, baseline: BaselineRun[], extension: ExtensionRun[], late: LateRun[]): SharedPageResult {
  const m = median;
  const mentionsMgt = p.claimParagraphs > 0;
  return {
    name: p.name,
    htmlBytes,
    mentionsMgt,
    floor: m(baseline.map((b) => b.floor.ms)),
    floorRegex: m(baseline.map((b) => b.floorRegex.ms)),
    floorTriggers: m(baseline.map((b) => b.floorTriggers.ms)),
    regexMatches: m(baseline.map((b) => b.floorRegex.n)),
    markJs: m(baseline.map((b) => b.markJs.ms)),
    gate: m(baseline.map((b) => b.gate.ms)),
    claims: m(extension.map((e) => e.claims)),
    work: m(extension.map((e) => e.work)),
    longestSlice: m(extension.map((e) => e.longestSlice)),
    slices: m(extension.map((e) => e.slices)),
    // No pass runs where the gate stays closed.
    wall: mentionsMgt ? m(extension.map((e) => e.wall ?? Number.NaN)) : null,
    background: backgroundMedian(extension),
    navToCount: m(extension.map((e) => e.navToCount)),
    late: lateMedian(late),
  };
}
