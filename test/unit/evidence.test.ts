import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLAIM_IDS, VERDICTS, type ClaimId, type Evidence } from '../../src/core/types';
import { SOURCES, getSource, UNVERIFIED_SOURCE_IDS } from '../../src/core/evidence/sources';
import {
  DEFICIENCY_INTAKE,
  DEFICIENCY_MOST,
  DISEASE_CLAIMS,
  EVIDENCE,
  evidenceFor,
} from '../../src/core/evidence/claims';
import { CARD_BACKGROUND, VERDICT_STYLES } from '../../src/core/evidence/verdicts';
import { contrastRatio } from '../../src/core/evidence/contrast';
import {
  MGT_ELEMENTAL_FRACTION,
  MGT_ELEMENTAL_FRACTION_SOURCE,
  TRIAL_DOSES,
  UPPER_LIMIT_MG,
  UPPER_LIMIT_SOURCE,
  estimateElementalMg,
} from '../../src/core/evidence/dose-reference';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES_JSON = join(ROOT, '../shared/evidence/sources.json');
const FACTS_MD = join(ROOT, '../shared/evidence/facts.md');

interface JsonSource {
  id: string;
  authors: string[] | null;
  title: string | null;
  journal: string;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  type: string;
  n: number | null;
  confidence: string;
  verified_from: string[];
}
const json: JsonSource[] | null = existsSync(SOURCES_JSON)
  ? (JSON.parse(readFileSync(SOURCES_JSON, 'utf8')) as JsonSource[])
  : null;

/** facts.md table rows: claim id → { sources, verdict }. */
function factsTable(): Map<string, { sources: string[]; verdict: string }> {
  const rows = new Map<string, { sources: string[]; verdict: string }>();
  for (const line of readFileSync(FACTS_MD, 'utf8').split('\n')) {
    const m = /^\| `([a-z0-9-]+)` \| ([^|]+) \|.*\| ([^|]+) \| [^|]+ \|$/.exec(line);
    if (m) rows.set(m[1]!, { sources: m[2]!.split(',').map((s) => s.trim()), verdict: m[3]!.trim() });
  }
  return rows;
}

const sentences = (note: string) => note.split(/(?<=[.!?])\s+/).filter(Boolean);
const allEntries: Evidence[] = [...Object.values(EVIDENCE), DEFICIENCY_INTAKE, DEFICIENCY_MOST];

describe('evidence entries', () => {
  it('has a complete entry for every claim id', () => {
    expect(Object.keys(EVIDENCE).sort()).toEqual([...CLAIM_IDS].sort());
    for (const id of CLAIM_IDS) {
      const e = evidenceFor(id);
      expect(e.claim, id).toBe(id);
      expect(VERDICTS, id).toContain(e.verdict);
      expect(e.label.trim().length, id).toBeGreaterThan(3);
      expect(e.label.length, id).toBeLessThanOrEqual(45);
      expect(e.note.trim().length, id).toBeGreaterThan(20);
      expect(e.sources.length, id).toBeGreaterThan(0);
    }
  });

  it('keeps every note to at most two short sentences', () => {
    for (const e of allEntries) {
      const s = sentences(e.note);
      expect(s.length, e.claim).toBeLessThanOrEqual(2);
      for (const sentence of s) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(26);
      expect(e.note.length, e.claim).toBeLessThanOrEqual(260);
      expect(e.note, e.claim).toMatch(/[.]$/);
      expect(e.note, e.claim).not.toMatch(/\s{2}|\[|\]/);
    }
  });

  it('cites only existing, non-unverified sources, without repeats', () => {
    expect(UNVERIFIED_SOURCE_IDS).toEqual(['wang-2013-painphysician']);
    for (const e of allEntries) {
      expect(new Set(e.sources).size, e.claim).toBe(e.sources.length);
      for (const id of e.sources) {
        const s = getSource(id);
        expect(s, `${e.claim} → ${id}`).toBeDefined();
        expect(s?.confidence, `${e.claim} → ${id}`).not.toBe('unverified');
      }
    }
  });

  it.skipIf(!existsSync(FACTS_MD))('uses only sources and verdicts that facts.md gives each claim', () => {
    const facts = factsTable();
    expect(facts.size).toBe(CLAIM_IDS.length);
    for (const e of allEntries) {
      const row = facts.get(e.claim);
      expect(row, e.claim).toBeDefined();
      for (const id of e.sources) expect(row?.sources, `${e.claim} → ${id}`).toContain(id);
      if (e.claim === 'deficiency-common') expect(row?.verdict).toBe('depends on wording');
      else expect(e.verdict, e.claim).toBe(row?.verdict);
    }
  });

  it('gives deficiency-common the verdict that fits the wording', () => {
    const accurate = [
      'About half of Americans do not get enough magnesium from their diet.',
      'Nearly 50% of people fall short of the recommended intake of magnesium.',
      '48% of Americans consume less magnesium than they need.',
      'Magnesium is one of the most important minerals, and about half of people do not get enough from food.',
    ];
    const overstated = [
      'Most people are deficient in magnesium.',
      'The majority of adults are magnesium deficient.',
      'Up to 80% of people lack magnesium.',
      'Half of all Americans are magnesium deficient.',
      'Most Americans do not get enough magnesium from food.',
      'An estimated 75% of adults are not meeting the recommended intake.',
      'Magnesium deficiency is widespread.',
    ];
    for (const q of accurate) expect(evidenceFor('deficiency-common', q).verdict, q).toBe('accurate');
    for (const q of overstated) expect(evidenceFor('deficiency-common', q).verdict, q).toBe('overstated');
    expect(DEFICIENCY_INTAKE.note).not.toBe(DEFICIENCY_MOST.note);
    // The quote changes nothing for other claims.
    expect(evidenceFor('memory', 'Most people are deficient.')).toEqual(evidenceFor('memory'));
  });

  it('lists the disease claims', () => {
    expect([...DISEASE_CLAIMS].sort()).toEqual<ClaimId[]>(['adhd', 'dementia', 'pain']);
  });
});

