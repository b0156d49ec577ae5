// Runtime checks of what crosses the prefilter port (messages.ts,
// PrefilterPortMessage). Apart from message-guards.ts, which the content script
// loads on every page: these are needed only on a large page that names MgT.
import type { PrefilterAnswer, PrefilterPortMessage } from './messages';

export function isPrefilterPortMessage(x: unknown): x is PrefilterPortMessage {
  if (typeof x !== 'object' || x === null) return false;
  const { type, text } = x as { type?: unknown; text?: unknown };
  return type === 'end' || (type === 'text' && typeof text === 'string');
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
