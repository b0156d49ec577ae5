// The first trigger of a claim pattern in a clause. Each top-level alternative of
// the pattern's triggers runs as a regex of its own, and only when the clause holds
// one of its guard's words (anchors.generated.ts): V8 compiles a regex the first time
// it runs, at ~0.7 µs per character of source on a page's first pass, and most
// clauses that pass a pattern's cue can only match a few of its alternatives.
// Taking the earliest match, the earlier alternative on a tie, gives what the
// joined regex gives: it tries its alternatives in order at each position.
import { TRIGGER_GUARDS } from './anchors.generated';
import type { ClaimPattern } from './patterns';
import { alternatives } from '../text/regex-source';

interface Alternative {
  re: RegExp;
  /** Lowercase words, one of which every clause `re` matches holds. */
  guard: readonly string[];
}

/** Per pattern, made on its first clause: pages that never reach a pattern never split it. */
const split = new Map<ClaimPattern, readonly Alternative[]>();

/** A guard that lets every clause through: for a pattern whose guards do not line up with its triggers. */
const OPEN: readonly string[] = [''];

function alternativesOf(p: ClaimPattern): readonly Alternative[] {
  let list = split.get(p);
  if (list === undefined) {
    const res = p.triggers.flatMap((t) => alternatives(t.source).map((source) => new RegExp(source, t.flags)));
    const guards = TRIGGER_GUARDS[p.claim];
    // (test/unit/triggers.test.ts checks they line up; this keeps a stale table harmless.)
    list = res.map((re, k) => ({ re, guard: guards.length === res.length ? (guards[k] as readonly string[]) : OPEN }));
    split.set(p, list);
  }
  return list;
}

function holdsAny(lower: string, words: readonly string[]): boolean {
  for (const w of words) if (lower.includes(w)) return true;
  return false;
}

/**
 * The span of the earliest trigger match in `clause` (`lower` is the clause
 * lowercased), or null.
 */
export function firstTriggerSpan(p: ClaimPattern, clause: string, lower: string): [number, number] | null {
  let best: [number, number] | null = null;
  for (const { re, guard } of alternativesOf(p)) {
    if (!holdsAny(lower, guard)) continue;
    const m = re.exec(clause);
    if (m && (!best || m.index < best[0])) best = [m.index, m.index + m[0].length];
  }
  return best;
}
