// A pattern's triggers are one regex per alternative, and detection runs each only
// when the clause holds a word of its guard (src/core/claims/triggers.ts), so a
// page's first pass compiles less. That must find exactly the span the triggers
// find joined into one regex (as they were written until round 15), in every
// clause detection can see.
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

/** Runs of triggers with the same flags, each joined into one regex: a regex tries its alternatives in order at each position. */
function joined(p: ClaimPattern): RegExp[] {
  const out: RegExp[] = [];
  let run: Array<{ source: string; flags: string }> = [];
  const close = (): void => {
    if (run.length > 0) out.push(new RegExp(run.map((t) => t.source).join('|'), (run[0] as { flags: string }).flags));
    run = [];
  };
  for (const t of p.triggers) {
    if (run.length > 0 && (run[0] as { flags: string }).flags !== t.flags) close();
    run.push(t);
  }
  close();
  return out;
}

/** The earliest match of the joined regexes, the earlier regex's on a tie. */
function joinedSpan(res: readonly RegExp[], clause: string): [number, number] | null {
  let best: [number, number] | null = null;
  for (const re of res) {
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
  it('are one alternative each (no | outside a group), with a guard each', () => {
    for (const p of CLAIM_PATTERNS) {
      for (const t of p.triggers) expect(alternatives(t.source), `${p.claim}: ${t.source}`).toHaveLength(1);
      expect(TRIGGER_GUARDS[p.claim], p.claim).toHaveLength(p.triggers.length);
    }
  });

  it('find the span the joined triggers find, in every clause of the wordings, the fixture pages and a shop page', () => {
    expect(clauses.length).toBeGreaterThan(2_000);
    let hits = 0;
    const joins = new Map(CLAIM_PATTERNS.map((p) => [p, joined(p)]));
    for (const clause of clauses) {
      const lower = clause.toLowerCase();
      for (const p of CLAIM_PATTERNS) {
        const want = joinedSpan(joins.get(p) as RegExp[], clause);
        if (want) hits++;
        expect(firstTriggerSpan(p, clause, lower), `${p.claim}: ${clause}`).toEqual(want);
      }
    }
    // Every pattern's wordings are among them, so most patterns match somewhere.
    expect(hits).toBeGreaterThan(500);
  });

  it('skip a trigger only where it cannot match: each guard holds in every clause its trigger matches', () => {
    for (const p of CLAIM_PATTERNS) {
      p.triggers.forEach((re, k) => {
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
