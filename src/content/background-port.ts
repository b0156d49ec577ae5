// A port from the content script to our own background, and its one answer: what
// the prefilter's and detection's offloads (prefilter-offload.ts,
// detect-offload.ts) share, and the port the badge's count goes over
// (badge-count.ts). The browser's own API, not the polyfill's (see
// content-messaging.ts).

/** A background that has not answered by then is given up on (the caller then does the work itself). A stopped service worker starts in well under a second. */
const ANSWER_TIMEOUT_MS = 5_000;

/** The part of runtime.Port used here. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

/** A port to our background, or null where none can be opened (no runtime, or the extension was reloaded). */
export function connectToBackground(name: string): PortLike | null {
  const g = globalThis as { browser?: { runtime?: { connect?(i: { name: string }): PortLike } }; chrome?: { runtime?: { connect?(i: { name: string }): PortLike } } };
  try {
    return (g.browser?.runtime ?? g.chrome?.runtime)?.connect?.({ name }) ?? null;
  } catch {
    return null;
  }
}

/**
 * The port's one answer, if `isAnswer` accepts it; undefined if the port closes
 * first, answers anything else, or takes too long. The port is closed after.
 */
export function answerOf<T>(port: PortLike, isAnswer: (message: unknown) => message is T): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    let settled = false;
    const done = (answer: T | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        port.disconnect();
      } catch {
        // already closed
      }
      resolve(answer);
    };
    const timer = setTimeout(() => done(undefined), ANSWER_TIMEOUT_MS);
    port.onMessage.addListener((message) => done(isAnswer(message) ? message : undefined));
    port.onDisconnect.addListener(() => done(undefined));
  });
}
