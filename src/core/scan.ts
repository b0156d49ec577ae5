// The one entry point adapters call: page data in, claims + product summary out.
import { DISEASE_CLAIMS, evidenceFor } from './evidence/claims';
import { TRIAL_DOSES } from './evidence/dose-reference';
import { detectClaimsSteps } from './claims/detect';
import { doseContext, hasDisclaimer, summarizeProduct } from './product';
import type { ClaimId, ClaimMatch, ClaimReport, PageData, ScanResult } from './types';
import { runToEnd } from './steps';

export interface PageScan {
  result: ScanResult;
  /** Matches with block offsets, for the content script to map back to DOM ranges (same order as result.claims). */
  matches: ClaimMatch[];
}

/** "Relieves depression" is a disease claim; "supports a positive mood" is not. */
const DEPRESSION = /depress/i;

export function scanPage(page: PageData): PageScan {
  return runToEnd(scanPageSteps(page));
}

/** `scanPage` one block at a time: callers on the main thread yield between steps when their slice is used up. */
export function* scanPageSteps(page: PageData): Generator<number, PageScan, void> {
  const matches = yield* detectClaimsSteps(page.blocks, { title: page.title });
  const product = summarizeProduct(page);
  return { matches, result: summarize(page, product, matches) };
}

/** What the evidence says of a match: its verdict, note and sources. */
export function claimReport(m: ClaimMatch): ClaimReport {
  const e = evidenceFor(m.claim, m.quote);
  return { claim: m.claim, stance: m.stance, verdict: e.verdict, quote: m.quote, note: e.note, sources: [...e.sources] };
}

/** Claim reports, dose context, disclaimer and disease claims for a page's matches. */
export function summarize(page: PageData, product: ScanResult['product'], matches: readonly ClaimMatch[]): ScanResult {
  const claims = matches.map(claimReport);
  const disease = new Set<ClaimId>();
  for (const c of claims) {
    if (c.stance !== 'asserted') continue;
    if (DISEASE_CLAIMS.includes(c.claim) || (c.claim === 'mood' && DEPRESSION.test(c.quote))) disease.add(c.claim);
  }
  return {
    product,
    disclaimer: hasDisclaimer(page),
    claims,
    dose: product ? doseContext(product, [...TRIAL_DOSES]) : null,
    disease_claims: [...disease],
  };
}
