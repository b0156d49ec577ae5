// Splits a sentence into clauses where the subject can change:
// "Glycinate is good for cramps, but MgT is best for the brain."

// Not "yet" or "though": far more often adverbs ("no proof yet that…") than conjunctions.
const CLAUSE_BREAK = /;|,?\s+(?:but|whereas|while|although|however)\s+|\s+-\s+/gi;

/** [start, end) of each clause of `sentence`. */
export function clauseSpans(sentence: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(sentence))) {
    if (m.index > start) spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < sentence.length) spans.push([start, sentence.length]);
  return spans;
}
