// Candidates (the prefilter's offsets, core/types.ts) for a huge block that a change
// read again, carried over from the block it replaces where their texts are the
// same. A paragraph inserted into a 5 MB `<pre>` splits its block in two; without
// them, detection searched both halves for candidates window by window (~35 ms of
// a 45 ms change at 1 MB), and compiled the prefilter's expressions to do it.
import { WINDOW } from './prefilter';
import { sharedPrefixLength, sharedSuffixLength } from '../text/windows';
import type { TextBlock } from '../types';

/**
 * Around a seam between carried and new text, every offset is a candidate: a hit
 * counts by the text within WINDOW of it (prefilter.ts), which the seam changed, and
 * detection then looks at every sentence there (a superset, as candidates are).
 */
const SEAM = 2 * WINDOW;

/**
 * `fresh`'s candidates: `old`'s, where `fresh` starts or ends with the same text as
 * `old` (away from the seams), and every offset elsewhere. Undefined (detection finds
 * them itself) when `old` has none known, or most of `fresh` is new. `shared`: the
 * length of their shared start, when known.
 */
export function carriedCandidates(old: TextBlock, fresh: TextBlock, shared?: number): number[] | undefined {
  const given = old.candidates;
  if (given === undefined) return undefined;
  const a = old.text;
  const b = fresh.text;
  const head = shared ?? sharedPrefixLength(a, b);
  const tail = head >= b.length ? 0 : Math.min(sharedSuffixLength(a, b), b.length - head);
  // [lo, hi): the new text and its seams.
  const lo = Math.max(0, head - SEAM);
  const hi = Math.min(b.length, b.length - tail + SEAM);
  if (hi - lo > b.length / 2) return undefined;
  const shift = a.length - b.length;
  const out: number[] = [];
  for (const c of given) if (c < lo) out.push(c);
  for (let c = lo; c < hi; c++) out.push(c);
  for (const c of given) if (c - shift >= hi && c - shift < b.length) out.push(c - shift);
  return out;
}
