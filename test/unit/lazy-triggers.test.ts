// The claim patterns' triggers are made only when a clause first holds their
// guard's words (src/core/text/lazy-regexp.ts): importing the patterns makes none,
// and detecting one claim makes only the triggers it could need.
import { describe, expect, it } from 'vitest';
import { CLAIM_PATTERNS } from '../../src/core/claims/patterns';
import { detectClaims } from '../../src/core/claims/detect';
import { TRIGGER_GUARDS } from '../../src/core/claims/anchors.generated';
import { LazyRegExp } from '../../src/core/text/lazy-regexp';

const all = () => CLAIM_PATTERNS.flatMap((p) => p.triggers);

describe('lazy triggers', () => {
  it('are not made when the patterns load', () => {
    expect(all().length).toBeGreaterThan(100);
    expect(all().filter((t) => t.isMade)).toEqual([]);
  });

  it('are made only where a clause holds their guard, and then match as a regex does', () => {
    const text = 'Magtein is the only form of magnesium that crosses the blood-brain barrier.';
    const found = detectClaims([{ text, tag: 'p', headingLevel: 0, region: 'main' }]);
    expect(found.map((m) => m.claim)).toContain('brain-uptake-exclusive');
    const lower = text.toLowerCase();
    const made = new Set(all().filter((t) => t.isMade));
    expect(made.size).toBeGreaterThan(0);
    expect(made.size).toBeLessThan(all().length / 4);
    for (const p of CLAIM_PATTERNS) {
      p.triggers.forEach((t, k) => {
        const guard = TRIGGER_GUARDS[p.claim][k] as readonly string[];
        if (made.has(t)) expect(guard.some((w) => lower.includes(w)), `${p.claim} #${k}`).toBe(true);
      });
    }
  });

  it('a lazy regex answers as the regex it stands for', () => {
    const lazy = new LazyRegExp(String.raw`\bonly\s+form\b`, 'i');
    expect(lazy.isMade).toBe(false);
    expect(lazy.test('The ONLY  form')).toBe(true);
    expect(lazy.exec('not the only form')?.index).toBe(8);
    expect(lazy.regex.flags).toBe('i');
    expect(new LazyRegExp('MIT', '').test('mit')).toBe(false);
  });
});
