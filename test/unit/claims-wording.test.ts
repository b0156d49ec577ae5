// For every claim id: wordings that must come out as asserted, and wordings that must
// not (the wordings are in wordings.ts).
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import { CLAIM_IDS } from '../../src/core/types';
import { W, page } from './wordings';

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
