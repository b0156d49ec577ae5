// BibTeX: @article for journal papers, @misc for other documents. The key is the
// source id reduced to safe characters; LaTeX specials in values are escaped, and
// titles are double-braced so styles keep their capitals (MgT, MMFS-01).
import type { Source } from '../types';
import { authorList, dottedInitials, isArticle, pageRange, parsePerson } from './parts';
import { pubmedUrl } from './links';

export function bibtexKey(id: string): string {
  return id.replace(/[^A-Za-z0-9_:-]/g, '_');
}

/** Escapes characters that LaTeX treats specially in field values. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${c}`;
    }
  });
}

/** Braces only need escaping in verbatim-like fields (DOI, URL). */
function escapeBraces(text: string): string {
  return text.replace(/[{}]/g, (c) => `\\${c}`);
}

function bibtexAuthors(source: Source): string | null {
  const { names, truncated } = authorList(source);
  if (names.length === 0) return null;
  const out = names.map((n) => {
    const p = parsePerson(n);
    // Organisations are braced so BibTeX does not split them into first/last names.
    return p ? `${escapeLatex(p.family)}, ${dottedInitials(p.initials)}` : `{${escapeLatex(n)}}`;
  });
  if (truncated) out.push('others');
  return out.join(' and ');
}

export function formatBibtex(source: Source): string {
  const article = isArticle(source);
  const fields: [string, string][] = [];
  const authors = bibtexAuthors(source);
  if (authors) fields.push(['author', authors]);
  fields.push(['title', `{${escapeLatex(source.title)}}`]);
  fields.push([article ? 'journal' : 'howpublished', escapeLatex(source.journal)]);
  if (source.year !== null) fields.push(['year', String(source.year)]);
  if (article) {
    if (source.volume) fields.push(['volume', escapeLatex(source.volume)]);
    if (source.issue) fields.push(['number', escapeLatex(source.issue)]);
    if (source.pages) {
      const [start, end] = pageRange(source.pages);
      fields.push(['pages', escapeLatex(end === null ? start : `${start}--${end}`)]);
    }
  }
  if (source.doi) fields.push(['doi', escapeBraces(source.doi)]);
  if (source.pmid) fields.push(['pmid', escapeBraces(source.pmid)]);
  const url = source.url ?? (!source.doi && source.pmid ? pubmedUrl(source.pmid) : null);
  if (url) fields.push(['url', escapeBraces(url)]);
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@${article ? 'article' : 'misc'}{${bibtexKey(source.id)},\n${body}\n}`;
}
