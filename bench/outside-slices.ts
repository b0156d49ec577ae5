// Our main-thread time that no `evidence-lens:slice` measure covers, from a
// Chromium trace: compiling and evaluating the content script's files (the
// classic script, the scanner chunk when a page names MgT), V8 writing
// their code cache, and callbacks into our code between slices. Slices are
// measured from inside our code, so they cannot see this; the trace can. Ours are
// the main thread's script events that name an extension URL or our isolated
// world ("Evidence Lens"), and module evaluations recorded with neither (see
// `ours`), counted once where they nest, minus what lies inside our slices; and the
// same time in parts (`outsideSlicesParts`): loading our entry script, loading the
// scanner's chunks, and callbacks between slices (round 41).
import { sliceIntervals, type Interval, type TraceEvent } from './trace';

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceModuleCache',
  'v8.callFunction',
  'v8.run',
]);

const WORLD_NAME = 'Evidence Lens';

function ours(e: TraceEvent): boolean {
  const args = JSON.stringify(e.args ?? {});
  if (args.includes('chrome-extension://') || args.includes(`"worldName":"${WORLD_NAME}"`)) return true;
  // Chromium 150 records a module's evaluation with no arguments at all (no URL, no
  // world): the top level of our lazy chunks, ~1.8 ms on a page that names MgT, went
  // uncounted until round 16. The bench's pages load no module of their own, so such
  // an event on the page's thread is ours. (One with its world named is judged above.)
  return e.name === 'v8.evaluateModule' && args === '{}';
}

/** Sorted, disjoint intervals covering the same time. */
function union(intervals: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function overlap(a: Interval, bs: Interval[]): number {
  let t = 0;
  for (const b of bs) t += Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  return t;
}

/** Events that load our files: the entry's classic script, and the lazy chunks (modules) it imports. */
const ENTRY_LOADING = new Set(['EvaluateScript', 'v8.compile', 'v8.run']);
const CHUNK_LOADING = new Set(['v8.compileModule', 'v8.evaluateModule', 'v8.produceModuleCache']);

/**
 * Our work outside our slices, in parts (ms): loading the entry (compiling and
 * running the classic script every frame gets), loading the lazy chunks a page
 * that names MgT imports (reading their code cache, or compiling them, and
 * evaluating them), and the rest, callbacks into our code between slices. Where
 * they nest, time goes to the chunks first, then to the entry.
 */
export interface OutsideParts {
  entry: number;
  chunks: number;
  callbacks: number;
}

/** Sum of the parts of `intervals` (disjoint) that lie outside `cover` (disjoint). */
function lengthOutside(intervals: Interval[], cover: Interval[]): number {
  let t = 0;
  for (const a of intervals) t += a[1] - a[0] - overlap(a, cover);
  return t;
}

/** Our script work on the page's main thread outside our slices, by part (ms). */
export function outsideSlicesParts(events: TraceEvent[]): OutsideParts {
  const mine = events.filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && ours(e));
  // The page's main thread: where our content script was evaluated.
  // (Our classic script's evaluation first: a module evaluated without arguments may be
  // our background's, on its own thread.)
  const main = mine.find((e) => e.name === 'EvaluateScript') ?? mine.find((e) => e.name === 'v8.evaluateModule');
  if (!main) return { entry: 0, chunks: 0, callbacks: 0 };
  const onMain = mine.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const span = (e: TraceEvent): Interval => [e.ts, e.ts + (e.dur ?? 0)];
  const covered = union(onMain.map(span));
  const slices = union(sliceIntervals(events));
  const chunks = union(onMain.filter((e) => CHUNK_LOADING.has(e.name)).map(span));
  const entry = union(onMain.filter((e) => ENTRY_LOADING.has(e.name)).map(span));
  const chunkUs = lengthOutside(chunks, slices);
  const entryUs = lengthOutside(entry, union([...slices, ...chunks]));
  const allUs = lengthOutside(covered, slices);
  return { entry: entryUs / 1000, chunks: chunkUs / 1000, callbacks: (allUs - entryUs - chunkUs) / 1000 };
}

/** The parts' sum: all our script work outside our slices (ms). */
export function partsTotal({ entry, chunks, callbacks }: OutsideParts): number {
  return entry + chunks + callbacks;
}

/** Milliseconds of our script work on the page's main thread outside our slices. */
export function outsideSlicesMs(events: TraceEvent[]): number {
  return partsTotal(outsideSlicesParts(events));
}
