// What the background's prefilter and detection ports share: a content script
// sends parts (text, or blocks) in several messages, then one request, and gets
// one answer. Anything that is not the port's message, more characters than
// allowed in all, or a request the parts cannot answer closes the port. The
// parts are only read here: dropped after the answer, a close or a disconnect.
import type { Runtime } from 'webextension-polyfill';

export interface Gathering<M, P> {
  /** The port's messages (anything else closes it). */
  isMessage(message: unknown): message is M;
  /** The parts a message brings, or null when it is the request. */
  partsOf(message: M): readonly P[] | null;
  /** A part's characters, counted against the port's limit. */
  charsOf(part: P): number;
  /** The answer to `request` over every part sent; undefined, or a throw, closes the port. */
  answer(parts: P[], request: M): unknown;
}

/** Serves one port as `gathering` says, closing it past `maxChars` characters of parts. */
export function serveGathering<M, P>(port: Runtime.Port, gathering: Gathering<M, P>, maxChars: number): void {
  let parts: P[] = [];
  let chars = 0;
  const close = (): void => {
    parts = [];
    port.disconnect();
  };
  port.onMessage.addListener((message: unknown) => {
    if (!gathering.isMessage(message)) return close();
    const more = gathering.partsOf(message);
    if (more !== null) {
      for (const part of more) chars += gathering.charsOf(part);
      if (chars > maxChars) return close();
      parts.push(...more);
      return;
    }
    let answer: unknown;
    try {
      answer = gathering.answer(parts, message);
    } catch {
      return close();
    }
    if (answer === undefined) return close();
    parts = [];
    port.postMessage(answer);
  });
  port.onDisconnect.addListener(() => {
    parts = [];
  });
}
