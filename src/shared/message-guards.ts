// Runtime checks of incoming messages (they come from other contexts: check before
// trusting). Kept apart from messages.ts so the content script can use them
// without loading webextension-polyfill.
import type { BackgroundMessage, ContentRequest, PrefilterAnswer, PrefilterPortMessage } from './messages';

function hasType(x: unknown): x is { type: unknown } {
  return typeof x === 'object' && x !== null && 'type' in x;
}

export function isContentRequest(x: unknown): x is ContentRequest {
  if (!hasType(x)) return false;
  if (x.type === 'get-report') return true;
  return x.type === 'reveal' && Number.isInteger((x as { index?: unknown }).index);
}

export function isBackgroundMessage(x: unknown): x is BackgroundMessage {
  if (!hasType(x)) return false;
  if (x.type === 'claims') return typeof (x as { count?: unknown }).count === 'number';
  return x.type === 'focus-claim' && Number.isInteger((x as { index?: unknown }).index);
}

export function isPrefilterPortMessage(x: unknown): x is PrefilterPortMessage {
  if (!hasType(x)) return false;
  if (x.type === 'end') return true;
  return x.type === 'text' && typeof (x as { text?: unknown }).text === 'string';
}

/** The background's answer for a text of `length` characters: sorted offsets inside it, or null. */
export function isPrefilterAnswer(x: unknown, length: number): x is PrefilterAnswer {
  if (typeof x !== 'object' || x === null) return false;
  const { offsets, ms } = x as Partial<PrefilterAnswer>;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return false;
  if (offsets === null) return true;
  if (!Array.isArray(offsets)) return false;
  let last = -1;
  for (const o of offsets) {
    if (!Number.isInteger(o) || o <= last || o >= length) return false;
    last = o;
  }
  return true;
}
