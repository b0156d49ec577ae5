// Detection run once on a fixed text, its result dropped, so the page's own copy
// of detection has compiled what every later run needs (the sentence and clause
// splitting, the subject, stance and cue expressions). When a full pass detects
// in the extension's background (content/detect-offload.ts), the page's first
// change that may hold a claim would otherwise compile all of that inside its
// pass, which must mark before the page's next layout: a paragraph added after
// load cost 5.1–8.1 ms of work instead of 2.3–3.1 (1 MB bench page, side by
// side). The text is MgT's best-known claim, with a heading above it, so the
// section path runs too; no page text is involved.
import type { TextBlock } from '../types';
import { detectSectionsSteps, type Detected } from './sections';
import { mayHoldCandidate } from './prefilter';
import { textToMatch } from './match-text';

const WARM_UP_BLOCKS: readonly TextBlock[] = [
  { text: 'Why magnesium L-threonate?', tag: 'h2', headingLevel: 2, region: 'main' },
  { text: 'Magnesium L-threonate is the only form of magnesium that crosses the blood-brain barrier.', tag: 'p', headingLevel: 0, region: 'main' },
];

/** A claim as typeset text often has it (a curly quote, a dash): the page's raw text, stored two bytes a character, is checked and normalized (match-text.ts). */
const TYPOGRAPHIC = 'Magnesium L-threonate\u2019s form crosses the blood\u2013brain barrier.';

/**
 * Detection over the fixed text, in steps (its result is not used); first, the check
 * a change's text passes before it is kept (prefilter.ts, `mayHoldCandidate`), whose
 * own first run looks for characters to normalize and checks the words found.
 */
export function* warmUpSteps(): Generator<number, Detected, void> {
  for (const block of WARM_UP_BLOCKS) mayHoldCandidate(block.text);
  mayHoldCandidate(TYPOGRAPHIC);
  textToMatch(TYPOGRAPHIC);
  yield 0;
  return yield* detectSectionsSteps(WARM_UP_BLOCKS, '');
}
