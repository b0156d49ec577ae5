// Two ends of a runtime port as the content script and our background see them
// (messages arrive later, as copies), a `chrome.runtime` whose connect hands the
// other end to a stand-in background, and a driver that runs a stepwise
// generator as the content script's Slicer does, and the check of a background
// that never answers. Shared by the offload tests.
import { isDeepStrictEqual } from 'node:util';
import { expect, vi } from 'vitest';
import type { Wait } from '../../src/core/steps';

type Listener = (message: unknown) => void;

/** One end of a port: messages reach the other end later and as copies, as between processes. */
export class FakePort {
  other!: FakePort;
  closed = false;
  readonly sent: unknown[] = [];
  private readonly messageListeners: Listener[] = [];
  private readonly disconnectListeners: Array<() => void> = [];
  readonly onMessage = { addListener: (fn: Listener) => void this.messageListeners.push(fn) };
  readonly onDisconnect = { addListener: (fn: () => void) => void this.disconnectListeners.push(fn) };
  constructor(readonly name: string) {}

  postMessage(message: unknown): void {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
    const copy = wireCopy(message);
    setTimeout(() => {
      if (!this.other.closed) for (const fn of this.other.messageListeners) fn(copy);
    }, 0);
  }

  disconnect(): void {
    if (this.closed) return;
    this.closed = true;
    this.other.closed = true;
    // As in browsers: only the other end hears of it.
    setTimeout(() => {
      for (const fn of this.other.disconnectListeners) fn();
    }, 0);
  }
}

/**
 * What the other end receives: a structured clone, as Chrome 148+ (our manifest's
 * `message_serialization`) and Firefox send it. Chrome before 148 sends JSON, so a
 * message that JSON would carry differently (an undefined field, NaN, a Map) fails here.
 */
export function wireCopy(message: unknown): unknown {
  const copy = structuredClone(message);
  const json = message === undefined ? undefined : (JSON.parse(JSON.stringify(message)) as unknown);
  if (!isDeepStrictEqual(copy, json)) throw new Error(`a message JSON carries differently: ${JSON.stringify(message)?.slice(0, 200)}`);
  return copy;
}

export function portPair(name: string): [FakePort, FakePort] {
  const a = new FakePort(name);
  const b = new FakePort(name);
  a.other = b;
  b.other = a;
  return [a, b];
}

/** What a content script's `chrome.runtime` offers here; `serve` plays the background's onConnect. */
export function installRuntime(serve: (port: FakePort) => void): { connects: () => number } {
  let connects = 0;
  vi.stubGlobal('chrome', {
    runtime: {
      sendMessage: () => Promise.resolve(undefined),
      onMessage: { addListener: () => undefined, removeListener: () => undefined },
      connect: ({ name }: { name: string }) => {
        connects++;
        const [page, background] = portPair(name);
        serve(background);
        return page;
      },
    },
  });
  return { connects: () => connects };
}

/** Drives a stepwise generator as the content script's Slicer does: awaits its Waits. */
export async function drive<T>(steps: Generator<unknown, T, void>): Promise<{ value: T; steps: number }> {
  let n = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, steps: n };
    n++;
    // (Each fresh import has its own Wait class: recognized by its shape.)
    if (r.value instanceof Object && 'settled' in r.value) await (r.value as Wait).settled;
  }
}

/**
 * Checks that `run` (a drive of an offload whose background never answers, under
 * fake timers) has not settled after 4.9 s and has after 5.1, and gives its value.
 */
export async function valueAfterTimeout<T>(run: Promise<{ value: T }>): Promise<T> {
  await vi.advanceTimersByTimeAsync(4_900);
  let settled = false;
  void run.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  expect(settled).toBe(false);
  await vi.advanceTimersByTimeAsync(200);
  return (await run).value;
}

/**
 * A background's side given `messages` on a fresh port named `name` (`serve` plays
 * its onConnect): whether it closed the port, and what the page heard back.
 */
export async function afterSending(name: string, serve: (background: FakePort) => void, messages: readonly unknown[]): Promise<{ closed: boolean; heard: unknown[] }> {
  const [page, background] = portPair(name);
  serve(background);
  const heard: unknown[] = [];
  page.onMessage.addListener((m) => heard.push(m));
  for (const m of messages) page.postMessage(m);
  await new Promise((r) => setTimeout(r, 10));
  return { closed: background.closed, heard };
}
