// Runs the prefilter (where in a large page's text a claim may sit; on a page read
// whole, which of its blocks need detecting: kept-blocks.ts) in the
// extension's background instead of on the page's main thread. On the 5 MB bench
// page the prefilter was over half of the first pass, ~20 ms of it compiling
// regular expressions, which every page load paid again; the background keeps
// them compiled while it lives. The text goes over a port to our own background
// (nothing leaves the browser, and the page's CSP does not apply to it, as it
// does to a worker the content script starts: see the README). Sending is not
// free: the browser serializes each message on the page's thread (as JSON, 5–12 ms
// per million characters here; as a structured clone, which our manifest asks of
// Chrome 148+ and Firefox always does, 3–6), so the text goes in pieces, one per step, and the
// caller slices between them. Where no port opens, or the background does not
// answer, the caller does without: a large page runs the prefilter itself, a page
// read whole detects every block.
import { isPrefilterAnswer } from '../shared/prefilter-port-guards';
import type { PrefilterAnswer, PrefilterPortMessage } from '../shared/messages';
import { PREFILTER_MAX_CHARS, PREFILTER_PORT } from '../shared/ports';
import { waitFor, type Step } from '../core/steps';
import { answerOf, connectToBackground, type PortLike } from './background-port';

/** Characters per message: ~1.5–2.5 ms of serializing each. */
const PIECE_CHARS = 256 * 1024;

/** The offsets found in the background, with its time; undefined when that was not possible. */
export type Offloaded = PrefilterAnswer | undefined;

/** Set when a port failed here: later passes in this document do not try again. */
let refused = false;

/** The texts to send: `pieces` regrouped into messages of about PIECE_CHARS characters each. */
export function* messageTexts(pieces: readonly string[], size = PIECE_CHARS): Generator<string, void, void> {
  let group: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    for (let at = 0; at < piece.length; ) {
      const part = at === 0 && piece.length <= size - length ? piece : piece.slice(at, at + size - length);
      at += part.length;
      group.push(part);
      length += part.length;
      if (length >= size) {
        yield group.join('');
        group = [];
        length = 0;
      }
    }
  }
  if (length > 0) yield group.join('');
}

/**
 * The prefilter's offsets in the text made of `pieces` (in order), found in the
 * background. Yields after each message sent (a place to slice), then waits for
 * the answer as a `Wait` (not our main-thread work); undefined when it could not.
 */
export function* offsetsInBackgroundSteps(pieces: readonly string[], maxChars = PREFILTER_MAX_CHARS): Generator<Step, Offloaded, void> {
  const length = pieces.reduce((n, piece) => n + piece.length, 0);
  if (refused || length > maxChars) return undefined;
  const port = connectToBackground(PREFILTER_PORT);
  if (port === null) {
    refused = true;
    return undefined;
  }
  const answer = answerFor(port, length);
  try {
    for (const text of messageTexts(pieces)) {
      port.postMessage({ type: 'text', text } satisfies PrefilterPortMessage);
      yield;
    }
    port.postMessage({ type: 'end' } satisfies PrefilterPortMessage);
  } catch {
    // The extension was reloaded or the port closed: the caller does the work.
    refused = true;
    port.disconnect();
    return undefined;
  }
  const outcome = (a: Offloaded): string => `prefilter in the background: ${a === undefined ? 'no answer' : 'answered'}`;
  return yield* waitFor<Offloaded>(answer, outcome);
}

/** The port's one answer, checked against the text's length; a port that gave none is not asked again in this document. */
function answerFor(port: PortLike, length: number): Promise<Offloaded> {
  return answerOf(port, (m): m is PrefilterAnswer => isPrefilterAnswer(m, length)).then((answer) => {
    if (answer === undefined) refused = true;
    return answer;
  });
}
