// renderSteps (src/content/render.ts) without a browser: what it looks at.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detectClaims } from '../../src/core/claims/detect';
import { claimReport, type PageScan } from '../../src/core/scan';
import type { TextBlock } from '../../src/core/types';
import { MAX_MARKS, renderSteps } from '../../src/content/render';

describe('renderSteps', () => {
  it('goes through the claims that can get a mark, not every claim of a page that has thousands', () => {
    const blocks: TextBlock[] = Array.from({ length: 1_200 }, (_, i) => ({ text: `Magtein improves memory, says post ${i}.`, tag: 'p', headingLevel: 0, region: 'main' }));
    const matches = detectClaims(blocks, { title: 'Magnesium L-threonate' });
    expect(matches.length).toBe(1_200);
    const scan: PageScan = { matches, result: { product: null, disclaimer: false, claims: matches.map(claimReport), dose: null, disease_claims: [] } };
    const { document } = parseHTML('<html><body></body></html>');
    // No text tables and no new markers (as while the page fights ours: fight-guard.ts), so only the loop runs.
    const steps = renderSteps(document as unknown as Document, [], scan, [], () => {}, () => {}, false);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(step.value.marks).toEqual([]);
    // A step per 12 claims up to the cap (16); through all 1,200 it was 99.
    expect(yields).toBeLessThanOrEqual(Math.ceil(MAX_MARKS / 12));
  });
});
