// pageSettled (src/content/timing.ts): the first read waits for the page's load,
// two frames and an idle moment, each wait bounded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_TIMEOUT_MS, pageSettled } from '../../src/content/timing';

/** A document and window whose load, frames and idle callbacks the test fires. */
function fakePage(readyState: DocumentReadyState, opts: { idle?: boolean } = {}) {
  const load: (() => void)[] = [];
  const frames: (() => void)[] = [];
  const idles: (() => void)[] = [];
  const win = {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    addEventListener: (type: string, fn: () => void) => type === 'load' && load.push(fn),
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    ...(opts.idle === false ? {} : { requestIdleCallback: (fn: () => void) => idles.push(fn) }),
  };
  const doc = { readyState, defaultView: win } as unknown as Document;
  const fire = (list: (() => void)[]) => list.splice(0).forEach((fn) => fn());
  return { doc, fireLoad: () => fire(load), fireFrame: () => fire(frames), fireIdle: () => fire(idles) };
}

async function settledYet(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('pageSettled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for load, then two frames, then an idle moment', async () => {
    const page = fakePage('interactive');
    const settled = pageSettled(page.doc);
    expect(await settledYet(settled)).toBe(false);
    page.fireIdle(); // idle before load does not count
    page.fireLoad();
    await vi.advanceTimersByTimeAsync(0);
    page.fireIdle(); // nor before the frames
    expect(await settledYet(settled)).toBe(false);
    page.fireFrame();
    expect(await settledYet(settled)).toBe(false);
    page.fireFrame();
    expect(await settledYet(settled)).toBe(false);
    page.fireIdle();
    expect(await settledYet(settled)).toBe(true);
  });

  it('does not wait for load when the page has loaded', async () => {
    const page = fakePage('complete');
    const settled = pageSettled(page.doc);
    await vi.advanceTimersByTimeAsync(0);
    page.fireFrame();
    await vi.advanceTimersByTimeAsync(0);
    page.fireFrame();
    await vi.advanceTimersByTimeAsync(0);
    page.fireIdle();
    expect(await settledYet(settled)).toBe(true);
  });

  it('goes on after a bounded wait when no frame is drawn (a hidden tab or frame) and load never comes', async () => {
    const page = fakePage('interactive');
    const settled = pageSettled(page.doc);
    await vi.advanceTimersByTimeAsync(3 * SETTLE_TIMEOUT_MS - 1);
    expect(await settledYet(settled)).toBe(false);
    await vi.advanceTimersByTimeAsync(SETTLE_TIMEOUT_MS + 1);
    expect(await settledYet(settled)).toBe(true);
  });

  it('uses a task where requestIdleCallback is missing', async () => {
    const page = fakePage('complete', { idle: false });
    const settled = pageSettled(page.doc);
    await vi.advanceTimersByTimeAsync(0);
    page.fireFrame();
    await vi.advanceTimersByTimeAsync(0);
    page.fireFrame();
    expect(await settledYet(settled)).toBe(true);
  });
});
