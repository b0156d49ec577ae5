// The benchmark (npm run bench) on tiny pages, one run: it must keep producing
// every column, with finite numbers, so it cannot rot between real runs.
// It asserts nothing about speed (this machine is shared; see README "Performance"),
// but it does check the one target that is not a timing: no forced layout while scanning.
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBench, type PageResult } from '../../bench/run';
import { columns, formatTable } from '../../bench/table';
import { kept } from '../../bench/heap-kept';

describe('benchmark smoke run', () => {
  it('produces every column for every page', { timeout: 360_000 }, async () => {
    const pagesDir = await mkdtemp(join(tmpdir(), 'evidence-lens-bench-pages-'));
    try {
      const result = await runBench({ runs: 1, scale: 0.02, pagesDir });
      expect(result.pages.map((p) => p.name)).toEqual(['100 KB', '1 MB', '5 MB', '1 MB no MgT', '5 MB no MgT', '5 MB article', '5 MB article no MgT', '5 MB one paragraph', '5 MB pre', '20 KB']);
      for (const p of result.pages) {
        const cols = columns(p);
        for (const [name, value] of Object.entries(cols)) expect(Number.isFinite(value), `${p.name}: ${name}`).toBe(true);
        // No forced synchronous layout while scanning; the control (opening a card
        // measures by design) shows the trace does see our scripts' layouts.
        expect(p.forcedLayouts.scan, p.name).toBe(0);
        // The trace sees our scripts load on every page (outside-slices.ts), so the column is not an empty 0.
        expect(p.outsideSlices, p.name).toBeGreaterThan(0);
        // Its parts: our entry script loads on every page, the scanner's chunks only where MgT is named.
        expect(p.outsideParts.entry, p.name).toBeGreaterThan(0);
        if (p.mentionsMgt) expect(p.outsideParts.chunks, p.name).toBeGreaterThan(0);
        else expect(p.outsideParts.chunks, p.name).toBe(0);
        if (p.mentionsMgt) {
          expect(p.claims, p.name).toBeGreaterThan(0);
          expect(p.late?.latency, p.name).toBeGreaterThan(0);
          expect(p.forcedLayouts.card, p.name).toBeGreaterThan(0);
          // Our markers make the browser lay the page out again: the trace must see it.
          expect(p.renderingAfter.total, p.name).toBeGreaterThan(0);
        } else expect(p.claims, p.name).toBe(0);
        // Our content script keeps something on every page (heap-kept.ts reads the right renderer).
        expect(p.heap.without.js, p.name).toBeGreaterThan(0);
        expect(kept(p.heap).js, p.name).toBeGreaterThan(0);
        // Our markers are in the page's DOM heap where we marked claims.
        if (p.mentionsMgt) expect(kept(p.heap).dom, p.name).toBeGreaterThan(0);
      }
      // The scanner's code is loaded only where MgT is named, and stays: each load had a browser of its own.
      const keptJs = (mgt: boolean): number[] => result.pages.filter((p) => p.mentionsMgt === mgt).map((p) => kept(p.heap).js);
      expect(Math.min(...keptJs(true))).toBeGreaterThan(Math.max(...keptJs(false)));
      expect(result.bundle.gzipBytes).toBeGreaterThan(0);
      expect(Number.isFinite(result.popupFirstRender)).toBe(true);
      expect(result.popupDocumentAt).toBeGreaterThan(0);
      expect(result.popupDocumentAt).toBeLessThan(result.popupFirstRender);
      expect(result.blankExtensionPage).toBeGreaterThan(0);
      expect(result.blankContentScript).toBeGreaterThan(0);
      expect(result.blankContentScriptHeap.js).toBeGreaterThan(0);
      expect(Number.isFinite(result.core.scanMsPerMB)).toBe(true);
      expect(formatTable(result)).toContain('floor+regex');
    } finally {
      await rm(pagesDir, { recursive: true, force: true });
    }
  });

  it('runs on pages of one\'s own (--pages): their names, their claims, the same columns', { timeout: 240_000 }, async () => {
    // Two saved pages: one that names MgT with two claims, one that names no form.
    const own = resolve(import.meta.dirname, '../fixtures/own-pages');
    const result = await runBench({ runs: 1, scale: 1, pagesDir: own, ownPages: own });
    expect(result.pages.map((p) => [p.name, p.mentionsMgt])).toEqual([['a shop.html', true], ['b-plain.html', false]]);
    for (const p of result.pages) {
      for (const [name, value] of Object.entries(columns(p))) expect(Number.isFinite(value), `${p.name}: ${name}`).toBe(true);
      expect(p.forcedLayouts.scan, p.name).toBe(0);
    }
    const [shop, plain] = result.pages as [PageResult, PageResult];
    expect(shop.claims).toBe(2);
    expect(shop.late?.latency).toBeGreaterThan(0);
    expect(plain.claims).toBe(0);
    expect(plain.late).toBeNull();
    expect(result.options.pages).toBe(own);
    expect(result.blankContentScriptPage).toBe('b-plain.html');
    expect(result.core.textMB).toBeGreaterThan(0);
    expect(formatTable(result)).toContain(`Pages of one's own, from ${own}.`);
  });
});

