// The background's side of the detection port (content/detect-offload.ts): a
// content script sends the blocks its full pass read, in messages of whole
// blocks, then `detect`; the answer is what detection found there, with the
// state a later rescan on the page resumes from. Detection's regular
// expressions and code stay compiled here for as long as the background lives,
// where a fresh page compiled them for its first pass. The blocks are only
// read here, never kept after the answer or sent on (gathering-port.ts).
import type { Runtime } from 'webextension-polyfill';
import { runToEnd } from '../core/steps';
import { detectSectionsSteps } from '../core/claims/sections';
import { encodeDetected, isDetectPortMessage, type DetectPortMessage } from '../core/claims/detected-wire';
import type { TextBlock } from '../core/types';
import { DETECT_PORT, PREFILTER_MAX_CHARS } from '../shared/ports';
import { serveGathering } from './gathering-port';

/** Answers one detection port (its blocks, then one answer); ignores ports of any other name. */
export function serveDetectPort(port: Runtime.Port, maxChars = PREFILTER_MAX_CHARS): void {
  if (port.name !== DETECT_PORT) return;
  serveGathering<DetectPortMessage, TextBlock>(
    port,
    {
      isMessage: isDetectPortMessage,
      partsOf: (m) => (m.type === 'blocks' ? m.blocks : null),
      charsOf: (block) => block.text.length,
      answer: (blocks, request) => {
        if (request.type !== 'detect' || !request.skip.every((i) => i < blocks.length)) return undefined;
        const start = performance.now();
        const skipped = new Set(request.skip.map((i) => blocks[i]));
        const found = runToEnd(detectSectionsSteps(blocks, request.title, undefined, skipped.size > 0 ? (b) => skipped.has(b) : undefined));
        return encodeDetected(found, blocks, performance.now() - start);
      },
    },
    maxChars,
  );
}
