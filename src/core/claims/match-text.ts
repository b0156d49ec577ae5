// The text detection matches: a block's raw text, or its normalized form where it
// holds characters that need it. Names, cues and triggers are written for
// normalized text (names.ts, patterns.ts).
import { normalize } from '../text/normalize';

/**
 * Characters normalization must change for a name or cue to match (UNUSUAL in
 * gate.ts: invisible, fullwidth), and any past Latin-1: a typeset hyphen in
 * "Neuro\u2011Mag", and curly quotes and dashes, which make the engine store the
 * whole raw text two bytes a character. Each regular expression is compiled apart
 * for each; normalized, such text folds to one byte a character
 * (text/one-byte.ts), as the warm-up's (warm-up.ts).
 */
const TO_NORMALIZE = /[\u00AD\u0100-\uFFFF]/;

/** Whether detection matches `raw` in its normalized form. */
export function needsNormalizing(raw: string): boolean {
  return TO_NORMALIZE.test(raw);
}

/** A block's text as detection matches it: normalized only when it holds characters that need it. */
export function textToMatch(raw: string): string {
  return needsNormalizing(raw) ? normalize(raw).text : raw;
}
