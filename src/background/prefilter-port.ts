// The background's side of the prefilter port (content/prefilter-offload.ts): a
// content script sends a page's text (a large page's, or the blocks of one read
// whole) in pieces, then `end`; the answer is
// the prefilter's offsets in the joined text. The regular expressions stay
// compiled for as long as the background lives, where each page load would
// compile them again. The text is only read here, never kept or sent on.
import type { Runtime } from 'webextension-polyfill';
import { candidateOffsets } from '../core/claims/prefilter';
import { isPrefilterPortMessage } from '../shared/prefilter-port-guards';
import type { PrefilterAnswer } from '../shared/messages';
import { PREFILTER_MAX_CHARS, PREFILTER_PORT } from '../shared/ports';

/** Answers one prefilter port; ignores ports of any other name. */
export function servePrefilterPort(port: Runtime.Port, maxChars = PREFILTER_MAX_CHARS): void {
  if (port.name !== PREFILTER_PORT) return;
  let pieces: string[] = [];
  let length = 0;
  const close = (): void => {
    pieces = [];
    port.disconnect();
  };
  port.onMessage.addListener((message: unknown) => {
    if (!isPrefilterPortMessage(message)) return close();
    if (message.type === 'text') {
      length += message.text.length;
      if (length > maxChars) return close();
      pieces.push(message.text);
      return;
    }
    const start = performance.now();
    let offsets: number[] | null;
    try {
      offsets = candidateOffsets(pieces.join(''));
    } catch {
      return close();
    }
    pieces = [];
    port.postMessage({ offsets, ms: performance.now() - start } satisfies PrefilterAnswer);
  });
  port.onDisconnect.addListener(() => {
    pieces = [];
  });
}
