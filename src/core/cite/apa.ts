// APA 7th edition. Authors "Family, I. I."; when the record cuts the list short
// ("et al."), the known authors are followed by an ellipsis, since the last
// author (whom APA would name after it) is not known. Article numbers are
// written "Article N"; page ranges take an en dash.
import type { Source } from '../types';
import { authorList, dottedInitials, endSentence, isArticle, pageRange, parsePerson } from './parts';
import { doiUrl, pubmedUrl } from './links';

function apaName(name: string): string {
  const p = parsePerson(name);
  return p ? `${p.family}, ${dottedInitials(p.initials)}` : name;
}

function apaAuthors(source: Source): string {
  const { names, truncated } = authorList(source);
  const apa = names.map(apaName);
  if (apa.length === 0) return '';
  if (truncated) return `${apa.join(', ')}, …`;
  if (apa.length === 1) return apa[0] ?? '';
  return `${apa.slice(0, -1).join(', ')}, & ${apa[apa.length - 1]}`;
}

function apaLocation(source: Source): string {
  let out = source.journal;
  if (source.volume) out += `, ${source.volume}${source.issue ? `(${source.issue})` : ''}`;
  else if (source.issue) out += `, issue ${source.issue}`;
  if (source.pages) {
    const [start, end] = pageRange(source.pages);
    out += end === null ? `, Article ${start}` : `, ${start}–${end}`;
  }
  return `${out}.`;
}

export function formatApa(source: Source): string {
  const authors = apaAuthors(source);
  const date = `(${source.year ?? 'n.d.'}).`;
  const title = endSentence(source.title);
  // APA moves the title into the author position when there is no author.
  const head = authors ? [endSentence(authors), date, title] : [title, date];
  const parts = [...head];
  if (isArticle(source)) {
    parts.push(apaLocation(source));
    if (source.doi) parts.push(doiUrl(source.doi));
    else if (source.pmid) parts.push(pubmedUrl(source.pmid));
  } else {
    parts.push(endSentence(source.journal));
    if (source.url) parts.push(source.url);
  }
  return parts.join(' ');
}
