// AMA Manual of Style, 11th edition. Authors without periods; more than six
// authors (or a list the record cuts short with "et al.") → first three, then "et al."
// Title and journal exactly as sources.json gives them.
import type { Source } from '../types';
import { authorList, endSentence, isArticle, yearVolumeIssuePages } from './parts';

function amaAuthors(source: Source): string {
  const { names, truncated } = authorList(source);
  if (names.length === 0) return '';
  if (truncated || names.length > 6) return `${names.slice(0, 3).join(', ')}, et al.`;
  return endSentence(names.join(', '));
}

export function formatAma(source: Source): string {
  const parts: string[] = [];
  const authors = amaAuthors(source);
  if (authors) parts.push(authors);
  parts.push(endSentence(source.title));
  if (isArticle(source)) {
    parts.push(endSentence(source.journal));
    const where = yearVolumeIssuePages(source, source.pages);
    if (where) parts.push(`${where}.`);
    if (source.doi) parts.push(`doi:${source.doi}`);
    else if (source.pmid) parts.push(`PMID: ${source.pmid}`);
  } else {
    parts.push(endSentence(source.journal));
    if (source.year !== null) parts.push(`${source.year}.`);
    if (source.url) parts.push(source.url);
  }
  return parts.join(' ');
}
