// User Timing marks (visible in DevTools' Performance panel) and yielding to the
// main thread so a scan never blocks input for long.
import { Wait, takeLongStepNext } from '../core/steps';

export const MARK_START = 'evidence-lens:start';
export const MEASURE_SCAN = 'evidence-lens:scan';
export const MEASURE_SLICE = 'evidence-lens:slice';
/** A pass waiting for work done elsewhere (the prefilter in the background): not our page-thread work. */
export const MEASURE_WAIT = 'evidence-lens:wait';

/** Longest uninterrupted piece of work we aim for, in ms (long tasks start at 50). */
export const SLICE_BUDGET_MS = 25;
/**
 * The budget of a change's pass, run in the observer's callback: yielding hands
 * the page its layout first (hundreds of ms on a huge page) before the mark shows,
 * so a change gets nearly the whole 50 ms before it yields.
 */
export const CHANGE_BUDGET_MS = 40;

/**
 * The page's performance timeline keeps every entry until the page clears it, so
 * a page that changes all day must not collect our entries forever.
 */
const MAX_ENTRIES = 5000;
let entries = 0;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** How many times our passes have handed the page its thread (yieldToMain, or a wait for the background). */
let turns = 0;

/**
 * A count that moves whenever a pass lets the page run: work that checked the page
 * at one count and finds the same count later knows the page has not changed since
 * (nothing of the page's runs inside our synchronous steps).
 */
export function pageTurns(): number {
  return turns;
}

/** Lets the browser handle input and paint before we continue. */
export function yieldToMain(): Promise<void> {
  turns++;
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  // MessageChannel runs sooner than setTimeout(0), which is clamped to 4 ms after nesting.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Longest wait for each of the page's first frames and an idle moment: a hidden frame or tab draws none, a busy page never idles. */
export const SETTLE_TIMEOUT_MS = 500;

/**
 * Resolves once the page has loaded, drawn two frames since, and the browser has
 * an idle moment (each wait bounded by SETTLE_TIMEOUT_MS). `document_idle` comes
 * right before the page's `load`, and the page's first frames follow it: read then,
 * the gate competed with them for the machine, 20–25 ms against 16–19 ms read
 * after them (medians of 11 on the 1 MB bench page without MgT; README,
 * Performance). A content script loaded as modules started later only because
 * loading them took that long.
 */
export function pageSettled(doc: Document): Promise<void> {
  const win = doc.defaultView;
  if (!win) return Promise.resolve();
  const bounded = (wait: (done: () => void) => void): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = win.setTimeout(resolve, SETTLE_TIMEOUT_MS);
      wait(() => {
        win.clearTimeout(timer);
        resolve();
      });
    });
  const loaded =
    doc.readyState === 'complete' ? Promise.resolve() : bounded((done) => win.addEventListener('load', done, { once: true }));
  const frame = (): Promise<void> => bounded((done) => win.requestAnimationFrame(done));
  const idle = (): Promise<void> =>
    bounded((done) => (typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback(done) : win.setTimeout(done, 0)));
  return loaded.then(frame).then(frame).then(idle);
}

function record(fn: () => void): void {
  if (entries >= MAX_ENTRIES) return;
  entries++;
  try {
    fn();
  } catch {
    // User Timing can throw (e.g. a cleared mark); timing is never worth breaking a pass.
  }
}

export function markPassStart(): void {
  record(() => performance.mark(MARK_START));
}

/** How the pass read the page: whole or sparsely, how many blocks, and (first pass) how the gate read its text. */
export interface PassDetail {
  read: 'whole' | 'sparse';
  blocks: number;
  gate?: GateRead;
  /** The most characters one native call read for this pass's text (gate included): what bounds its longest read. */
  longestRead?: number;
  /** Set when a change's pass read the whole page again, where it should read only what changed. */
  reread?: boolean;
  /** The background's ms for the prefilter and detection, when they ran there (prefilter-offload.ts, detect-offload.ts): our work, off the page's thread. */
  offThreadMs?: number;
}

/** The gate's read of the page's text: one `textContent` call, pieces that lead back to nodes, or runs of siblings. */
export type GateRead = 'one call' | 'pieces' | 'runs';

/** Ends the pass's wall-time measure; `detail` says how the page was read (shown in DevTools, read by tests). */
export function measurePass(detail?: PassDetail): void {
  record(() => performance.measure(MEASURE_SCAN, { start: MARK_START, detail }));
}

/** Records one uninterrupted slice of our work that began at `start` (performance.now()); `detail` names what it did. */
export function measureSlice(start: number, detail = 'gate'): void {
  const end = performance.now();
  record(() => performance.measure(MEASURE_SLICE, { start, end, detail }));
}

/**
 * A slice this far along yields before a step announced as long (`longStepNext` in
 * core/steps.ts: a query over a whole huge page, 20–30 ms over 276,000 elements).
 */
const BEFORE_LONG_STEP_MS = 5;

/**
 * Measures uninterrupted slices of work. `due()` says when the current slice has
 * used its budget; `next()` closes the slice, yields to the main thread and
 * opens a new one.
 */
export class Slicer {
  private sliceStart = performance.now();

  /** `budget`: ms of work before a slice yields. */
  constructor(private readonly budget = SLICE_BUDGET_MS) {}

  /** What the current slice has been doing (the measures' `detail`: read, detect, render…). */
  private phases: string[] = [];

  /** Names the work from here on (shown in the slice's `detail`). */
  phase(name: string): void {
    if (this.phases[this.phases.length - 1] !== name) this.phases.push(name);
  }

  due(): boolean {
    const used = performance.now() - this.sliceStart;
    if (takeLongStepNext()) return used >= BEFORE_LONG_STEP_MS;
    return used >= this.budget;
  }

  /** Ends the current slice (measured) without yielding. */
  end(): void {
    measureSlice(this.sliceStart, this.phases.join('+'));
    this.phases = this.phases.slice(-1);
  }

  async next(): Promise<void> {
    this.end();
    await yieldToMain();
    this.sliceStart = performance.now();
  }

  /** Yields only if the slice is over budget. */
  async maybeNext(): Promise<void> {
    if (this.due()) await this.next();
  }

  /**
   * Drains a stepwise generator, yielding to the main thread whenever a slice is used
   * up. `around` runs each step (the observer's `ownChanges` while we render).
   */
  async drain<T>(steps: Generator<unknown, T, void>, around?: (step: () => IteratorResult<unknown, T>) => IteratorResult<unknown, T>): Promise<T> {
    for (;;) {
      const r = around === undefined ? steps.next() : around(() => steps.next());
      if (r.done) return r.value;
      if (r.value instanceof Wait) {
        // Work done elsewhere (the background): the wait is not a slice of ours,
        // but is on the timeline, with what it waited for and how that ended.
        this.end();
        const start = performance.now();
        turns++;
        await r.value.settled;
        this.sliceStart = performance.now();
        const { outcome } = r.value;
        record(() => performance.measure(MEASURE_WAIT, { start, end: this.sliceStart, detail: outcome }));
      } else if (this.due()) await this.next();
    }
  }
}
