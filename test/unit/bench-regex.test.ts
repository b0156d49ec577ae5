// The benchmark's heavier baseline (bench/regex.ts): one regex of every claim
// trigger must find what detection's triggers find, or it would be a cheaper
// regex than it says it is.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ALL_TRIGGERS_REGEX } from '../../bench/regex';
import { detectClaims } from '../../src/core/claims/detect';
import { CLAIM_PATTERNS } from '../../src/core/claims/patterns';
import { normalize } from '../../src/core/text/normalize';
import { extractPageData } from '../../src/extract';

describe('the benchmark baselines\' regular expressions', () => {
  it('holds every trigger of every claim pattern', () => {
    const triggers = CLAIM_PATTERNS.flatMap((p) => p.triggers);
    expect(triggers.length).toBeGreaterThan(100);
    for (const t of triggers) expect(ALL_TRIGGERS_REGEX).toContain(`(?:${t.source})`);
    expect(() => new RegExp(ALL_TRIGGERS_REGEX, 'gi')).not.toThrow();
  });

  it('finds, in the seed page, the words that triggered every claim detection reports', () => {
    const html = readFileSync(new URL('../fixtures/seed.html', import.meta.url), 'utf8');
    const { document } = parseHTML(html);
    const { page } = extractPageData(document as unknown as Document, 'https://example.test/seed');
    const matches = detectClaims(page.blocks, { title: page.title });
    expect(matches.length).toBeGreaterThan(10);
    const all = new RegExp(ALL_TRIGGERS_REGEX, 'i');
    for (const m of matches) {
      const words = (page.blocks[m.block]?.text ?? '').slice(m.matchStart, m.matchEnd);
      expect(all.test(normalize(words).text), `${m.claim}: ${words}`).toBe(true);
    }
  });
});
