// Vancouver (NLM Citing Medicine): up to six authors, then "et al."; page ranges
// elided as NLM writes them (165-177 → 165-77); DOI and PMID at the end.
import type { Source } from '../types';
import { authorList, endSentence, isArticle, pageRange, yearVolumeIssuePages } from './parts';

function vancouverAuthors(source: Source): string {
  const { names, truncated } = authorList(source);
  if (names.length === 0) return '';
  if (truncated || names.length > 6) return `${names.slice(0, 6).join(', ')}, et al.`;
  return endSentence(names.join(', '));
}

/** "165-177" → "165-77": drop the leading digits the end page shares with the start. */
export function elidePages(pages: string): string {
  const [start, end] = pageRange(pages);
  if (end === null) return start;
  if (!/^\d+$/.test(start) || !/^\d+$/.test(end) || start.length !== end.length) return `${start}-${end}`;
  let i = 0;
  while (i < end.length - 1 && start[i] === end[i]) i++;
  return `${start}-${end.slice(i)}`;
}

export function formatVancouver(source: Source): string {
  const parts: string[] = [];
  const authors = vancouverAuthors(source);
  if (authors) parts.push(authors);
  if (isArticle(source)) {
    parts.push(endSentence(source.title));
    parts.push(endSentence(source.journal));
    const where = yearVolumeIssuePages(source, source.pages ? elidePages(source.pages) : null);
    if (where) parts.push(`${where}.`);
    if (source.doi) parts.push(`doi: ${source.doi}.`);
    if (source.pmid) parts.push(`PMID: ${source.pmid}.`);
  } else {
    parts.push(endSentence(`${source.title}${source.url ? ' [Internet]' : ''}`));
    parts.push(endSentence(`${source.journal}${source.year !== null ? `; ${source.year}` : ''}`));
    if (source.url) parts.push(`Available from: ${source.url}`);
  }
  return parts.join(' ');
}
