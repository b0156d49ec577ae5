// The plain-text/Markdown report: one formatter shared by `scan --md` and the popup's
// "Copy report", so a clinician gets the same text wherever it comes from.
import { evidenceFor } from '../evidence/claims';
import { UPPER_LIMIT_SOURCE } from '../evidence/dose-reference';
import { verdictLabel } from '../evidence/verdicts';
import { bestUrl, formatCitation, pubmedUrl } from '../cite';
import type { ClaimReport, ScanResult } from '../types';
import { numberSources } from './references';
import { VERDICT_ORDER } from './verdict-order';

export interface ReportInput {
  title: string;
  url: string | null;
  /** ISO date (YYYY-MM-DD) the page was checked. */
  date: string;
  result: ScanResult;
}

const STANCE_WORDS: Record<ClaimReport['stance'], string> = {
  asserted: '',
  hedged: ' (the page hedges this)',
  negated: ' (the page denies or doubts this)',
};

const mg = (n: number) => `${n.toLocaleString('en-US')} mg`;

export const DISCLAIMER_LINE = 'Evidence Lens informs; it is not medical advice.';

export function markdownReport({ title, url, date, result }: ReportInput): string {
  const refs = numberSources(result.claims, result.dose ? [UPPER_LIMIT_SOURCE, ...result.dose.trial_doses.map((d) => d.source)] : []);
  const cite = (ids: readonly string[]) => ids.map((id) => refs.number.get(id)).filter((n) => n !== undefined).map((n) => `[${n}]`).join('');
  const out: string[] = [];
  out.push(`# Evidence Lens report: ${title || 'untitled page'}`, '');
  if (url) out.push(`Page: ${url}`);
  const asserted = result.claims.filter((c) => c.stance === 'asserted').length;
  out.push(`Checked: ${date}. Claims about magnesium L-threonate found: ${result.claims.length} (${asserted} asserted).`, '');

  const p = result.product;
  if (p) {
    out.push('## Product', '');
    const row = (k: string, v: string | null) => v && out.push(`- ${k}: ${v}`);
    row('Name', p.name);
    row('Brand', p.brand);
    row('Form', p.form);
    row('Serving', p.serving);
    row('Magnesium L-threonate per serving', p.mgt_mg_per_serving === null ? null : mg(p.mgt_mg_per_serving));
    if (p.elemental_mg_per_serving !== null) {
      const est = p.elemental_is_estimate ? ` (estimate: ${p.elemental_estimate_basis ?? 'calculated'})` : '';
      row('Elemental magnesium per serving', mg(p.elemental_mg_per_serving) + est);
    }
    row('Servings per container', p.servings_per_container === null ? null : String(p.servings_per_container));
    row('Price', p.price);
  }
  const d = result.dose;
  if (d) {
    if (!p) out.push('## Dose', '');
    if (d.daily_elemental_mg !== null) {
      const est = d.daily_is_estimate ? ' (estimate)' : '';
      out.push(`- Elemental magnesium per day at the label's directions: ${mg(d.daily_elemental_mg)}${est}; adult upper limit for supplemental magnesium: ${mg(d.upper_limit_mg)}/day ${cite([d.upper_limit_source])}`);
    }
    if (d.daily_mgt_mg !== null) out.push(`- Magnesium L-threonate per day at the label's directions: ${mg(d.daily_mgt_mg)}`);
    if (d.trial_doses.length) {
      out.push(`- Doses in the human MgT trials: ${d.trial_doses.map((t) => `${t.dose} ${cite([t.source])}`).join('; ')}`);
    }
  }
  if (p || d) out.push('');
  out.push(`FDA structure/function disclaimer on the page: ${result.disclaimer ? 'yes' : 'not found'}.`);
  if (result.disease_claims.length) {
    out.push(`Disease claims (not allowed for dietary supplements): ${result.disease_claims.map((c) => evidenceFor(c).label.toLowerCase()).join('; ')}.`);
  }
  out.push('');

  out.push('## Claims', '');
  if (!result.claims.length) out.push('No claims about magnesium L-threonate were found on this page.', '');
  for (const verdict of VERDICT_ORDER) {
    const group = result.claims.filter((c) => c.verdict === verdict);
    if (!group.length) continue;
    out.push(`### ${verdictLabel(verdict)}`, '');
    // One entry per claim id (note and citations once), then every sentence that makes it.
    for (const id of [...new Set(group.map((c) => c.claim))]) {
      const same = group.filter((c) => c.claim === id);
      const first = same[0] as ClaimReport;
      out.push(`**${evidenceFor(id, first.quote).label}.** ${first.note} ${cite(first.sources)}`);
      for (const c of same) out.push(`- "${c.quote}"${STANCE_WORDS[c.stance]}`);
      out.push('');
    }
  }

  if (refs.sources.length) {
    out.push('## References', '');
    refs.sources.forEach((s, i) => {
      const ama = formatCitation(s, 'ama');
      const url = bestUrl(s);
      const links = [url && !ama.includes(url) && !s.pmid ? url : null, s.pmid ? `PubMed: ${pubmedUrl(s.pmid)}` : null];
      out.push(`${i + 1}. ${[ama, ...links].filter(Boolean).join(' ')}`);
    });
    out.push('');
  }
  out.push(`_${DISCLAIMER_LINE}_`, '');
  return out.join('\n');
}
