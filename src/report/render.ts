// The report as HTML: the same content and order as markdownReport (the text
// that "Copy report" and `scan --md` give), for reading and printing. Every
// string from the page or the data goes in with textContent, never as HTML.
import type { ReportInput } from '../core/report/markdown';
import { numberSources } from '../core/report/references';
import { VERDICT_ORDER } from '../core/report/verdict-order';
import { evidenceFor } from '../core/evidence/claims';
import { UPPER_LIMIT_SOURCE } from '../core/evidence/dose-reference';
import { VERDICT_STYLES } from '../core/evidence/verdicts';
import { doiUrl, formatCitation, pubmedUrl, bestUrl } from '../core/cite';
import type { ClaimReport } from '../core/types';
import { t, verdictExplanation, verdictLabel } from '../shared/i18n';

type Children = (Node | string | null | undefined | false)[];

function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> | null,
  ...children: Children
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c); // strings become Text nodes
  return e;
}

const mg = (n: number) => `${n.toLocaleString('en-US')} mg`;

function link(doc: Document, href: string, text: string): HTMLAnchorElement {
  const a = h(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
  return a;
}

/** The report as a fragment (headings start at h1). */
export function renderReport(doc: Document, { title, url, date, result }: ReportInput): DocumentFragment {
  const refs = numberSources(result.claims, result.dose ? [UPPER_LIMIT_SOURCE, ...result.dose.trial_doses.map((d) => d.source)] : []);
  const cite = (ids: readonly string[]): HTMLElement | null => {
    const nums = ids.map((id) => refs.number.get(id)).filter((n): n is number => n !== undefined);
    if (nums.length === 0) return null;
    const sup = h(doc, 'span', { class: 'refs' });
    nums.forEach((n) => sup.append(h(doc, 'a', { href: `#ref-${n}` }, `[${n}]`)));
    return sup;
  };
  const frag = doc.createDocumentFragment();
  const asserted = result.claims.filter((c) => c.stance === 'asserted').length;

  const header = h(doc, 'header', { class: 'report-head' }, h(doc, 'h1', null, t('reportTitle', title || t('untitledPage'))));
  if (url) header.append(h(doc, 'p', { class: 'page-url' }, `${t('reportPage')} `, h(doc, 'span', { class: 'url' }, url)));
  header.append(h(doc, 'p', null, t('reportChecked', date, result.claims.length, asserted)));
  frag.append(header);

  const p = result.product;
  const d = result.dose;
  if (p || d) {
    const section = h(doc, 'section', { class: 'product' }, h(doc, 'h2', null, p ? t('productHeading') : t('reportDose')));
    const list = h(doc, 'dl', null);
    const row = (k: string, v: string | null, extra?: Node | null) => {
      if (v) list.append(h(doc, 'div', { class: 'row' }, h(doc, 'dt', null, k), h(doc, 'dd', null, v, extra ? ' ' : null, extra ?? null)));
    };
    if (p) {
      row(t('name'), p.name);
      row(t('brand'), p.brand);
      row(t('form'), p.form);
      row(t('serving'), p.serving);
      row(t('reportMgtPerServing'), p.mgt_mg_per_serving === null ? null : mg(p.mgt_mg_per_serving));
      if (p.elemental_mg_per_serving !== null) {
        const est = p.elemental_is_estimate ? ` (${t('estimateBasis', p.elemental_estimate_basis ?? t('estimate'))})` : '';
        row(t('elementalPerServing'), mg(p.elemental_mg_per_serving) + est);
      }
      row(t('servingsPerContainer'), p.servings_per_container === null ? null : String(p.servings_per_container));
      row(t('price'), p.price);
    }
    section.append(list);
    if (d) {
      const ul = h(doc, 'ul', { class: 'dose' });
      if (d.daily_elemental_mg !== null) {
        const est = d.daily_is_estimate ? ` (${t('estimate')})` : '';
        ul.append(
          h(doc, 'li', null, t('reportDailyElemental', mg(d.daily_elemental_mg) + est), '; ', t('reportUpperLimit', mg(d.upper_limit_mg)), ' ', cite([d.upper_limit_source])),
        );
      }
      if (d.daily_mgt_mg !== null) ul.append(h(doc, 'li', null, t('reportDailyMgt', mg(d.daily_mgt_mg))));
      if (d.trial_doses.length) {
        const li = h(doc, 'li', null, t('reportTrialDoses'), ' ');
        d.trial_doses.forEach((td, i) => li.append(i > 0 ? '; ' : '', `${td.dose} `, cite([td.source]) ?? ''));
        ul.append(li);
      }
      if (ul.childElementCount > 0) section.append(ul);
    }
    frag.append(section);
  }

  const checks = h(doc, 'section', { class: 'checks' }, h(doc, 'p', null, result.disclaimer ? t('reportDisclaimerYes') : t('reportDisclaimerNo')));
  if (result.disease_claims.length) {
    checks.append(h(doc, 'p', { class: 'warn' }, `${t('reportDiseaseClaims')} ${result.disease_claims.map((c) => evidenceFor(c).label.toLowerCase()).join('; ')}.`));
  }
  frag.append(checks);

  const claims = h(doc, 'section', { class: 'claims' }, h(doc, 'h2', null, t('reportClaims')));
  if (!result.claims.length) claims.append(h(doc, 'p', null, t('reportNoClaims')));
  for (const verdict of VERDICT_ORDER) {
    const group = result.claims.filter((c) => c.verdict === verdict);
    if (!group.length) continue;
    const style = VERDICT_STYLES[verdict];
    const g = h(
      doc,
      'section',
      { class: 'verdict-group', 'data-verdict': verdict },
      h(doc, 'h3', null, h(doc, 'span', { class: 'glyph', 'aria-hidden': 'true' }, style.glyph), ' ', verdictLabel(verdict)),
      h(doc, 'p', { class: 'explanation' }, verdictExplanation(verdict)),
    );
    g.style.setProperty('--verdict', style.light.fg);
    for (const id of [...new Set(group.map((c) => c.claim))]) {
      const same = group.filter((c) => c.claim === id);
      const first = same[0] as ClaimReport;
      const item = h(
        doc,
        'article',
        { class: 'claim', 'data-claim': id },
        h(doc, 'p', null, h(doc, 'strong', null, `${evidenceFor(id, first.quote).label}.`), ` ${first.note} `, cite(first.sources)),
      );
      const quotes = h(doc, 'ul', { class: 'quotes' });
      for (const c of same) {
        const stance = c.stance === 'hedged' ? t('reportStanceHedged') : c.stance === 'negated' ? t('reportStanceNegated') : '';
        quotes.append(h(doc, 'li', null, h(doc, 'q', null, c.quote), stance ? ` ${stance}` : null));
      }
      item.append(quotes);
      g.append(item);
    }
    claims.append(g);
  }
  frag.append(claims);

  if (refs.sources.length) {
    const ol = h(doc, 'ol', { class: 'references' });
    refs.sources.forEach((s, i) => {
      const li = h(doc, 'li', { id: `ref-${i + 1}` }, h(doc, 'span', { class: 'citation' }, formatCitation(s, 'ama')));
      const links = h(doc, 'span', { class: 'ref-links' });
      if (s.doi) links.append(' ', link(doc, doiUrl(s.doi), `doi:${s.doi}`));
      if (s.pmid) links.append(' ', link(doc, pubmedUrl(s.pmid), `PubMed ${s.pmid}`));
      const other = bestUrl(s);
      if (!s.doi && !s.pmid && other) links.append(' ', link(doc, other, other));
      li.append(links);
      ol.append(li);
    });
    frag.append(h(doc, 'section', { class: 'refs-section' }, h(doc, 'h2', null, t('reportReferences')), ol));
  }
  frag.append(h(doc, 'p', { class: 'advice' }, t('notMedicalAdvice')));
  return frag;
}
