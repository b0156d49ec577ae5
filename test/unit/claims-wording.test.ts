// For every claim id: wordings that must come out as asserted, and wordings that must
// not (the wordings are in wordings.ts).
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import { CLAIM_IDS } from '../../src/core/types';
import { W, page, typeset } from './wordings';

describe('every claim id has asserted and non-asserted wordings', () => {
  it('covers all ids', () => {
    for (const id of CLAIM_IDS) {
      expect(W[id].yes.length, id).toBeGreaterThanOrEqual(3);
      expect(W[id].no.length, id).toBeGreaterThanOrEqual(2);
    }
  });
  for (const id of CLAIM_IDS) {
    describe(id, () => {
      for (const c of W[id].yes) {
        const text = typeof c === 'string' ? c : c.text;
        it(`asserted: ${text}`, () => {
          const found = detectClaims(page(c)).filter((m) => m.claim === id);
          expect(found.map((m) => m.stance)).toEqual(['asserted']);
        });
      }
      for (const c of W[id].no) {
        const text = typeof c === 'string' ? c : c.text;
        it(`not asserted: ${text}`, () => {
          const found = detectClaims(page(c)).filter((m) => m.claim === id && m.stance === 'asserted');
          expect(found).toEqual([]);
        });
      }
    });
  }
});

describe('typeset wordings', () => {
  // Curly apostrophes, non-breaking hyphens and spaces, as a typesetting page has
  // them: detection finds what it finds in the plain text. ("Neuro‑Mag" with a
  // non-breaking hyphen was once not taken for a name where detection decides
  // whether a block is worth splitting into sentences.)
  it('every wording, typeset, gives what it gives written plainly', () => {
    const found = (blocks: ReturnType<typeof page>) => detectClaims(blocks).map((m) => `${m.claim} ${m.stance}`);
    for (const id of CLAIM_IDS) {
      for (const c of [...W[id].yes, ...W[id].no]) {
        const plain = page(c);
        const typed = plain.map((b) => ({ ...b, text: typeset(b.text) }));
        expect(found(typed), typed.map((b) => b.text).join(' / ')).toEqual(found(plain));
      }
    }
  });
});

describe('wordings among symbols', () => {
  // ™ after the names, a rating's stars before the text, a bullet, an emoji after
  // each sentence: normalize() makes such symbols one stand-in each (round 44), and
  // detection must find what it finds with a Latin-1 symbol (©, kept as it is) in
  // each place, at the same offsets.
  const withSymbols = (text: string, star: string, tm: string, bullet: string, emoji: string): string =>
    `${star.repeat(5)} ${bullet} ${text.replace(/(magtein|neuro-mag|l-threonate|mgt)\b/gi, `$1${tm}`).replace(/([.!?])( |$)/g, `$1 ${emoji}$2`)}`;
  it('every wording gives what it gives with a symbol of Latin-1 in their places', () => {
    const found = (blocks: ReturnType<typeof page>) => detectClaims(blocks).map((m) => `${m.claim} ${m.stance} ${m.start}-${m.end}`);
    for (const id of CLAIM_IDS) {
      for (const c of [...W[id].yes, ...W[id].no]) {
        const plain = page(c);
        const symbols = plain.map((b) => ({ ...b, text: withSymbols(b.text, '\u2605', '\u2122', '\u2022', '\u{1F44D}') }));
        const latin1 = plain.map((b) => ({ ...b, text: withSymbols(b.text, '\u00a9', '\u00a9', '\u00a9', '\u00a9\u00a9') }));
        expect(found(symbols), symbols.map((b) => b.text).join(' / ')).toEqual(found(latin1));
        expect(found(symbols).length, symbols.map((b) => b.text).join(' / ')).toBe(found(plain).length);
      }
    }
  });
});
