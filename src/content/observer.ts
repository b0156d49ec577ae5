// Watches the page after the first pass. Mutation storms collapse: changes are
// collected and handled once, ~50 ms after the last one. Our own writes
// (markers, split text nodes) are discarded with takeRecords() right after we
// make them, and markers are ignored if their records slip through.
import { isMarkerElement } from './markers';

const DEBOUNCE_MS = 50;
const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

function ours(node: Node): boolean {
  return isMarkerElement(node);
}

/** Changed nodes worth re-reading from a batch of records (markers left out). */
export function changedNodes(records: readonly MutationRecord[]): Node[] {
  const out: Node[] = [];
  for (const r of records) {
    if (r.type === 'characterData') {
      out.push(r.target);
      continue;
    }
    const added = Array.from(r.addedNodes).filter((n) => !ours(n));
    const removed = Array.from(r.removedNodes).filter((n) => !ours(n));
    if (added.length === 0 && removed.length === 0) continue;
    for (const n of added) if (n.isConnected) out.push(n);
    if (removed.length > 0) out.push(r.target);
  }
  return out;
}

export class PageObserver {
  private readonly observer: MutationObserver;
  private pending: Node[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly observed = new WeakSet<Node>();

  constructor(
    private readonly doc: Document,
    private readonly onChange: (changed: Node[]) => void,
  ) {
    this.observer = new MutationObserver((records) => {
      try {
        this.collect(records);
      } catch {
        // never leak to the page
      }
    });
    this.observe(doc);
  }

  /** Also watch a shadow root (the document-level observer cannot see into it). */
  observe(target: Document | ShadowRoot): void {
    if (this.observed.has(target)) return;
    this.observed.add(target);
    this.observer.observe(target, OPTIONS);
  }

  /** Drops records of changes we just made ourselves. */
  discardOwn(): void {
    this.observer.takeRecords();
  }

  disconnect(): void {
    clearTimeout(this.timer);
    this.observer.disconnect();
  }

  private collect(records: readonly MutationRecord[]): void {
    const nodes = changedNodes(records);
    if (nodes.length === 0) return;
    this.pending.push(...nodes);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const changed = this.pending;
      this.pending = [];
      this.onChange(changed);
    }, DEBOUNCE_MS);
  }
}
