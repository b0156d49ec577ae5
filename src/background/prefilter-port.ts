// The background's side of the prefilter port (content/prefilter-offload.ts): a
// content script sends a page's text (a large page's, or the blocks of one read
// whole) in pieces, then `end`; the answer is
// the prefilter's offsets in the joined text. The regular expressions stay
// compiled for as long as the background lives, where each page load would
// compile them again. The text is only read here, never kept or sent on
// (gathering-port.ts).
import type { Runtime } from 'webextension-polyfill';
import { candidateOffsets } from '../core/claims/prefilter';
import { isPrefilterPortMessage } from '../shared/prefilter-port-guards';
import type { PrefilterAnswer } from '../shared/messages';
import { PREFILTER_MAX_CHARS, PREFILTER_PORT } from '../shared/ports';
import { serveGathering } from './gathering-port';

/** Answers one prefilter port; ignores ports of any other name. */
export function servePrefilterPort(port: Runtime.Port, maxChars = PREFILTER_MAX_CHARS): void {
  if (port.name !== PREFILTER_PORT) return;
  serveGathering(
    port,
    {
      isMessage: isPrefilterPortMessage,
      partsOf: (m) => (m.type === 'text' ? [m.text] : null),
      charsOf: (text) => text.length,
      answer: (pieces): PrefilterAnswer => {
        const start = performance.now();
        const offsets = candidateOffsets(pieces.join(''));
        return { offsets, ms: performance.now() - start };
      },
    },
    maxChars,
  );
}
