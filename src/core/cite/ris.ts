// RIS (Research Information Systems) tagged format: "TAG  - value" lines ending
// in CRLF, from TY to ER. Journal papers are JOUR; regulations and government
// guidance GOVDOC; other documents ELEC when they have a web address, else GEN.
import type { Source } from '../types';
import { authorList, dottedInitials, isArticle, pageRange, parsePerson } from './parts';
import { doiUrl, pubmedUrl } from './links';

function risType(source: Source): string {
  if (isArticle(source)) return 'JOUR';
  if (source.type === 'regulation' || source.type === 'guideline') return 'GOVDOC';
  return source.url ? 'ELEC' : 'GEN';
}

/** Values must stay on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function formatRis(source: Source): string {
  const lines: [string, string][] = [['TY', risType(source)]];
  const { names, truncated } = authorList(source);
  for (const n of names) {
    const p = parsePerson(n);
    lines.push(['AU', p ? `${p.family}, ${dottedInitials(p.initials)}` : n]);
  }
  lines.push(['TI', source.title]);
  lines.push(['T2', source.journal]);
  if (source.year !== null) lines.push(['PY', String(source.year)]);
  if (source.volume) lines.push(['VL', source.volume]);
  if (source.issue) lines.push(['IS', source.issue]);
  if (source.pages) {
    const [start, end] = pageRange(source.pages);
    lines.push(['SP', start]);
    if (end !== null) lines.push(['EP', end]);
  }
  if (source.doi) lines.push(['DO', source.doi]);
  if (source.pmid) lines.push(['AN', `PMID: ${source.pmid}`]);
  const url = source.doi ? doiUrl(source.doi) : source.pmid ? pubmedUrl(source.pmid) : source.url;
  if (url) lines.push(['UR', url]);
  if (truncated) lines.push(['N1', 'Author list incomplete in the source record (et al.).']);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`).join('\r\n') + '\r\n';
}
