// When new markers are held back on a page that undoes them as they appear
// (src/content/fight-guard.ts). Times in ms, as performance.now() gives them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIGHTS_TO_REFRAIN, FightGuard, REACTION_MS, REMARK_QUIET_MS } from '../../src/content/fight-guard';

/** A pass that put in new markers at `at`, then a change at `at + after` that undid them (or not). */
function round(g: FightGuard, at: number, after: number, undone = true): void {
  g.afterPass(at, g.marksNew);
  g.beforeChange(at + after, g.marksNew ? undone : null);
}

describe('FightGuard', () => {
  it('marks as usual until new markers are undone right after they went in, rounds in a row', () => {
    const g = new FightGuard();
    for (let i = 0; i < FIGHTS_TO_REFRAIN - 1; i++) round(g, i * 100, 5);
    expect(g.marksNew).toBe(true);
    round(g, 1000, 5);
    expect(g.marksNew).toBe(false);
  });

  it('a change that answers within the reaction time counts, also one that came before the pass ended', () => {
    const g = new FightGuard();
    round(g, 0, -3); // (the page answered during our render: its change is timed before our pass ended)
    round(g, 100, REACTION_MS - 1);
    expect(g.marksNew).toBe(false);
  });

  it('markers undone long after they went in (a carousel turning every few seconds) are no fight', () => {
    const g = new FightGuard();
    for (let i = 0; i < 10; i++) round(g, i * 5000, 4000);
    expect(g.marksNew).toBe(true);
  });

  it('markers left in place reset the count', () => {
    const g = new FightGuard();
    for (let i = 0; i < 10; i++) round(g, i * 100, 5, i % FIGHTS_TO_REFRAIN === 0);
    expect(g.marksNew).toBe(true);
  });

  it('a page that went quiet once we held back: markers stay away', () => {
    const g = new FightGuard();
    round(g, 0, 5);
    round(g, 100, 5);
    expect(g.marksNew).toBe(false);
    // Its answer to our last markers comes in; then nothing.
    g.beforeChange(110, null);
    expect(g.quiet()).toBe(false);
    expect(g.marksNew).toBe(false);
  });

  it('a page that kept changing on its own while we held back: markers go back in once it is quiet', () => {
    const g = new FightGuard();
    round(g, 0, 5);
    round(g, 100, 5);
    g.afterPass(200, false);
    g.beforeChange(100 + REACTION_MS + 50, null); // a rewrite of its own, long after our last markers
    expect(g.marksNew).toBe(false);
    expect(g.quiet()).toBe(true);
    expect(g.marksNew).toBe(true);
    // And it takes as many rounds again to hold them back.
    round(g, 2000, 5);
    expect(g.marksNew).toBe(FIGHTS_TO_REFRAIN > 1);
  });

  it('asks whether markers are gone only when the answer can change something', () => {
    // Two guards through the same random rounds: one always told whether the markers
    // are gone, one told only when it asks (else null). They decide the same.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 2 * REACTION_MS }), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 3 * REACTION_MS })), { maxLength: 40 }),
        (rounds) => {
          const told = new FightGuard();
          const asking = new FightGuard();
          let now = 0;
          for (const [after, inserted, undone, gap] of rounds) {
            told.afterPass(now, inserted && told.marksNew);
            asking.afterPass(now, inserted && asking.marksNew);
            told.beforeChange(now + after, undone);
            asking.beforeChange(now + after, asking.asksUndone(now + after) ? undone : null);
            expect(asking.marksNew).toBe(told.marksNew);
            now += Math.max(after, 0) + gap;
            if (gap > REMARK_QUIET_MS) expect(asking.quiet()).toBe(told.quiet());
          }
        },
      ),
      { numRuns: 500 },
    );
    // A paragraph added long after the first pass's markers, with no fight going on: not asked.
    const g = new FightGuard();
    g.afterPass(0, true);
    expect(g.asksUndone(REACTION_MS + 1)).toBe(false);
    expect(g.asksUndone(REACTION_MS - 1)).toBe(true);
  });
});
