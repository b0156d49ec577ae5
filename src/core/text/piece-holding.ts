// Finding the piece that holds an offset, in a module of its own: the content
// script's page reader needs it on every page, text-source.ts only the scanner chunk.

/** Index of the piece holding offset `at`, given where each piece starts (ascending; binary search). */
export function pieceHolding(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
