// Citation formatting: one module per style; this file picks one by name.
import type { Source } from '../types';
import { formatAma } from './ama';
import { formatApa } from './apa';
import { formatBibtex } from './bibtex';
import { formatRis } from './ris';
import { formatVancouver } from './vancouver';
import { authorList, isArticle, orgShortName, parsePerson } from './parts';

export { doiUrl, pubmedUrl, bestUrl } from './links';

export const CITATION_FORMATS = ['ama', 'vancouver', 'apa', 'bibtex', 'ris'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

const FORMATTERS: Record<CitationFormat, (s: Source) => string> = {
  ama: formatAma,
  vancouver: formatVancouver,
  apa: formatApa,
  bibtex: formatBibtex,
  ris: formatRis,
};

export function formatCitation(source: Source, format: CitationFormat): string {
  return FORMATTERS[format](source);
}

/** Who wrote it, briefly: "Slutsky et al.", "Mah and Pitre", "Li", "NIH Office of Dietary Supplements", or null. */
function shortAuthors(source: Source): string | null {
  const { names, truncated } = authorList(source);
  const first = names[0];
  if (first === undefined) return null;
  const family = (n: string) => parsePerson(n)?.family ?? orgShortName(n);
  if (truncated || names.length > 2) return `${family(first)} et al.`;
  const second = names[1];
  return second === undefined ? family(first) : `${family(first)} and ${family(second)}`;
}

/** A short in-text citation: "Slutsky et al., Neuron 2010"; for documents "US Food and Drug Administration, 2000". */
export function shortCitation(source: Source): string {
  const who = shortAuthors(source);
  const year = source.year === null ? '' : String(source.year);
  if (isArticle(source)) {
    const where = [source.journal, year].filter(Boolean).join(' ');
    return who ? `${who}, ${where}` : where;
  }
  return [who ?? source.journal, year].filter(Boolean).join(', ');
}
