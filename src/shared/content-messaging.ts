// The content script's side of messages.ts, on the browser's own runtime API
// instead of webextension-polyfill: the content script loads on every page, and
// the polyfill would add ~3 KB (gzipped) to each. Chrome MV3 and Firefox both
// return promises from runtime.sendMessage; replies use sendResponse, which
// both support.
import type { BackgroundMessage, ContentRequest, ResponseOf, StringsRequest } from './messages';
import { isContentRequest } from './message-guards';

type Listener = (message: unknown, sender: unknown, sendResponse: (response?: unknown) => void) => boolean | undefined;

interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown> | undefined;
  onMessage: { addListener(fn: Listener): void; removeListener(fn: Listener): void };
}

function runtime(): RuntimeLike | null {
  const g = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  return g.browser?.runtime ?? g.chrome?.runtime ?? null;
}

/** Content script → background, for its answer (unchecked); undefined when none comes (the worker may be restarting, or the extension reloaded). Never throws. */
export async function askBackground(message: BackgroundMessage | StringsRequest): Promise<unknown> {
  try {
    return await runtime()?.sendMessage(message);
  } catch {
    return undefined;
  }
}

/** Content script → background, no answer wanted. Never throws. */
export async function sendToBackground(message: BackgroundMessage): Promise<void> {
  await askBackground(message);
}

/** One handler per request type, each returning that request's response. */
export type ContentHandlers = {
  [T in ContentRequest['type']]: (
    request: Extract<ContentRequest, { type: T }>,
  ) => ResponseOf<Extract<ContentRequest, { type: T }>> | Promise<ResponseOf<Extract<ContentRequest, { type: T }>>>;
};

/** Answers popup requests (see messages.ts). Returns a function that removes the listener. */
export function onContentRequest(handlers: ContentHandlers): () => void {
  const rt = runtime();
  if (rt === null) return () => undefined;
  const listener: Listener = (message, _sender, sendResponse) => {
    if (!isContentRequest(message)) return undefined; // not ours: let other listeners answer
    Promise.resolve()
      .then(() => (message.type === 'reveal' ? handlers.reveal(message) : handlers['get-report'](message)))
      .then(sendResponse, () => sendResponse(undefined));
    return true; // the response comes asynchronously
  };
  rt.onMessage.addListener(listener);
  return () => rt.onMessage.removeListener(listener);
}
