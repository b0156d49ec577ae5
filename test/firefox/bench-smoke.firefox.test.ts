// The Firefox benchmark (npm run bench:firefox) on tiny pages, one run: it must
// keep producing every column, with finite numbers, so it cannot rot between real
// runs. It asserts nothing about speed (this machine is shared; see README
// "Performance"). test/e2e/bench-smoke does the same for the Chromium bench.
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
