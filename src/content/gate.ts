// The cheap gate: a page that never names MgT costs one regex test and a
// MutationObserver that looks only at added text. Nothing else is loaded.
import { mayMentionMgt } from '../core/claims/gate';
import { measureSlice, SLICE_BUDGET_MS, yieldToMain } from './timing';

/** The core's gate (names of MgT, robust to invisible characters and fullwidth letters). */
export const mentionsMgT = mayMentionMgt;

const SHOW_TEXT = 4;
/** Text tested at once; consecutive pieces overlap by OVERLAP so a name split across nodes is still seen. */
const CHUNK = 1 << 16;
const OVERLAP = 64;
/** Nodes read between looks at the clock. */
const NODES_PER_CHECK = 512;

/**
 * Does the page's text name MgT? The same text as `body.textContent` (every text
 * node, in order), read in slices of about SLICE_BUDGET_MS so a 5 MB page is not one
 * long task; each slice is measured as an `evidence-lens:slice` (it is our work too).
 */
export async function pageMentionsMgT(doc: Document): Promise<boolean> {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let parts: string[] = [];
  let size = 0;
  const flush = (): boolean => {
    const text = parts.join('');
    const named = mentionsMgT(text);
    parts = [text.slice(-OVERLAP)];
    size = 0;
    return named;
  };
  for (;;) {
    const start = performance.now();
    let done = false;
    let named = false;
    while (!done && !named && performance.now() - start < SLICE_BUDGET_MS) {
      for (let k = 0; k < NODES_PER_CHECK; k++) {
        const node = walker.nextNode();
        if (node === null) {
          done = true;
          break;
        }
        const data = (node as Text).data;
        parts.push(data);
        size += data.length;
        if (size >= CHUNK && flush()) {
          named = true;
          break;
        }
      }
      if (done && !named) named = flush();
    }
    measureSlice(start);
    if (named) return true;
    if (done) return false;
    await yieldToMain();
  }
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * Before any MgT text was seen: look only at added text, and call `onMatch` once
 * when some of it names MgT.
 */
export function watchGate(doc: Document, onMatch: () => void): () => void {
  const observer = new MutationObserver((records) => {
    try {
      for (const r of records) {
        const texts =
          r.type === 'characterData' ? [r.target.textContent] : Array.from(r.addedNodes, (n) => n.textContent);
        if (texts.some((t) => mentionsMgT(t))) {
          observer.disconnect();
          onMatch();
          return;
        }
      }
    } catch {
      // never leak to the page
    }
  });
  observer.observe(doc, OPTIONS);
  return () => observer.disconnect();
}
