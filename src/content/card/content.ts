// Builds the card's DOM. Everything from the page or the data goes in as text
// (textContent), never as HTML.
import { getSource } from '../../core/evidence/sources';
import { VERDICT_STYLES } from '../../core/evidence/verdicts';
import { shortCitation } from '../../core/cite';
import { doiUrl, pubmedUrl } from '../../core/cite/links';
import type { CardData } from '../card-types';
import { t, verdictLabel } from '../../shared/i18n';

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function link(doc: Document, href: string, text: string, label: string): HTMLAnchorElement {
  const a = el(doc, 'a', '', text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.setAttribute('aria-label', label);
  return a;
}

const stanceLine = (stance: 'hedged' | 'negated'): string => (stance === 'hedged' ? t('cardHedged') : t('cardNegated'));

/** The card body for one claim. Its `button.details` asks for the popup (wired by the caller). */
export function buildCardContent(doc: Document, data: CardData): DocumentFragment {
  const { report, label } = data;
  const style = VERDICT_STYLES[report.verdict];
  const frag = doc.createDocumentFragment();

  const verdict = el(doc, 'span', 'verdict');
  verdict.append(el(doc, 'span', 'glyph', style.glyph), el(doc, 'span', 'verdict-label', verdictLabel(report.verdict)));
  verdict.firstElementChild?.setAttribute('aria-hidden', 'true');
  frag.append(verdict, el(doc, 'span', 'label', label));
  if (report.stance !== 'asserted') frag.append(el(doc, 'span', 'stance', stanceLine(report.stance)));
  frag.append(el(doc, 'span', 'note', report.note));

  const sources = report.sources.map((id) => getSource(id)).filter((s) => s !== undefined);
  const first = sources[0];
  if (first !== undefined) {
    const cite = shortCitation(first);
    frag.append(el(doc, 'span', 'source', cite), el(doc, 'span', 'design', first.design));
    const links = el(doc, 'span', 'links');
    if (first.doi) links.append(link(doc, doiUrl(first.doi), `DOI ${first.doi}`, t('cardLinkLabel', `DOI ${first.doi}`)));
    if (first.pmid) links.append(link(doc, pubmedUrl(first.pmid), 'PubMed', t('cardLinkLabel', `PubMed ${first.pmid}`)));
    if (!first.doi && !first.pmid && first.url) links.append(link(doc, first.url, t('cardSource'), t('cardLinkLabel', cite)));
    if (links.childElementCount > 0) frag.append(links);
    if (sources.length > 1) {
      const n = sources.length - 1;
      frag.append(el(doc, 'span', 'more', n === 1 ? t('cardMoreOne') : t('cardMoreOther', n)));
    }
  }
  frag.append(
    el(doc, 'button', 'details', t('cardDetails')),
    el(doc, 'span', 'disclaimer', t('cardDisclaimer')),
  );
  return frag;
}
