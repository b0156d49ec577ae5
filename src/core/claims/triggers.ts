// The first trigger of a claim pattern in a clause. A pattern's triggers are one
// regex per alternative (patterns.ts), and each runs only when the clause holds a
// word of its guard (anchors.generated.ts): V8 compiles a regex the first time it
// runs, at ~0.7 µs per character of source on a page's first pass, and most clauses
// that pass a pattern's cue can only match a few of its triggers.
import { TRIGGER_GUARDS } from './anchors.generated';
import type { ClaimPattern } from './patterns';
import type { LazyRegExp } from '../text/lazy-regexp';

/** Whether `lower` (lower-case text) holds any of `words`. */
export function holdsAny(lower: string, words: readonly string[]): boolean {
  for (const w of words) if (lower.includes(w)) return true;
  return false;
}

/**
 * The span of the earliest trigger match in `clause` (`lower`: the clause
 * lowercased), the earlier trigger's on a tie, or null.
 */
export function firstTriggerSpan(p: ClaimPattern, clause: string, lower: string): [number, number] | null {
  const guards = TRIGGER_GUARDS[p.claim];
  let best: [number, number] | null = null;
  for (let k = 0; k < p.triggers.length; k++) {
    // (A trigger without a guard, should the table be stale, always runs.)
    const guard = guards[k];
    if (guard !== undefined && !holdsAny(lower, guard)) continue;
    const m = (p.triggers[k] as LazyRegExp).exec(clause);
    if (m && (!best || m.index < best[0])) best = [m.index, m.index + m[0].length];
  }
  return best;
}
