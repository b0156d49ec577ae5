// The reports a pass gives its claims: the last pass's where the claim is the same,
// found without a map of every claim's key when a change added or took a few.
import { describe, expect, it, vi } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import { claimReport } from '../../src/core/scan';
import type { ClaimMatch, TextBlock } from '../../src/core/types';
import { detectSectionsSteps, rescanSectionsSteps, type SectionEdit } from '../../src/core/claims/sections';
import { runToEnd } from '../../src/core/steps';
import { randomEditor } from './random-edits';
import { fixturePages } from './fixture-pages';
import { parseHTML } from 'linkedom';
import { extractPageData } from '../../src/extract';

const keys = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/content/render', async (original) => {
  const actual = await original<typeof import('../../src/content/render')>();
  return {
    ...actual,
    claimKey: (...args: Parameters<typeof actual.claimKey>) => {
      keys.calls++;
      return actual.claimKey(...args);
    },
  };
});
const { claimReports } = await import('../../src/content/claim-reports');

const WORDINGS = ['improves memory', 'reduces anxiety', 'helps you sleep', 'crosses the blood-brain barrier'];
/** One claim, its sentence (the quote) of its own. */
const block = (i: number): TextBlock => ({ text: `Magtein ${WORDINGS[i % WORDINGS.length]}, says post ${i}.`, tag: 'p', headingLevel: 0, region: 'main' });
const claimsOf = (blocks: TextBlock[]): ClaimMatch[] => detectClaims(blocks, { title: 'Magnesium L-threonate' });
function pageOf(html: string): { blocks: TextBlock[]; title: string } {
  const { document } = parseHTML(html);
  const { page } = extractPageData(document as unknown as Document, null);
  return { blocks: [...page.blocks], title: page.title };
}

describe('claimReports', () => {
  const blocks = Array.from({ length: 1_000 }, (_, i) => block(i));
  const before = claimsOf(blocks);
  const previous = before.map(claimReport);

  it('a few claims added or taken away: the others keep their reports, the new ones get theirs, and no key is made', () => {
    expect(before.length).toBe(1_000);
    const cases: Array<[string, TextBlock[]]> = [
      ['two claims added mid-page', [...blocks.slice(0, 500), block(5_000), block(5_001), ...blocks.slice(500)]],
      ['twelve added', [...blocks.slice(0, 500), ...Array.from({ length: 12 }, (_, k) => block(6_000 + k)), ...blocks.slice(500)]],
      ['three taken away', [...blocks.slice(0, 300), ...blocks.slice(303)]],
      ['one added at the start, one taken at the end', [block(7_000), ...blocks.slice(0, -1)]],
    ];
    for (const [name, next] of cases) {
      const matches = claimsOf(next);
      keys.calls = 0;
      const got = claimReports(matches, previous);
      expect(got, name).toEqual(matches.map(claimReport));
      // Kept reports are the same objects: nothing is made again for them.
      const reused = got.filter((r) => previous.includes(r)).length;
      expect(reused, name).toBe(matches.filter((m) => before.some((b) => b.quote === m.quote)).length);
      expect(keys.calls, `${name}: keys made`).toBe(0);
    }
  });

  it('a change that moves claims far: a map of the keys finds them', () => {
    const next = [...blocks.slice(500), ...blocks.slice(0, 500)];
    const matches = claimsOf(next);
    keys.calls = 0;
    const got = claimReports(matches, previous);
    expect(got).toEqual(matches.map(claimReport));
    // (Found by key: the first half; past the last report, the rest are made again.)
    expect(got.slice(0, 500).every((r) => previous.includes(r))).toBe(true);
    expect(keys.calls).toBeGreaterThan(0);
  });

  it("after a rescan, only the claims between what it kept are looked at, and the reports are the same", () => {
    const title = 'Magnesium L-threonate';
    const full = runToEnd(detectSectionsSteps(blocks, title));
    const reports = claimReports(full.matches, []);
    // A paragraph of two claims put mid-page, one taken away near the end, one replaced.
    const cases: Array<[string, TextBlock[], SectionEdit[]]> = [];
    {
      const next = [...blocks];
      const added = [block(8_000), block(8_001)];
      next.splice(500, 0, ...added);
      cases.push(['two added mid-page', next, [{ at: 500, removed: [], added }]]);
    }
    {
      const next = [...blocks];
      const removed = next.splice(900, 1);
      cases.push(['one taken near the end', next, [{ at: 900, removed, added: [] }]]);
    }
    {
      const next = [...blocks];
      const added = [block(9_000)];
      const removed = next.splice(10, 1, ...added);
      cases.push(['one replaced at the start', next, [{ at: 10, removed, added }]]);
    }
    for (const [name, next, edits] of cases) {
      const after = runToEnd(rescanSectionsSteps(next, title, full, edits));
      expect(after?.reused, name).toBeDefined();
      const { head, tail } = after!.reused!;
      // What it kept: the same objects first, the same claims last, all but a few.
      expect(after!.matches.slice(0, head).every((m, i) => m === full.matches[i]), name).toBe(true);
      expect(after!.matches.slice(after!.matches.length - tail).map((m) => m.quote), name).toEqual(full.matches.slice(full.matches.length - tail).map((m) => m.quote));
      expect(head + tail, name).toBeGreaterThan(full.matches.length - 4);
      keys.calls = 0;
      const got = claimReports(after!.matches, reports, after!.reused);
      expect(got, name).toEqual(after!.matches.map(claimReport));
      expect(got, name).toEqual(claimReports(after!.matches, reports));
      // The kept claims' reports are the last pass's own.
      expect(got.slice(0, head).every((r, i) => r === reports[i]), name).toBe(true);
      expect(got.slice(got.length - tail).every((r, i) => r === reports[reports.length - tail + i]), name).toBe(true);
    }
  });

  it('after random rescans of the fixture pages, the reports are those a full look gives', () => {
    // (The pages the rescan's own random edits run on: sections.test.ts.)
    for (const [name, html] of fixturePages().filter(([n]) => n === 'seed.html' || n.startsWith('corpus/'))) {
      const { blocks: page, title } = pageOf(html);
      const edit = randomEditor(page, name.length * 7919);
      const current = [...page];
      let detected = runToEnd(detectSectionsSteps(current, title));
      let reports = claimReports(detected.matches, []);
      for (let round = 0; round < 30; round++) {
        const edits = edit(current);
        const after = runToEnd(rescanSectionsSteps(current, title, detected, edits)) ?? runToEnd(detectSectionsSteps(current, title));
        const got = claimReports(after.matches, reports, after.reused);
        expect(got, `${name}, round ${round}`).toEqual(after.matches.map(claimReport));
        detected = after;
        reports = got;
      }
    }
  });
});
