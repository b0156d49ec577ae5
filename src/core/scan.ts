// The one entry point adapters call: page data in, claims + product summary out.
import type { ClaimMatch, PageData, ScanResult } from './types';
import { detectClaims } from './claims/detect';

export interface PageScan {
  result: ScanResult;
  /** Matches with block offsets, for the content script to map back to DOM ranges (same order as result.claims). */
  matches: ClaimMatch[];
}

export function scanPage(page: PageData): PageScan {
  const matches = detectClaims(page.blocks);
  // TODO(lead): evidence, product, dose, disclaimer.
  return {
    matches,
    result: { product: null, disclaimer: false, claims: [], dose: null, disease_claims: [] },
  };
}
