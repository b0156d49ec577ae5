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
