// Each claim's report (what the popup and the cards show) after a pass, taken from
// the last pass's where the claim is the same: a change keeps most of a page's claims.
import { claimReport } from '../core/scan';
import type { ClaimMatch, ClaimReport } from '../core/types';
import type { Detected } from '../core/claims/sections';
import { claimKey, sameClaim } from './render';

/**
 * The claims' reports (what `summarize` makes of them), without the page-wide
 * product and disclaimer reads. A rescan keeps most claims: their reports are
 * taken from the last pass's instead of being made again.
 */
export function claimReports(matches: readonly ClaimMatch[], previous: readonly ClaimReport[], reused?: Detected['reused']): ClaimReport[] {
  // A rescan names the matches it kept from the detection `previous` was made for: only
  // those between are looked at (a paragraph added to a page of 3,000 claims compared
  // them all, ~0.5 ms).
  if (reused !== undefined && reused.head + reused.tail <= Math.min(matches.length, previous.length)) {
    const { head, tail } = reused;
    const middle = nearReports(matches.slice(head, matches.length - tail), previous.slice(head, previous.length - tail));
    return previous.slice(0, head).concat(middle, previous.slice(previous.length - tail));
  }
  return nearReports(matches, previous);
}

function nearReports(matches: readonly ClaimMatch[], previous: readonly ClaimReport[]): ClaimReport[] {
  // After a change the claims mostly come in the last pass's order, with a few more or
  // a few less: the report expected next is tried first, then the next few (claims
  // gone), and a claim that the expected one follows within a few is new; no key is
  // built for those. (Only past that, a map of every report's key: a paragraph of two
  // claims added to a page of 5,000 built it, ~2 ms. A report made again is the same
  // report: reusing one only saves making it.)
  let next = 0;
  let known: Map<string, number> | null = null;
  return matches.map((m, i) => {
    const expected = previous[next];
    if (expected === undefined) return claimReport(m);
    for (let k = 0; k < NEAR_CLAIMS; k++) {
      const r = previous[next + k];
      if (r === undefined) break;
      if (!sameClaim(r, m)) continue;
      next += k + 1;
      return r;
    }
    for (let k = 1; k < NEAR_CLAIMS; k++) {
      const later = matches[i + k];
      if (later === undefined) break;
      if (sameClaim(expected, later)) return claimReport(m);
    }
    known ??= new Map(previous.map((r, k) => [claimKey(r), k]));
    const at = known.get(claimKey(m));
    if (at === undefined) return claimReport(m);
    next = at + 1;
    return previous[at] as ClaimReport;
  });
}

/** How far claimReports looks ahead in either list before it maps every report by key. */
const NEAR_CLAIMS = 16;
