// Runs a full pass's detection in the extension's background instead of on the
// page's main thread. In a fresh page, detection's first run compiles its
// regular expressions and code (~10 ms of the 1 MB bench page's first pass, in
// a new tab; README "Performance"); the background keeps them compiled while it
// lives. Only the blocks the pass read go (a large page's are those around the
// prefilter's candidates), over a port to our own background (nothing leaves the
// browser), in messages of whole blocks, one per slice (a block too long for
// one message, a huge <pre> or paragraph, is detected on the page, in windows),
// and back comes what detection found there and the state a change's
// rescan on the page resumes from (core/claims/detected-wire.ts). A change's
// pass still detects on the page: it marks before the page's next layout and
// cannot wait. Where no port opens or no valid answer comes, the caller detects
// on the page, as before.
import { blockMessages, decodeDetected, isDetectAnswer, skippedIndices, type DetectAnswer, type DetectPortMessage } from '../core/claims/detected-wire';
import type { Detected, SkipBlock } from '../core/claims/sections';
import { waitFor, type Step } from '../core/steps';
import { warmUpSteps } from '../core/claims/warm-up';
import type { TextBlock } from '../core/types';
import { DETECT_PORT } from '../shared/ports';
import { answerOf, connectToBackground } from './background-port';

/** Detection's result from the background, with its time there. */
export interface DetectedElsewhere {
  detected: Detected;
  ms: number;
}

/** Set when a port failed here: later passes in this document do not try again. */
let refused = false;
/** Set once the page's own detection has been warmed up. */
let warmed = false;

/**
 * What detection finds in `blocks` (`detectSectionsSteps(blocks, title, …, skip)`),
 * found in the background. Yields after each message sent (a place to slice),
 * then waits for the answer as a `Wait` (not our main-thread work); undefined
 * when it could not, or when one block alone is too long to send in a message.
 */
export function* detectInBackgroundSteps(blocks: readonly TextBlock[], title: string, skip?: SkipBlock): Generator<Step, DetectedElsewhere | undefined, void> {
  const messages = refused ? null : blockMessages(blocks);
  if (messages === null) return undefined;
  const port = connectToBackground(DETECT_PORT);
  if (port === null) {
    refused = true;
    return undefined;
  }
  const answer = answerOf(port, (m): m is DetectAnswer => isDetectAnswer(m, blocks));
  try {
    for (const group of messages) {
      port.postMessage({ type: 'blocks', blocks: group } satisfies DetectPortMessage);
      yield;
    }
    port.postMessage({ type: 'detect', title, skip: skippedIndices(blocks, skip) } satisfies DetectPortMessage);
  } catch {
    refused = true;
    port.disconnect();
    return undefined;
  }
  // While the background works: compile the page's own detection for later changes (warm-up.ts), once.
  if (!warmed) {
    warmed = true;
    for (const steps = warmUpSteps(); !steps.next().done; ) yield;
  }
  const found = yield* waitFor<DetectAnswer | undefined>(answer, (a) => `detection in the background: ${a === undefined ? 'no answer' : 'answered'}`);
  if (found === undefined) {
    refused = true;
    return undefined;
  }
  return { detected: decodeDetected(found, blocks, title), ms: found.ms };
}
