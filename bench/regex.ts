// The regular expressions of the "floor + regex" baselines.
import { CLAIM_PATTERNS } from '../src/core/claims/patterns';

// "One combined claim regex": the baseline for what a single-regex annotator
// costs. A name of MgT, then within the same sentence a claim word. Used for the
// floor + regex column and, identically, for mark.js.
export const CLAIM_REGEX =
  String.raw`\b(?:magnesium\s+l-?threonate|magtein|neuro-?mag)\b[^.!?]{0,200}?\b(?:blood-brain|barrier|memory|cognit\w*|brain|sleep|calm|mood|focus|aging)\b`;

/**
 * Every claim's triggers (src/core/claims/patterns.ts, the wordings detection looks
 * for) as one alternation, run case-insensitively (the few written case-sensitive
 * match a little more here): what one regex that finds the claims this extension
 * reports costs. The issue's own "floor + one combined claim regex" cost 0.8–1.5×
 * its floor; CLAIM_REGEX costs 0–0.4× here, this one several times the floor, so the
 * two bracket it (README "Performance"). Reported beside floor + regex, not used
 * for the targets' verdicts.
 */
export const ALL_TRIGGERS_REGEX = CLAIM_PATTERNS.flatMap((p) => p.triggers.map((t) => `(?:${t.source})`)).join('|');
