// The popup's one door into the evidence base and the citation formatter, so the
// components don't depend on how the core spells its modules.
import type { ClaimId, Source, Verdict } from '../core/types';
import { evidenceFor } from '../core/evidence/claims';
import { getSource } from '../core/evidence/sources';
import { VERDICT_STYLES, type VerdictStyle } from '../core/evidence/verdicts';
import { formatCitation, shortCitation, type CitationFormat } from '../core/cite';
import { doiUrl, pubmedUrl } from '../core/cite/links';

export { getSource, doiUrl, pubmedUrl };

export function claimLabel(claim: ClaimId, quote?: string): string {
  return evidenceFor(claim, quote).label;
}

export function verdictStyle(verdict: Verdict): VerdictStyle {
  return VERDICT_STYLES[verdict];
}

export function amaCitation(source: Source): string {
  return formatCitation(source, 'ama');
}

export function citation(source: Source, format: CitationFormat): string {
  return formatCitation(source, format);
}

/** "Slutsky 2010"; the id itself for an unknown source (should not happen: tests check the data). */
export function shortCite(id: string): string {
  const s = getSource(id);
  return s ? shortCitation(s) : id;
}
