// Runtime checks of incoming messages (they come from other contexts: check before
// trusting). Kept apart from messages.ts so the content script can use them
// without loading webextension-polyfill.
import type { BackgroundMessage, ContentRequest } from './messages';

export function hasType(x: unknown): x is { type: unknown } {
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
