// When the content script looks again for shadow roots no MutationObserver record
// announces (src/content/late-roots.ts): at the times of ROOT_LOOKS_MS after the
// first look, for as long as something may still get one, each look measured as
// our work.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROOT_LOOKS_MS, lookAgainLater, takeGivenRoots } from '../../src/content/late-roots';

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

  it('soon(): a look due later comes 250 ms from now, the looks then going on as from the first; one due sooner is kept', () => {
    const at: number[] = [];
    const start = Date.now();
    const looks = lookAgainLater(() => {
      at.push(Date.now() - start);
      return true;
    });
    vi.advanceTimersByTime(2_100); // looks at 250, 500, 1,000, 2,000; the next due at 4,000
    looks.soon(); // elements the page just added
    vi.advanceTimersByTime(1_000);
    expect(at).toEqual([250, 500, 1_000, 2_000, 2_350, 2_600, 3_100]);
    // Due within 250 ms: not put off (a page adding elements all the time cannot starve the looks).
    vi.advanceTimersByTime(900); // now 4,000; the next look due at 4,100 (3,100 + 1,000)
    const before = at.length;
    looks.soon();
    vi.advanceTimersByTime(100);
    expect(at.length).toBe(before + 1);
  });

  it("the person's actions (wake): bring the next look forward, and after the last look start the looks again", () => {
    const page = new EventTarget();
    const at: number[] = [];
    const start = Date.now();
    const last = ROOT_LOOKS_MS[ROOT_LOOKS_MS.length - 1] as number;
    lookAgainLater(
      () => {
        at.push(Date.now() - start);
        return true;
      },
      undefined,
      page,
    );
    vi.advanceTimersByTime(2_100); // looks at 250, 500, 1,000, 2,000; the next due at 4,000
    page.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(300);
    expect(at).toEqual([250, 500, 1_000, 2_000, 2_350]);
    // After the last look: none until the person does something.
    vi.advanceTimersByTime(600_000);
    const asleep = at.length;
    expect(at[asleep - 1]).toBe(2_350 + last - 250);
    vi.advanceTimersByTime(600_000);
    expect(at).toHaveLength(asleep);
    const woken = Date.now() - start;
    page.dispatchEvent(new Event('scroll')); // a widget attached when scrolled into view
    vi.advanceTimersByTime(1_000);
    expect(at.slice(asleep)).toEqual([woken + 250, woken + 500, woken + 1_000]);
  });

  it('stop(), or a look saying nothing more may get a root, ends the looks and the listening', () => {
    const page = new EventTarget();
    let looks = 0;
    let done = 0;
    const later = lookAgainLater(
      () => {
        looks++;
        return true;
      },
      () => done++,
      page,
    );
    vi.advanceTimersByTime(600);
    expect(looks).toBe(2);
    later.stop();
    vi.advanceTimersByTime(600_000);
    page.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(600_000);
    expect(looks).toBe(2);
    expect(done).toBe(1);
    let more = 0;
    lookAgainLater(() => ++more < 2, undefined, page);
    vi.advanceTimersByTime(600_000);
    page.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(600_000);
    expect(more).toBe(2);
  });
});

describe('takeGivenRoots', () => {
  // Stand-ins: an element is its shadowRoot (null until given) and whether it is in the page.
  const el = (name: string, shadowRoot: object | null, isConnected = true): Element => ({ name, shadowRoot, isConnected }) as unknown as Element;

  it('takes out the elements given a root, and those gone from the page; keeps the rest', () => {
    const rootA = { host: 'a' };
    const rootD = { host: 'd' };
    const a = el('a', rootA);
    const b = el('b', null);
    const c = el('c', null, false);
    const d = el('d', rootD);
    const waiting = new Set([a, b, c, d]);
    expect(takeGivenRoots(waiting)).toEqual([rootA, rootD]);
    expect([...waiting]).toEqual([b]);
    // A root given later is found at the next look, once.
    (b as unknown as { shadowRoot: object }).shadowRoot = { host: 'b' };
    expect(takeGivenRoots(waiting)).toEqual([{ host: 'b' }]);
    expect(waiting.size).toBe(0);
    expect(takeGivenRoots(waiting)).toEqual([]);
  });
});
