// The seed page (shared/seed): every claim sentence yields the right ids and stances,
// through the same block extraction the content script uses.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import { extractPageData } from '../../src/extract';

interface Expected { sentence: string; claim: string; stance: string }
const html = readFileSync(new URL('../fixtures/seed.html', import.meta.url), 'utf8');
const expected: Expected[] = JSON.parse(readFileSync(new URL('../fixtures/seed.expected.json', import.meta.url), 'utf8'));

function scanSeed() {
  const { document } = parseHTML(html);
  const { page } = extractPageData(document as unknown as Document, 'https://example.test/seed');
  return { page, matches: detectClaims(page.blocks, { title: page.title }) };
}

describe('seed review page', () => {
  const { page, matches } = scanSeed();
  const got = matches.map((m) => ({ claim: m.claim, stance: m.stance, quote: m.quote }));

  it('finds exactly the labelled claims, sentence by sentence', () => {
    const norm = (xs: Array<{ claim: string; stance: string; sentence: string }>) =>
      xs.map((x) => `${x.sentence.slice(0, 30)} | ${x.claim} | ${x.stance}`).sort();
    const actual = got.map((g) => {
      const e = expected.find((x) => g.quote.startsWith(x.sentence));
      return { claim: g.claim, stance: g.stance, sentence: e ? e.sentence : g.quote };
    });
    expect(norm(actual)).toEqual(norm(expected));
  });

  it('does not report the honest caveat as an asserted superiority claim', () => {
    const caveat = got.filter((g) => g.quote.startsWith('However, please kindly note'));
    expect(caveat).toEqual([expect.objectContaining({ claim: 'superior-form', stance: 'negated' })]);
  });

  it('catches the threonine error and does not call threonine a vitamin C metabolite', () => {
    const s = got.filter((g) => g.quote.includes('threonine, a metabolite of vitamin C'));
    expect(s.map((g) => g.claim)).toEqual(['threonine-confusion']);
  });

  it('does not take glycinate\'s cramp claim for an MgT claim', () => {
    expect(got.some((g) => g.claim === 'muscle-cramps')).toBe(false);
  });

  it('quotes the sentence exactly as written and highlights words inside it', () => {
    for (const m of matches) {
      const block = page.blocks[m.block]!;
      expect(block.text.slice(m.start, m.end).replace(/\s+/g, ' ').trim()).toBe(m.quote);
      expect(m.matchStart).toBeGreaterThanOrEqual(m.start);
      expect(m.matchEnd).toBeLessThanOrEqual(m.end);
      expect(m.matchEnd).toBeGreaterThan(m.matchStart);
    }
  });
});
