// The browser's rendering work after our first pass starts to mark the page, from
// a Chromium trace: style, layout, pre-paint and paint on the page's main thread
// from our first slice that renders on. Our slices cannot include it (it runs
// in the frames after them), yet it is work we cause: the markers we insert move the text after them, and a
// stylesheet we add can restyle the page. The bench pages run no script of their
// own and have painted before our pass renders, so in that window this work is ours.
// A page without MgT gets no render slice (we add one attribute to <html>): zero.
import { sliceIntervals, type TraceEvent } from './trace';

const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']);
const TASK = /^(ThreadControllerImpl::RunTask|RunTask)$/;

export interface RenderingAfter {
  /** Total ms of rendering work from our first render slice on. */
  total: number;
  /** The longest task in that window that holds rendering work and none of our slices (ms). */
  longestTask: number;
}

/** Our first slice that renders (its detail names its phases: "detect+render"), or null. */
function firstRender(events: TraceEvent[]): TraceEvent | null {
  let first: TraceEvent | null = null;
  for (const e of events) {
    if (e.name === 'evidence-lens:slice' && e.ph === 'b' && /\brender\b/.test((e.args as { detail?: string } | undefined)?.detail ?? '')) {
      if (first === null || e.ts < first.ts) first = e;
    }
  }
  return first;
}

export function renderingAfterPass(events: TraceEvent[]): RenderingAfter {
  const slices = sliceIntervals(events);
  const main = firstRender(events); // on the page's main thread, where rendering runs
  if (main === null) return { total: 0, longestTask: 0 };
  const from = main.ts;
  const onMain = events.filter((e) => e.ph === 'X' && RENDERING.has(e.name) && e.ts >= from && e.pid === main.pid && e.tid === main.tid);
  const total = onMain.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
  let longest = 0;
  for (const t of events) {
    if (t.ph !== 'X' || !TASK.test(t.name) || t.pid !== main.pid || t.tid !== main.tid || t.ts < from) continue;
    const end = t.ts + (t.dur ?? 0);
    if (slices.some(([a, b]) => a < end && b > t.ts)) continue;
    if (onMain.some((e) => e.ts >= t.ts && e.ts < end)) longest = Math.max(longest, (t.dur ?? 0) / 1000);
  }
  return { total, longestTask: longest };
}
