// Who a clause is about: MgT, another magnesium form, magnesium in general, or
// nobody named (then the subject carries over from context: "It crosses…").
import { COMPARISON_BEFORE, MGT_NAME, OTHER_FORM } from './names';
import { textToMatch } from './match-text';

export type Subject = 'mgt' | 'other' | 'magnesium';

/**
 * A clause that opens with plain "magnesium" is about magnesium in general; "this
 * magnesium supplement" or "a magnesium compound" points at a product instead.
 */
const GENERIC_OPENING =
  /^\W*(?:(?:the|dietary|supplemental|elemental|plain|regular|ordinary|most|all|any|your|adequate|enough|low|optimal)\s+){0,2}magnesium\b(?!\s*(?:supplements?|compounds?|products?|formulas?|forms?|capsules?|pills?|l\b|l-|threon|glycinate|bisglycinate|citrate|oxide|chloride|sulfate|malate|taurate|orotate|aspartate|lactate|gluconate|carbonate|hydroxide|picolinate|acetyl))/i;

function firstMention(clause: string, re: RegExp): number {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clause))) {
    const before = clause.slice(Math.max(0, m.index - 48), m.index);
    if (!COMPARISON_BEFORE.test(before)) return m.index;
  }
  return -1;
}

/** "Most magnesium supplements…", "Other forms of magnesium…": not MgT. */
const OTHER_OPENING =
  /^\W*(?:(?:the|a|an|your)\s+)?(?:most|other|regular|ordinary|typical|common|cheaper|cheap|many|standard|conventional)\s+(?:(?:forms?|types?|kinds?)\s+of\s+)?magnesium\b/i;

/** The clause's explicit subject, or null when it names none (pronoun or no subject). */
export function subjectOf(clause: string): Subject | null {
  if (OTHER_OPENING.test(clause)) return 'other';
  const mgt = firstMention(clause, MGT_NAME);
  const other = firstMention(clause, OTHER_FORM);
  if (mgt >= 0 && (other < 0 || mgt < other)) return 'mgt';
  if (other >= 0) return 'other';
  if (GENERIC_OPENING.test(clause)) return 'magnesium';
  return null;
}

/**
 * The subject "it" will refer to after this clause: like `subjectOf`, but another
 * form only counts near the start ("Glycinate is…"), not as an object ("I stack it
 * with glycinate"), and magnesium in general is not carried.
 */
export function leadingSubjectOf(clause: string): Subject | null {
  const subject = subjectOf(clause);
  // Plain "magnesium" is not carried: "It…" after it is more often the product.
  if (subject === 'magnesium') return null;
  if (subject !== 'other' || OTHER_OPENING.test(clause)) return subject;
  const other = firstMention(clause, OTHER_FORM);
  return /^\W*(?:\S+\s+){0,2}$/.test(clause.slice(0, other)) ? 'other' : null;
}

/** Does raw page text name MgT? Normalizes only text that needs it, as detection does (match-text.ts). */
export function rawMentionsMgt(raw: string): boolean {
  return mentionsMgt(textToMatch(raw));
}

/** Does the (normalized) text name MgT anywhere? */
export function mentionsMgt(text: string): boolean {
  MGT_NAME.lastIndex = 0;
  return MGT_NAME.test(text);
}

/** Does the text name another magnesium form anywhere? */
export function mentionsOtherForm(text: string): boolean {
  OTHER_FORM.lastIndex = 0;
  return OTHER_FORM.test(text);
}
