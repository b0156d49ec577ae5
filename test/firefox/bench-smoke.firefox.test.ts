// The Firefox benchmark (npm run bench:firefox) on tiny pages, one run: it must
// keep producing every column, with finite numbers, so it cannot rot between real
// runs. It asserts nothing about speed (this machine is shared; see README
// "Performance"). test/e2e/bench-smoke does the same for the Chromium bench.
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runFirefoxBench } from '../../bench/firefox-run';
import { firefoxColumns, formatFirefoxTable } from '../../bench/firefox-table';

describe('Firefox benchmark smoke run', () => {
  it('produces every column for every page', { timeout: 120_000 }, async () => {
    const pagesDir = await mkdtemp(join(tmpdir(), 'evidence-lens-bench-pages-'));
    try {
      const result = await runFirefoxBench({ runs: 1, scale: 0.02, pagesDir });
      expect(result.pages.map((p) => p.name)).toEqual(['100 KB', '1 MB', '5 MB', '1 MB no MgT', '5 MB no MgT', '5 MB article', '5 MB article no MgT', '5 MB one paragraph', '5 MB pre', '20 KB']);
      for (const p of result.pages) {
        for (const [name, value] of Object.entries(firefoxColumns(p))) expect(Number.isFinite(value), `${p.name}: ${name}`).toBe(true);
        // Our slices are read from the page's timeline: none would mean we no longer see them.
        expect(p.slices, p.name).toBeGreaterThan(0);
        if (p.mentionsMgt) {
          expect(p.claims, p.name).toBeGreaterThan(0);
          expect(p.late?.latency, p.name).toBeGreaterThan(0);
        } else expect(p.claims, p.name).toBe(0);
      }
      // The bench's clock is finer than Firefox's default 1 ms (BENCH_PREFS).
      expect(result.clockStepMs).toBeLessThan(1);
      expect(formatFirefoxTable(result)).toContain('floor+regex');
    } finally {
      await rm(pagesDir, { recursive: true, force: true });
    }
  });

  it('runs on pages of one\'s own (--pages), as in Chromium', { timeout: 120_000 }, async () => {
    // Two saved pages: one that names MgT with two claims, one that names no form.
    const own = resolve(import.meta.dirname, '../fixtures/own-pages');
    const result = await runFirefoxBench({ runs: 1, scale: 1, pagesDir: own, ownPages: own });
    expect(result.pages.map((p) => [p.name, p.mentionsMgt, p.claims])).toEqual([['a shop.html', true, 2], ['b-plain.html', false, 0]]);
    for (const p of result.pages) for (const [name, value] of Object.entries(firefoxColumns(p))) expect(Number.isFinite(value), `${p.name}: ${name}`).toBe(true);
    expect(result.pages[0]?.late?.latency).toBeGreaterThan(0);
    expect(formatFirefoxTable(result)).toContain(`Pages of one's own, from ${own}.`);
  });
});

