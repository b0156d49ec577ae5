// Whether a clause asserts, doubts or denies the claim it contains.
// Cues are looked for around the trigger, not inside it: "does not act as a laxative"
// is the gi-tolerance claim itself, not a denial of it.
import type { Stance } from '../types';
import { LazyRegExp } from '../text/lazy-regexp';
import { holdsAny } from './triggers';

/**
 * One alternative of a cue: a pattern made on first use (lazy-regexp.ts), tried only on
 * text holding one of its words (lower case; every match holds one). A cue was one
 * regular expression of all its alternatives, which V8 compiled on every page's first
 * claim, twice (bytecode, then machine code at its second run): ~2.9 ms for the denials
 * of evidence, ~2.7 for those after the claim and ~1.8 for the doubts (Node), where
 * most claims sit near none of their words. As in triggers.ts.
 */
interface Cue {
  words: readonly string[];
  pattern: LazyRegExp;
}

const cue = (words: readonly string[], source: string): Cue => ({ words, pattern: new LazyRegExp(source, 'i') });

/** Whether `text` (`lower`: it lowercased) matches an alternative of `cues`. */
function matchesCue(cues: readonly Cue[], text: string, lower: string): boolean {
  for (const c of cues) if (holdsAny(lower, c.words) && c.pattern.test(text)) return true;
  return false;
}

/** Denials of the evidence reach across the whole clause before the claim. */
const NEG_EVIDENCE: readonly Cue[] = [
  cue(['evidence', 'proof', 'data', 'stud', 'trial', 'research'], String.raw`\b(?:no|little|insufficient|limited|lacks?|lacking|without|weak|scant)\s+(?:\w+\s+){0,2}(?:evidence|proof|data|study|studies|trial|trials|research)\b`),
  cue(['there'], String.raw`\bthere\s+(?:is|are)\s+no\b`),
  cue(['shown', 'proven', 'demonstrated', 'established', 'confirmed'], String.raw`\b(?:not|never)\s+(?:been\s+|yet\s+been\s+)?(?:shown|proven|demonstrated|established|confirmed)\b`),
  cue(['unproven'], String.raw`\bunproven\b`),
  cue(['myth'], String.raw`\bmyths?\b`),
  cue(['debunk'], String.raw`\bdebunk\w*`),
  cue(['contrary'], String.raw`\bcontrary\s+to\b`),
  cue(['false', 'untrue', 'misleading'], String.raw`\b(?:false|untrue|misleading)\s+(?:claim|idea|notion|that)`),
  cue(['despite'], String.raw`\bdespite\s+(?:the\s+)?(?:claims?|marketing)`),
  cue(['enough'], String.raw`\bnot\s+enough\s+(?:\w+\s+){0,3}to\s+(?:say|claim|conclude|show|know)`),
  cue(['too'], String.raw`\btoo\s+(?:small|few|short|weak|early)\s+(?:\w+\s+){0,2}to\s+(?:say|claim|conclude|show|know)`),
  cue(['none'], String.raw`\bnone\s+of\s+(?:this|these|that|those|them|the\s+\w+)\s+(?:shows?|proves?|means?|demonstrates?|suggests?)`),
  cue(['show', 'prove', 'mean', 'demonstrate', 'establish'], String.raw`\b(?:doesn'?t|does\s+not|don'?t|do\s+not|did\s+not|didn'?t)\s+(?:show|prove|mean|demonstrate|establish)\s+that\b`),
];

/** Whether the text before a claim denies the evidence for it ("there is no evidence that…"). */
export function deniesEvidence(before: string, lower = before.toLowerCase()): boolean {
  return matchesCue(NEG_EVIDENCE, before, lower);
}

/** Plain negators only count close to the claim (at most 3 words before it, same phrase). */
const NEG_NEAR =
  /\b(?:not|never|no|cannot|can'?t|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|won'?t|wouldn'?t|fails?\s+to|failed\s+to|unable\s+to|neither|nor)(?!\s+more\b)(?:[^\w.;!?,]+(?!(?:and|but|or|so|which|because|since|yet)\b)[\w'-]+){0,3}[^\w.;!?,]*$/i;
