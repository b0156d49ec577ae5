// How well the claim detector generalizes: eight realistic pages written and
// labelled independently of the detector's patterns (test/fixtures/corpus/,
// labelling rules in its README.md). Measures recall of asserted labels,
// precision of asserted reports, and asserted reports on sentences a careful
// reader calls hedged or negated (these must be zero). Prints misses and extras
// so the patterns can be improved.
import { readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../src/core/scan';
import { CLAIM_IDS } from '../../src/core/types';
import type { ClaimId, ClaimReport, Stance } from '../../src/core/types';
import { extractPageData } from '../../src/extract';

const DIR = new URL('../fixtures/corpus/', import.meta.url);
const NO_MGT_PAGE = 'glycinate-only';

interface Label {
  sentence: string;
  claim: ClaimId;
  stance: Stance;
}

/** Collapse whitespace (incl. no-break spaces) and drop leading bullets, ticks, quote marks and list numbers. */
function norm(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}]+/u, '');
}

/** A report quotes a labelled sentence when one starts with the other (a heading may be shorter than 40 chars). */
function sameSentence(quote: string, labelSentence: string): boolean {
  const q = norm(quote);
  const l = norm(labelSentence);
  return q.startsWith(l) || (q.length >= 12 && l.startsWith(q));
}

interface PageResult {
  name: string;
  text: string;
  labels: Label[];
  asserted: ClaimReport[];
}

function loadPage(name: string): PageResult {
  const html = readFileSync(new URL(`${name}.html`, DIR), 'utf8');
  const labels = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8')) as Label[];
  const { document } = parseHTML(html);
  const { page } = extractPageData(document as unknown as Document, `https://example.test/${name}`);
  const { result } = scanPage(page);
  // One report per (id, sentence): the same sentence reported twice is not two findings.
  const seen = new Set<string>();
  const asserted = result.claims.filter((c) => {
    if (c.stance !== 'asserted') return false;
    const key = `${c.claim}|${norm(c.quote)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const text = page.blocks.map((b) => norm(b.text)).join('\n');
  return { name, text, labels, asserted };
}

interface Score {
  name: string;
  labelled: number;
  found: number;
  reported: number;
  correct: number;
  misses: Label[];
  falseAsserted: { label: Label; quote: string }[];
  extras: ClaimReport[];
}

function score(p: PageResult): Score {
  const positives = p.labels.filter((l) => l.stance === 'asserted');
  const doubted = p.labels.filter((l) => l.stance !== 'asserted');
  const matches = (r: ClaimReport, l: Label): boolean => r.claim === l.claim && sameSentence(r.quote, l.sentence);
  const misses = positives.filter((l) => !p.asserted.some((r) => matches(r, l)));
  const falseAsserted: Score['falseAsserted'] = [];
  const extras: ClaimReport[] = [];
  let correct = 0;
  for (const r of p.asserted) {
    if (positives.some((l) => matches(r, l))) {
      correct++;
      continue;
    }
    const d = doubted.find((l) => matches(r, l));
    if (d) falseAsserted.push({ label: d, quote: r.quote });
    else extras.push(r);
  }
  return {
    name: p.name,
    labelled: positives.length,
    found: positives.length - misses.length,
    reported: p.asserted.length,
    correct,
    misses,
    falseAsserted,
    extras,
  };
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();
const pages = names.map(loadPage);
const scores = pages.map(score);

function printReport(): void {
  const rows = scores.map((s) => ({
    page: s.name,
    labelled: s.labelled,
    found: s.found,
    recall: pct(ratio(s.found, s.labelled)),
    reported: s.reported,
    precision: pct(ratio(s.correct, s.reported)),
    falseAsserted: s.falseAsserted.length,
  }));
  console.table(rows);
  const lines: string[] = [];
  for (const s of scores) {
    for (const m of s.misses) lines.push(`MISS  ${s.name}  ${m.claim}  «${m.sentence}»`);
    for (const f of s.falseAsserted)
      lines.push(`FALSE-ASSERTED  ${s.name}  ${f.label.claim} (labelled ${f.label.stance})  «${f.quote}»`);
    for (const e of s.extras) lines.push(`EXTRA ${s.name}  ${e.claim}  «${e.quote}»`);
  }
  console.log(lines.join('\n') || 'no misses, extras or false asserted reports');
}

describe('claim corpus: the labels themselves', () => {
  it('has eight pages, each with a label file', () => {
    expect(names).toHaveLength(8);
    expect(names).toContain(NO_MGT_PAGE);
  });

  it('quotes every labelled sentence from its page, with a known id and stance', () => {
    for (const p of pages) {
      for (const l of p.labels) {
        expect(CLAIM_IDS, `${p.name}: ${l.claim}`).toContain(l.claim);
        expect(['asserted', 'hedged', 'negated']).toContain(l.stance);
        expect(p.text.includes(norm(l.sentence)), `${p.name}: «${l.sentence}» not in page`).toBe(true);
      }
    }
  });

  it('asserts every claim id at least twice across the corpus', () => {
    const counts = new Map<ClaimId, number>();
    for (const p of pages) for (const l of p.labels) if (l.stance === 'asserted') counts.set(l.claim, (counts.get(l.claim) ?? 0) + 1);
    for (const id of CLAIM_IDS) expect(counts.get(id) ?? 0, id).toBeGreaterThanOrEqual(2);
  });
});

describe('claim corpus: detector against the labels', () => {
  printReport();

  it('reports no asserted claim on the page that only lists MgT in a menu and a "you may also like" rail', () => {
    const s = scores.find((x) => x.name === NO_MGT_PAGE);
    expect(s?.extras.map((e) => `${e.claim}: ${e.quote}`)).toEqual([]);
    expect(s?.reported).toBe(0);
  });

  it('never reports as asserted a sentence labelled hedged or negated for that id', () => {
    const all = scores.flatMap((s) => s.falseAsserted.map((f) => `${s.name} ${f.label.claim}: ${f.quote}`));
    expect(all).toEqual([]);
  });

  it('finds at least 90% of the asserted labels', () => {
    const labelled = scores.reduce((n, s) => n + s.labelled, 0);
    const found = scores.reduce((n, s) => n + s.found, 0);
    expect(ratio(found, labelled)).toBeGreaterThanOrEqual(0.9);
  });

  it('is right at least 85% of the time when it reports an asserted claim', () => {
    const reported = scores.reduce((n, s) => n + s.reported, 0);
    const correct = scores.reduce((n, s) => n + s.correct, 0);
    expect(ratio(correct, reported)).toBeGreaterThanOrEqual(0.85);
  });
});
