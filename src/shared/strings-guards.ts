// Runtime checks of the strings exchange (messages.ts, StringsRequest). Apart from
// message-guards.ts, which the content script's entry loads on every page: these
// are needed only by the background and on a page that names MgT.
import type { StringsAnswer, StringsRequest } from './messages';
import { hasType } from './message-guards';

export function isStringsRequest(x: unknown): x is StringsRequest {
  return hasType(x) && x.type === 'strings';
}

/** An object whose own values are all strings (the messages by name). */
export function isStringsAnswer(x: unknown): x is StringsAnswer {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  return Object.values(x).every((v) => typeof v === 'string');
}
