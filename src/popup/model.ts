// Pure helpers that shape a PageReport into what the popup shows. No DOM, no browser APIs.
import type { ClaimReport, DoseContext, Verdict } from '../core/types';
import type { ClaimRef, PageReport } from '../shared/messages';
import { VERDICT_ORDER } from '../core/report/verdict-order';

// The popup groups in the order the copied report and the report page use.
export { VERDICT_ORDER };

export interface ClaimRow {
  /** Index into ScanResult.claims (what `reveal` takes). */
  index: number;
  report: ClaimReport;
  /** False when the content script says the text is no longer on the page. */
  revealable: boolean;
}

export interface VerdictGroup {
  verdict: Verdict;
  rows: ClaimRow[];
}

/** Groups claims by verdict in VERDICT_ORDER, keeping page order inside a group; empty groups dropped. */
export function groupByVerdict(claims: readonly ClaimReport[], refs: readonly ClaimRef[] = []): VerdictGroup[] {
  const revealable = new Map(refs.map((r) => [r.index, r.revealable]));
  return VERDICT_ORDER.map((verdict) => ({
    verdict,
    rows: claims
      .map((report, index) => ({ index, report, revealable: revealable.get(index) ?? true }))
      .filter((row) => row.report.verdict === verdict),
  })).filter((g) => g.rows.length > 0);
}

/** Source ids cited by the claims, first use first, each once. */
export function citedSourceIds(claims: readonly ClaimReport[]): string[] {
  const seen = new Set<string>();
  for (const c of claims) for (const s of c.sources) seen.add(s);
  return [...seen];
}

/** "144 mg", "1,000 mg"; null stays null. */
export function formatMg(mg: number | null): string | null {
  if (mg === null || !Number.isFinite(mg)) return null;
  return `${Math.round(mg).toLocaleString('en-US')} mg`;
}

/** True when the label's daily elemental dose is above the adult supplemental upper limit. */
export function isOverUpperLimit(dose: DoseContext | null): boolean {
  return !!dose && dose.daily_elemental_mg !== null && dose.daily_elemental_mg > dose.upper_limit_mg;
}

/** Share of the upper limit (0..1+), for a small bar; null when unknown. */
export function shareOfUpperLimit(dose: DoseContext | null): number | null {
  if (!dose || dose.daily_elemental_mg === null || dose.upper_limit_mg <= 0) return null;
  return dose.daily_elemental_mg / dose.upper_limit_mg;
}

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'cannot-run' }
  | { kind: 'no-claims'; report: PageReport }
  | { kind: 'report'; report: PageReport };

/**
 * What to show for a content-script answer. `undefined` means no script answered:
 * still loading while attempts remain, cannot run after that.
 */
export function stateFor(report: PageReport | undefined, attemptsLeft: number): PopupState {
  if (!report) return attemptsLeft > 0 ? { kind: 'loading' } : { kind: 'cannot-run' };
  if (!report.ready) return attemptsLeft > 0 ? { kind: 'loading' } : { kind: 'no-claims', report };
  if (!report.result || report.result.claims.length === 0) return { kind: 'no-claims', report };
  return { kind: 'report', report };
}

/** Pages where no extension can run a content script: answer at once instead of retrying. */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return false; // unknown (no permission to see it): let the retries decide
  if (/^(chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|view-source|devtools|chrome-search|chrome-untrusted):/i.test(url)) {
    return true;
  }
  return /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)(\/|$)/i.test(url);
}

/** Reads ?tab=<id>, ?url=<page url> and ?focus=<claim index> from the popup's own address. */
export function parsePopupParams(search: string): { tab: number | null; url: string | null; focus: number | null } {
  const p = new URLSearchParams(search);
  const int = (v: string | null): number | null => (v !== null && /^\d+$/.test(v) ? Number(v) : null);
  return { tab: int(p.get('tab')), url: p.get('url') || null, focus: int(p.get('focus')) };
}
