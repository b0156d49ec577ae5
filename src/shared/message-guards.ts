// Runtime checks of incoming messages (they come from other contexts: check before
// trusting). Kept apart from messages.ts so the content script can use them
// without loading webextension-polyfill.
import type { BackgroundMessage, ClaimsMessage, ContentRequest } from './messages';

export function hasType(x: unknown): x is { type: unknown } {
  return typeof x === 'object' && x !== null && 'type' in x;
}

export function isContentRequest(x: unknown): x is ContentRequest {
  if (!hasType(x)) return false;
  if (x.type === 'get-report') return true;
  return x.type === 'reveal' && Number.isInteger((x as { index?: unknown }).index);
}

export function isBackgroundMessage(x: unknown): x is BackgroundMessage {
  return hasType(x) && x.type === 'focus-claim' && Number.isInteger((x as { index?: unknown }).index);
}

/** What the count port carries (background/count-port.ts): a count of claims, a whole number from 0. */
export function isClaimsMessage(x: unknown): x is ClaimsMessage {
  if (!hasType(x) || x.type !== 'claims') return false;
  const { count } = x as { count?: unknown };
  return Number.isInteger(count) && (count as number) >= 0;
}
