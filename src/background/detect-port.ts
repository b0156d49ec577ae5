// The background's side of the detection port (content/detect-offload.ts): a
// content script sends the blocks its full pass read, in messages of whole
// blocks, then `detect`; the answer is what detection found there, with the
// state a later rescan on the page resumes from. Detection's regular
// expressions and code stay compiled here for as long as the background lives,
// where a fresh page compiled them for its first pass. The blocks are only
// read here, never kept after the answer or sent on.
import type { Runtime } from 'webextension-polyfill';
import { runToEnd } from '../core/steps';
import { detectSectionsSteps } from '../core/claims/sections';
import { encodeDetected, isDetectPortMessage } from '../core/claims/detected-wire';
import type { TextBlock } from '../core/types';
import { DETECT_PORT, PREFILTER_MAX_CHARS } from '../shared/ports';

/** Answers one detection port (its blocks, then one answer); ignores ports of any other name. */
export function serveDetectPort(port: Runtime.Port, maxChars = PREFILTER_MAX_CHARS): void {
  if (port.name !== DETECT_PORT) return;
  let blocks: TextBlock[] = [];
  let chars = 0;
  const close = (): void => {
    blocks = [];
    port.disconnect();
  };
  port.onMessage.addListener((message: unknown) => {
    if (!isDetectPortMessage(message)) return close();
    if (message.type === 'blocks') {
      for (const b of message.blocks) chars += b.text.length;
      if (chars > maxChars) return close();
      blocks.push(...message.blocks);
      return;
    }
    if (!message.skip.every((i) => i < blocks.length)) return close();
    const start = performance.now();
    const skipped = new Set(message.skip.map((i) => blocks[i]));
    let answer;
    try {
      const found = runToEnd(detectSectionsSteps(blocks, message.title, undefined, skipped.size > 0 ? (b) => skipped.has(b) : undefined));
      answer = encodeDetected(found, blocks, performance.now() - start);
    } catch {
      return close();
    }
    blocks = [];
    port.postMessage(answer);
  });
  port.onDisconnect.addListener(() => {
    blocks = [];
  });
}
