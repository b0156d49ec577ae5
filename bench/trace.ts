// Chromium traces for the benchmark: recording one (CDP Tracing) around an action
// on a page, and reading our slices out of it.
import type { BrowserContext, Page } from 'playwright-core';

/** The fields of a trace event the benchmark reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: Record<string, unknown>;
}

/** What a traced first pass records: script events (v8), rendering, our User Timing, and tasks (`toplevel`). */
export const FIRST_PASS_CATEGORIES = 'devtools.timeline,v8,blink.user_timing,toplevel';

/** A span of trace time, [start, end) in µs. */
export type Interval = [number, number];

/** Our slices, paired from the User Timing measures' begin and end events (µs). */
export function sliceIntervals(events: TraceEvent[]): Interval[] {
  const open = new Map<string, number>();
  const out: Interval[] = [];
  const measures = events.filter((e) => e.name === 'evidence-lens:slice' && (e.ph === 'b' || e.ph === 'e')).sort((a, b) => a.ts - b.ts);
  for (const e of measures) {
    const id = e.id2?.local ?? e.id ?? '';
    if (e.ph === 'b') open.set(id, e.ts);
    else {
      const start = open.get(id);
      if (start !== undefined) out.push([start, e.ts]);
      open.delete(id);
    }
  }
  return out;
}

export async function recordTrace(context: BrowserContext, page: Page, categories: string, action: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}
