// "One combined claim regex": the baseline for what a single-regex annotator
// costs. A name of MgT, then within the same sentence a claim word. Used for the
// floor + regex column and, identically, for mark.js.
export const CLAIM_REGEX =
  String.raw`\b(?:magnesium\s+l-?threonate|magtein|neuro-?mag)\b[^.!?]{0,200}?\b(?:blood-brain|barrier|memory|cognit\w*|brain|sleep|calm|mood|focus|aging)\b`;
