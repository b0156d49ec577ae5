// When the content script looks again for shadow roots no MutationObserver record
// announces (src/content/late-roots.ts): at the times of ROOT_LOOKS_MS after the
// first look, for as long as something may still get one, each look measured as
// our work.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROOT_LOOKS_MS, lookAgainLater } from '../../src/content/late-roots';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }); // (the real performance: User Timing entries)
  performance.clearMeasures();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('lookAgainLater', () => {
  it('looks at each time of ROOT_LOOKS_MS after now, then stops', () => {
    const at: number[] = [];
    const start = Date.now();
    lookAgainLater(() => {
      at.push(Date.now() - start);
      return true;
    });
    vi.advanceTimersByTime(ROOT_LOOKS_MS[ROOT_LOOKS_MS.length - 1] as number);
    expect(at).toEqual(ROOT_LOOKS_MS);
    vi.advanceTimersByTime(600_000);
    expect(at).toHaveLength(ROOT_LOOKS_MS.length);
    // Each look is a slice of our work on the page's thread.
    expect(performance.getEntriesByName('evidence-lens:slice').filter((e) => (e as PerformanceMeasure).detail === 'roots')).toHaveLength(ROOT_LOOKS_MS.length);
    let done = 0;
    lookAgainLater(
      () => true,
      () => done++,
    );
    vi.advanceTimersByTime(600_000);
    expect(done).toBe(1); // (after the last look)
  });

  it('stops once a look says nothing more may get a root, and after a look that throws', () => {
    let looks = 0;
    let done = 0;
    lookAgainLater(
      () => ++looks < 3,
      () => done++,
    );
    vi.advanceTimersByTime(600_000);
    expect(looks).toBe(3);
    expect(done).toBe(1);
    let thrown = 0;
    lookAgainLater(() => {
      thrown++;
      throw new Error('a page that broke something');
    });
    vi.advanceTimersByTime(600_000);
    expect(thrown).toBe(1);
  });
});