describe('sources', () => {
  it('has unique ids and plain-words design for every source', () => {
    expect(new Set(SOURCES.map((s) => s.id)).size).toBe(SOURCES.length);
    for (const s of SOURCES) {
      expect(s.design.length, s.id).toBeGreaterThan(5);
      expect(s.design.length, s.id).toBeLessThanOrEqual(120);
      if (s.confidence !== 'unverified') expect(s.funding, s.id).toBeTruthy();
      if (s.url !== null) {
        expect(s.doi ?? s.pmid, `${s.id} has a url despite DOI/PMID`).toBeNull();
        expect(s.url, s.id).toMatch(/^https?:\/\//);
      }
    }
  });

  it.skipIf(json === null)('matches shared/evidence/sources.json field for field', () => {
    const records = json ?? [];
    expect(SOURCES.map((s) => s.id).sort()).toEqual(records.map((r) => r.id).sort());
    for (const r of records) {
      const s = getSource(r.id);
      if (!s) throw new Error(`missing ${r.id}`);
      expect(s.doi, r.id).toBe(r.doi);
      expect(s.pmid, r.id).toBe(r.pmid);
      expect(s.year, r.id).toBe(r.year);
      // A null title is replaced by a bracketed description, never by a made-up title.
      if (r.title === null) expect(s.title, r.id).toMatch(/^\[.+\]$/);
      else expect(s.title, r.id).toBe(r.title);
      expect(s.authors, r.id).toEqual(r.authors ?? []);
      expect(s.journal, r.id).toBe(r.journal);
      expect(s.volume, r.id).toBe(r.volume);
      expect(s.issue, r.id).toBe(r.issue);
      expect(s.pages, r.id).toBe(r.pages);
      expect(s.type, r.id).toBe(r.type);
      expect(s.confidence, r.id).toBe(r.confidence);
      expect(s.n, r.id).toBe(r.n === null ? null : String(r.n));
      if (s.url !== null) expect(r.verified_from, r.id).toContain(s.url);
    }
  });

  it('has only DOIs from sources.json anywhere under src/', () => {
    const known = new Set(
      (json ?? SOURCES).flatMap((s) => (s.doi ? [s.doi.toLowerCase()] : [])),
    );
    const found: { file: string; doi: string }[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|js|mjs|json|html|css|md|txt)$/.test(name)) {
          for (const m of readFileSync(path, 'utf8').matchAll(/\b10\.\d{4,9}\/[-._;()/:A-Za-z0-9]+/g)) {
            found.push({ file: path, doi: trimDoi(m[0]) });
          }
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(found.length).toBeGreaterThan(10);
    for (const f of found) expect(known.has(f.doi.toLowerCase()), `${f.doi} in ${f.file}`).toBe(true);
  });
});

/** Drops punctuation that ends the sentence around a DOI (keeps balanced brackets inside it). */
function trimDoi(raw: string): string {
  let doi = raw;
  for (;;) {
    if (/[.,;:]$/.test(doi)) doi = doi.slice(0, -1);
    else if (doi.endsWith(')') && (doi.match(/\(/g) ?? []).length < (doi.match(/\)/g) ?? []).length)
      doi = doi.slice(0, -1);
    else return doi;
  }
}

describe('verdict styles', () => {
  it('labels every verdict plainly, with a distinct glyph', () => {
    expect(Object.keys(VERDICT_STYLES).sort()).toEqual([...VERDICTS].sort());
    expect(VERDICT_STYLES['animal-only'].label).toBe('Animal study only');
    expect(VERDICT_STYLES.limited.label).toBe('Limited human evidence');
    expect(VERDICT_STYLES['not-evaluable'].label).toBe('Not testable (label language)');
    const glyphs = VERDICTS.map((v) => VERDICT_STYLES[v].glyph);
    expect(new Set(glyphs).size).toBe(glyphs.length);
    expect(glyphs).not.toContain('?'); // reserved for hedged or denied claims
    for (const v of VERDICTS) expect(VERDICT_STYLES[v].explanation.length, v).toBeGreaterThan(10);
  });

  it('meets WCAG AA contrast in light and dark mode', () => {
    for (const v of VERDICTS) {
      for (const mode of ['light', 'dark'] as const) {
        const { fg, bg } = VERDICT_STYLES[v][mode];
        expect(contrastRatio(fg, CARD_BACKGROUND[mode]), `${v} ${mode} on card`).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(fg, bg), `${v} ${mode} on badge`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('computes contrast ratios correctly', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('dose reference', () => {
  it('states the upper limit and the elemental fraction with their sources', () => {
    expect(UPPER_LIMIT_MG).toBe(350);
    expect(getSource(UPPER_LIMIT_SOURCE)).toBeDefined();
    expect(MGT_ELEMENTAL_FRACTION).toBeCloseTo(0.072, 6);
    expect(getSource(MGT_ELEMENTAL_FRACTION_SOURCE)).toBeDefined();
    expect(estimateElementalMg(2000)).toBe(144);
    expect(estimateElementalMg(1000)).toBe(72);
  });

  it('lists trial doses only from human MgT studies', () => {
    expect(TRIAL_DOSES.find((d) => d.source === 'hausenblas-2024')?.dose).toMatch(/^1 g\/day/);
    for (const d of TRIAL_DOSES) {
      const s = getSource(d.source);
      expect(s?.type, d.source).toMatch(/^human-/);
      expect(d.dose).toMatch(/\d/);
    }
  });
});
