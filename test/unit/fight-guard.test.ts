// When new markers are held back on a page that undoes them as they appear
// (src/content/fight-guard.ts). Times in ms, as performance.now() gives them.
import { describe, expect, it } from 'vitest';
import { FIGHTS_TO_REFRAIN, FightGuard, REACTION_MS } from '../../src/content/fight-guard';

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
});
