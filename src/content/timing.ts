// User Timing marks (visible in DevTools' Performance panel) and yielding to the
// main thread so a scan never blocks input for long.

export const MARK_START = 'evidence-lens:start';
export const MEASURE_SCAN = 'evidence-lens:scan';
export const MEASURE_SLICE = 'evidence-lens:slice';

/** Longest uninterrupted piece of work we aim for, in ms. */
export const SLICE_BUDGET_MS = 30;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Lets the browser handle input and paint before we continue. */
export function yieldToMain(): Promise<void> {
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

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // User Timing can throw (e.g. a cleared mark); timing is never worth breaking a pass.
  }
}

export function markPassStart(): void {
  safely(() => performance.mark(MARK_START));
}

export function measurePass(): void {
  safely(() => performance.measure(MEASURE_SCAN, MARK_START));
}

/**
 * Measures uninterrupted slices of work. `run` times one piece; `due()` says when
 * the current slice has used its budget, and `next()` closes the slice, yields
 * to the main thread and opens a new one.
 */
export class Slicer {
  private sliceStart = performance.now();

  due(): boolean {
    return performance.now() - this.sliceStart >= SLICE_BUDGET_MS;
  }

  /** Ends the current slice (measured) without yielding. */
  end(): void {
    const start = this.sliceStart;
    const end = performance.now();
    safely(() => performance.measure(MEASURE_SLICE, { start, end }));
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
}
