// The background's side of the detection port (content/detect-offload.ts): a
// content script sends the blocks its first pass read, and the answer is what
// detection found there, with the state a later rescan on the page resumes
// from. Detection's regular expressions and code stay compiled here for as long
// as the background lives, where a fresh page compiled them for its first pass.
// The blocks are only read here, never kept or sent on.
import type { Runtime } from 'webextension-polyfill';
import { runToEnd } from '../core/steps';
import { detectSectionsSteps } from '../core/claims/sections';
import { encodeDetected, isDetectRequest } from '../core/claims/detected-wire';
import { DETECT_PORT } from '../shared/ports';

/** Answers one detection port (one request, one answer); ignores ports of any other name. */
export function serveDetectPort(port: Runtime.Port): void {
  if (port.name !== DETECT_PORT) return;
  port.onMessage.addListener((message: unknown) => {
    if (!isDetectRequest(message)) return port.disconnect();
    const start = performance.now();
    const skipped = new Set(message.skip.map((i) => message.blocks[i]));
    let answer;
    try {
      const found = runToEnd(detectSectionsSteps(message.blocks, message.title, undefined, skipped.size > 0 ? (b) => skipped.has(b) : undefined));
      answer = encodeDetected(found, message.blocks, performance.now() - start);
    } catch {
      return port.disconnect();
    }
    port.postMessage(answer);
  });
}
