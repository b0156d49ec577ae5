// Whether a clause asserts, doubts or denies the claim it contains.
// Cues are looked for around the trigger, not inside it: "does not act as a laxative"
// is the gi-tolerance claim itself, not a denial of it.
import type { Stance } from '../types';

/** Denials of the evidence reach across the whole clause before the claim. */
const NEG_EVIDENCE =
  /\b(?:no|little|insufficient|limited|lacks?|lacking|without|weak|scant)\s+(?:\w+\s+){0,2}(?:evidence|proof|data|study|studies|trial|trials|research)\b|\bthere\s+(?:is|are)\s+no\b|\b(?:not|never)\s+(?:been\s+|yet\s+been\s+)?(?:shown|proven|demonstrated|established|confirmed)\b|\bunproven\b|\bmyths?\b|\bdebunk\w*|\bcontrary\s+to\b|\b(?:false|untrue|misleading)\s+(?:claim|idea|notion|that)|\bdespite\s+(?:the\s+)?(?:claims?|marketing)|\bnot\s+enough\s+(?:\w+\s+){0,3}to\s+(?:say|claim|conclude|show|know)|\btoo\s+(?:small|few|short|weak|early)\s+(?:\w+\s+){0,2}to\s+(?:say|claim|conclude|show|know)|\bnone\s+of\s+(?:this|these|that|those|them|the\s+\w+)\s+(?:shows?|proves?|means?|demonstrates?|suggests?)|\b(?:doesn'?t|does\s+not|don'?t|do\s+not|did\s+not|didn'?t)\s+(?:show|prove|mean|demonstrate|establish)\s+that\b/i;

/** Plain negators only count close to the claim (at most 3 words before it, same phrase). */
const NEG_NEAR =
  /\b(?:not|never|no|cannot|can'?t|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|won'?t|wouldn'?t|fails?\s+to|failed\s+to|unable\s+to|neither|nor)(?!\s+more\b)(?:[^\w.;!?,]+(?!(?:and|but|or|so|which|because|since|yet)\b)[\w'-]+){0,3}[^\w.;!?,]*$/i;
/** "not only … but also" is emphasis, not negation. */
const NOT_ONLY = /\bnot\s+(?:only|just|merely)\s+(?:[\w'-]+\s+){0,2}$/i;

/** After the claim: "… is a myth", "… has not been shown". */
const NEG_AFTER =
  /^[^.!?]{0,60}?\b(?:is|are|was|remains?)\s+(?:\w+ly\s+)?(?:a\s+|an?\s+)?(?:\w+\s+)?(?:myth|mix-?up|misconception|mistake|error|confusion|false|untrue|not\s+true|unproven|unsupported|not\s+supported|overstated|exaggerated|misleading|wrong|marketing)\b|^[^.;!?]{0,40}?\b(?:has|have)\s+(?:not|never)\s+been\s+(?:shown|proven|demonstrated|established|confirmed)|^[^.;!?]{0,20}?\b(?:is|are)\s+not\s+(?:supported|backed)\b|^[^.!?]{0,40}?\b(?:is|are)\s+(?:\w+\s+)?(?:different|distinct|not\s+the\s+same)\b/i;

/** Doubt, possibility, condition or reported speech anywhere before the claim. */
const HEDGE =
  /\b(?:may|might|could|possibly|perhaps|potentially|whether|preliminary|(?:studies|research|evidence|data|findings|results|it|this)\s+(?:\w+\s+)?suggests?|suggests?\s+that|suggested\s+that|appears?\s+to|seems?\s+to|reportedly|supposedly|allegedly|purported\w*|touted|claimed|claims?\s+(?:that|to)|is\s+said\s+to|are\s+said\s+to|marketed\s+as|promoted\s+as|believed\s+to|thought\s+to|hoped?|hopefully|unclear|uncertain|unknown|theoretically|early\s+(?:research|studies|evidence|data)|some\s+(?:studies|research|evidence|of\s+us|websites|sites|labels|sellers|brands|companies|marketers|articles|bloggers)|says?|said|claims?|believes?|cautioned|warned|questioned|doubts?|argues?|insists?|describes?|calls?|the\s+(?:idea|claim|notion|belief|assertion|promise)\s+that)\b|\bif\b[^,]*$/i;
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
  if (NEG_EVIDENCE.test(before) || NEG_AFTER.test(after)) return 'negated';
  if (NEG_NEAR.test(before) && !NOT_ONLY.test(before)) return 'negated';
  if (HEDGE.test(before) || STARTS_WITH_IF.test(clause.slice(0, 16))) return 'hedged';
  // A long trigger can hold its own doubt ("Unlike other forms, it appears to cross…").
  if (HEDGE_INSIDE.test(clause.slice(start, end))) return 'hedged';
  // A question asks; it does not assert ("Is it better than cheaper forms?").
  if (/\?\W*$/.test(sentence)) return 'hedged';
  // Citing a study is a fact even when the study was in rats.
  if (!citation && (ANIMAL.test(before) || HEDGE_AFTER.test(after))) return 'hedged';
  return 'asserted';
}
