// The length of the gate's runs of siblings on a huge page (src/content/page-text.ts):
// each run aims at a fixed amount of text, judged by the run before it, so a list
// of long items is never one long read, and a list of short ones is not read in
// thousands of tiny runs.
import { describe, expect, it } from 'vitest';
import { nextRunLength } from '../../src/content/page-text';

describe('nextRunLength', () => {
  it('shrinks after a run that held much text: 64 posts of 4 KB → about 256 KB next', () => {
    const next = nextRunLength(64, 64 * 4_000);
    expect(next).toBe(64);
    expect(nextRunLength(64, 64 * 40_000)).toBe(6);
  });

  it('grows after a run of short items, but at most doubles, and never past 2,000', () => {
    expect(nextRunLength(64, 64 * 100)).toBe(128);
    expect(nextRunLength(1_500, 1_500 * 10)).toBe(2_000);
    expect(nextRunLength(64, 0)).toBe(128); // empty nodes (whitespace between elements reads as text, comments as none)
  });

  it('never below one child, however long that child was', () => {
    expect(nextRunLength(1, 5_000_000)).toBe(1);
    expect(nextRunLength(3, 5_000_000)).toBe(1);
  });

  it('the runs over a list of 1,000 items of 4 KB each hold at most about 256 KB', () => {
    let at = 0;
    let length = 64;
    let most = 0;
    while (at < 1_000) {
      const end = Math.min(1_000, at + length);
      const chars = (end - at) * 4_000;
      most = Math.max(most, chars);
      length = nextRunLength(end - at, chars);
      at = end;
    }
    expect(most).toBeLessThanOrEqual(256_000);
  });
});
