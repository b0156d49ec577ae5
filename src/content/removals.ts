// A count of the page's removals of nodes, as the observer sees them (observer.ts).
// Inserting nodes moves none of those already there; only a removal (a move is a
// removal, then an insertion) can change which come before which. What was learnt
// of nodes' places (HeadingIndex's counts) holds while this count stands still.
let removals = 0;

/** The observer saw the page remove nodes. */
export function noteRemoval(): void {
  removals++;
}

/** How many times the page removed nodes so far (compare two readings). */
export function removalCount(): number {
  return removals;
}
