// Shared pieces of the citation formats: reading the author list as sources.json
// writes it ("Slutsky I", "Wu LJ", organisations, a trailing "et al."), telling
// journal articles from other documents, and page ranges.
import type { Source } from '../types';

export interface AuthorList {
  /** Names as given, without the "et al." marker; organisations without the record's trailing remark in brackets. */
  names: string[];
  /** True when the record's list ends with "et al." (more authors exist). */
  truncated: boolean;
}

export function authorList(source: Source): AuthorList {
  const kept = source.authors.filter((a) => !/^et al\.?$/i.test(a.trim()));
  // "Life Extension (product labelling, as reported by third parties)" is a note, not a name.
  const names = kept.map((a) => (parsePerson(a) ? a.trim() : orgShortName(a)));
  return { names, truncated: kept.length < source.authors.length };
}

export interface Person {
  family: string;
  /** Initials without periods, e.g. "LJ". */
  initials: string;
}

/** "Wu LJ" → { family: "Wu", initials: "LJ" }; organisations (no trailing initials) → null. */
export function parsePerson(name: string): Person | null {
  const m = /^(.*\S) ([A-Z]{1,4})$/.exec(name.trim());
  return m ? { family: m[1] ?? '', initials: m[2] ?? '' } : null;
}

/** "LJ" → "L. J." */
export function dottedInitials(initials: string): string {
  return initials.split('').map((c) => `${c}.`).join(' ');
}

/** An organisation's name without a trailing parenthetical ("Life Extension (product …)" → "Life Extension"). */
export function orgShortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '').trim();
}

/** Journal articles get journal-style citations; fact sheets, regulations, registry records and patents do not. */
export function isArticle(source: Source): boolean {
  if (source.type === 'fact-sheet' || source.type === 'regulation' || source.type === 'guideline') return false;
  return Boolean(source.doi || source.pmid || source.volume || source.pages);
}

/** "165-177" → ["165", "177"]; "100121" → ["100121", null]. */
export function pageRange(pages: string): [string, string | null] {
  const m = /^\s*(\S+?)\s*[-–]+\s*(\S+)\s*$/.exec(pages);
  return m ? [m[1] ?? pages, m[2] ?? null] : [pages.trim(), null];
}

/** Appends "." unless the text already ends with sentence punctuation. */
export function endSentence(text: string): string {
  return /[.?!…]$/.test(text) ? text : `${text}.`;
}

/** "Year;Vol(Issue):pages" as AMA and Vancouver write it, given the pages to print. */
export function yearVolumeIssuePages(source: Source, pages: string | null): string {
  let out = source.year === null ? '' : String(source.year);
  const vi = `${source.volume ?? ''}${source.issue ? `(${source.issue})` : ''}`;
  if (vi) out += `;${vi}`;
  if (pages) out += `:${pages}`;
  return out;
}
