// Detection runs each alternative of a pattern's triggers as a regex of its own,
// and only when the clause holds a word of its guard (src/core/claims/triggers.ts),
// so a page's first pass compiles less. That must find exactly the span the
// pattern's joined triggers find, in every clause detection can see.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { TRIGGER_GUARDS } from '../../src/core/claims/anchors.generated';
import { clauseSpans } from '../../src/core/claims/clauses';
import { CLAIM_PATTERNS, type ClaimPattern } from '../../src/core/claims/patterns';
import { firstTriggerSpan } from '../../src/core/claims/triggers';
import { normalize } from '../../src/core/text/normalize';
import { alternatives } from '../../src/core/text/regex-source';
import { sentenceSpans } from '../../src/core/text/sentences';
import { extractPageData } from '../../src/extract';
import { generatePage } from '../../bench/pages';
import { fixturePages } from './fixture-pages';
import { everyWordingPage } from './wordings';

/** The span the pattern's triggers find as written: each regex whole, the earliest match, the earlier regex on a tie. */
function joinedSpan(p: ClaimPattern, clause: string): [number, number] | null {
  let best: [number, number] | null = null;
  for (const re of p.triggers) {
    const m = re.exec(clause);
    if (m && (!best || m.index < best[0])) best = [m.index, m.index + m[0].length];
  }
  return best;
}

/** Every clause detection can cut from these texts, and each whole sentence and text too. */
function clausesOf(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of texts) {
    const text = normalize(raw).text;
    out.add(text);
    for (const [s0, s1] of sentenceSpans(text)) {
      const sentence = text.slice(s0, s1);
      out.add(sentence);
      for (const [c0, c1] of clauseSpans(sentence)) out.add(sentence.slice(c0, c1));
    }
  }
  return [...out];
}

function blockTexts(html: string): string[] {
  const { document } = parseHTML(html);
  const { page } = extractPageData(document as unknown as Document, null);
  return page.blocks.map((b) => b.text);
}

const clauses = clausesOf([
  ...everyWordingPage().flatMap((blocks) => blocks.map((b) => b.text)),
  ...fixturePages().flatMap(([, html]) => blockTexts(html)),
  ...blockTexts(generatePage({ name: 'shop', bytes: 150_000, claimParagraphs: 12, seed: 7 })),
]);

describe('trigger alternatives', () => {
  it('have one guard each, in order', () => {
    for (const p of CLAIM_PATTERNS) {
      const count = p.triggers.reduce((n, t) => n + alternatives(t.source).length, 0);
      expect(TRIGGER_GUARDS[p.claim], p.claim).toHaveLength(count);
    }
  });

  it('find the span the joined triggers find, in every clause of the wordings, the fixture pages and a shop page', () => {
    expect(clauses.length).toBeGreaterThan(2_000);
    let hits = 0;
    for (const clause of clauses) {
      const lower = clause.toLowerCase();
      for (const p of CLAIM_PATTERNS) {
        const want = joinedSpan(p, clause);
        if (want) hits++;
        expect(firstTriggerSpan(p, clause, lower), `${p.claim}: ${clause}`).toEqual(want);
      }
    }
    // Every pattern's wordings are among them, so most patterns match somewhere.
    expect(hits).toBeGreaterThan(500);
  });

  it('leave an alternative out only where it cannot match: each guard holds in every clause its alternative matches', () => {
    for (const p of CLAIM_PATTERNS) {
      const alts = p.triggers.flatMap((t) => alternatives(t.source).map((s) => new RegExp(s, t.flags)));
      alts.forEach((re, k) => {
        const guard = TRIGGER_GUARDS[p.claim][k] as readonly string[];
        for (const clause of clauses) {
          if (!re.test(clause)) continue;
          const lower = clause.toLowerCase();
          expect(guard.some((w) => lower.includes(w)), `${p.claim} #${k} ${JSON.stringify(guard)}: ${clause}`).toBe(true);
        }
      });
    }
  });
});
