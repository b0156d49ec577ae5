// The cheap gate: a page that never names MgT costs one regex test and a
// MutationObserver that looks only at added text. Nothing else is loaded.
import { mayMentionMgt } from '../core/claims/gate';
import { timedSlice } from './timing';

/** The core's gate (names of MgT, robust to invisible characters and fullwidth letters). */
export const mentionsMgT = mayMentionMgt;

/** The page's whole text, tested once; measured as one `evidence-lens:slice` (it is our work too). */
export function pageMentionsMgT(doc: Document): boolean {
  return timedSlice(() => mentionsMgT(doc.body?.textContent ?? doc.documentElement?.textContent));
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