/** "not only … but also" is emphasis, not negation. */
const NOT_ONLY = /\bnot\s+(?:only|just|merely)\s+(?:[\w'-]+\s+){0,2}$/i;

/** After the claim: "… is a myth", "… has not been shown". */
const NEG_AFTER: readonly Cue[] = [
  cue(
    ['myth', 'mix', 'misconception', 'mistake', 'error', 'confusion', 'false', 'true', 'unproven', 'supported', 'overstated', 'exaggerated', 'misleading', 'wrong', 'marketing'],
    String.raw`^[^.!?]{0,60}?\b(?:is|are|was|remains?)\s+(?:\w+ly\s+)?(?:a\s+|an?\s+)?(?:\w+\s+)?(?:myth|mix-?up|misconception|mistake|error|confusion|false|untrue|not\s+true|unproven|unsupported|not\s+supported|overstated|exaggerated|misleading|wrong|marketing)\b`,
  ),
  cue(['been'], String.raw`^[^.;!?]{0,40}?\b(?:has|have)\s+(?:not|never)\s+been\s+(?:shown|proven|demonstrated|established|confirmed)`),
  cue(['supported', 'backed'], String.raw`^[^.;!?]{0,20}?\b(?:is|are)\s+not\s+(?:supported|backed)\b`),
  cue(['different', 'distinct', 'same'], String.raw`^[^.!?]{0,40}?\b(?:is|are)\s+(?:\w+\s+)?(?:different|distinct|not\s+the\s+same)\b`),
];

/** Whether the text after a claim denies it ("… is a myth"). */
export function deniedAfter(after: string, lower = after.toLowerCase()): boolean {
  return matchesCue(NEG_AFTER, after, lower);
}

/**
 * Doubt, possibility, condition or reported speech anywhere before the claim. (Until
 * round 22 one expression; "claims that", "is said to" and "the claim that" were
 * alternatives too, which "claims?" and "said" already match.)
 */
const HEDGE: readonly Cue[] = [
  cue(
    ['may', 'might', 'could', 'possibl', 'perhaps', 'potential', 'whether', 'preliminar', 'reported', 'supposed', 'alleged', 'purport', 'touted', 'claim', 'hope', 'unclear', 'uncertain', 'unknown', 'theoretical', 'say', 'said', 'believe', 'caution', 'warned', 'question', 'doubt', 'argue', 'insist', 'describe', 'call'],
    String.raw`\b(?:may|might|could|possibly|perhaps|potentially|whether|preliminary|reportedly|supposedly|allegedly|purported\w*|touted|claimed|hoped?|hopefully|unclear|uncertain|unknown|theoretically|says?|said|claims?|believes?|cautioned|warned|questioned|doubts?|argues?|insists?|describes?|calls?)\b`,
  ),
  cue(['suggest'], String.raw`\b(?:(?:studies|research|evidence|data|findings|results|it|this)\s+(?:\w+\s+)?suggests?|suggests?\s+that|suggested\s+that)\b`),
  cue(['appear', 'seem'], String.raw`\b(?:appears?\s+to|seems?\s+to)\b`),
  cue(['marketed', 'promoted'], String.raw`\b(?:marketed|promoted)\s+as\b`),
  cue(['believed', 'thought'], String.raw`\b(?:believed|thought)\s+to\b`),
  cue(['early'], String.raw`\bearly\s+(?:research|studies|evidence|data)\b`),
  cue(['some'], String.raw`\bsome\s+(?:studies|research|evidence|of\s+us|websites|sites|labels|sellers|brands|companies|marketers|articles|bloggers)\b`),
  cue(['idea', 'notion', 'belief', 'assertion', 'promise'], String.raw`\bthe\s+(?:idea|notion|belief|assertion|promise)\s+that\b`),
  cue(['if'], String.raw`\bif\b[^,]*$`),
];

/** Whether the text before a claim doubts, conditions or reports it ("studies suggest that…", "if…"). */
export function hedgedBefore(before: string, lower = before.toLowerCase()): boolean {
  return matchesCue(HEDGE, before, lower);
}

const STARTS_WITH_IF = /^\W*if\b/i;
/** Doubt inside a trigger; not "may be stacked", which is permission, not doubt. */
const HEDGE_INSIDE = /\b(?:appears?\s+to|seems?\s+to|might|could|possibly|potentially|may(?!\s+be\s+(?:stacked|combined|paired)))\b/i;

/** Cues are read within this many characters of the claim, which keeps every test linear. */
const WINDOW = 240;

/** Findings scoped to animals: "rats given MgT…", "a 2010 rat study found…". */
const ANIMAL = /\b(?:rats?|mice|mouse|rodents?|animals?)\b/i;

/** After the claim: "… in rats", "… , at least in animals". */
const HEDGE_AFTER = /^[^.;!?]{0,30}?\b(?:in|among)\s+(?:rats|mice|rodents|animals|animal\s+(?:studies|models))\b/i;

/**
 * Stance of a claim whose trigger spans [start, end) of `sentence`, in the clause
 * starting at `clauseStart`. `citation` claims (a study, a patent) ignore animal scope.
 * Precedence: a denial wins over a hedge ("no evidence whether…" is a denial).
 */
export function stanceOf(sentence: string, clauseStart: number, start: number, end: number, citation = false): Stance {
  const clause = sentence.slice(clauseStart);
  start -= clauseStart;
  end -= clauseStart;
  const before = clause.slice(Math.max(0, start - WINDOW), start);
  const after = sentence.slice(clauseStart + end, clauseStart + end + WINDOW);
  const lowerBefore = before.toLowerCase();
  if (deniesEvidence(before, lowerBefore) || deniedAfter(after)) return 'negated';
  if (NEG_NEAR.test(before) && !NOT_ONLY.test(before)) return 'negated';
  if (hedgedBefore(before, lowerBefore) || STARTS_WITH_IF.test(clause.slice(0, 16))) return 'hedged';
  // A long trigger can hold its own doubt ("Unlike other forms, it appears to cross…").
  if (HEDGE_INSIDE.test(clause.slice(start, end))) return 'hedged';
  // A question asks; it does not assert ("Is it better than cheaper forms?").
  if (/\?\W*$/.test(sentence)) return 'hedged';
  // Citing a study is a fact even when the study was in rats.
  if (!citation && (ANIMAL.test(before) || HEDGE_AFTER.test(after))) return 'hedged';
  return 'asserted';
}
