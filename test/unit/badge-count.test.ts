// The toolbar badge's count: the top frame gives it over one port when it changes
// (content/badge-count.ts), and the background shows what a top frame gives
// (background/count-port.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { serveCountPort } from '../../src/background/count-port';
import { COUNT_PORT } from '../../src/shared/ports';
import { FakePort, afterSending, installRuntime } from './fake-port';

/** The module afresh: it keeps its port and the count given for the document. */
async function fresh(): Promise<typeof import('../../src/content/badge-count')> {
  vi.resetModules();
  return import('../../src/content/badge-count');
}

/** A window that is its tab's top frame, or a frame inside one. */
function frame(top: boolean): Window {
  const win = {} as { top: unknown };
  win.top = top ? win : {};
  return win as unknown as Window;
}
const TOP = frame(true);

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

/** The messages a background hears for these counts, in order. */
const given = (...counts: number[]): unknown[] => counts.map((count) => ({ type: 'claims', count }));

/** A stand-in background that keeps what each count port it was given heard, and the ports. */
function countingBackground(): { counts: unknown[]; ports: FakePort[]; connects: () => number } {
  const counts: unknown[] = [];
  const ports: FakePort[] = [];
  const { connects } = installRuntime((background) => {
    expect(background.name).toBe(COUNT_PORT);
    ports.push(background);
    background.onMessage.addListener((m) => counts.push(m));
  });
  return { counts, ports, connects };
}

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe('reportCount (the top frame gives the badge its count)', () => {
  it('gives each new count once, over one port kept open', async () => {
    const { reportCount } = await fresh();
    const bg = countingBackground();
    for (const n of [3, 3, 3, 4, 4, 0]) reportCount(n, TOP);
    await settle();
    expect(bg.counts).toEqual(given(3, 4, 0));
    expect(bg.connects()).toBe(1);
  });

  it('gives nothing from a frame inside the page (the badge shows the top frame\'s claims)', async () => {
    const { reportCount } = await fresh();
    const bg = countingBackground();
    reportCount(5, frame(false));
    reportCount(5, undefined);
    await settle();
    expect(bg.connects()).toBe(0);
  });

  it('opens the port again once the background closed it (its worker stopped), and gives the count again', async () => {
    const { reportCount } = await fresh();
    const bg = countingBackground();
    reportCount(2, TOP);
    await settle();
    bg.ports[0]!.disconnect();
    await settle();
    reportCount(2, TOP);
    reportCount(2, TOP);
    await settle();
    expect(bg.connects()).toBe(2);
    expect(bg.counts).toEqual(given(2, 2));
  });

  it('sends again on a new port when the old one turns out closed as it sends', async () => {
    const { reportCount } = await fresh();
    const bg = countingBackground();
    reportCount(1, TOP);
    await settle();
    // Closed, with the news not yet heard here: posting throws.
    bg.ports[0]!.closed = true;
    (bg.ports[0]!.other as FakePort).closed = true;
    reportCount(7, TOP);
    await settle();
    expect(bg.connects()).toBe(2);
    expect(bg.counts).toEqual(given(1, 7));
  });

  it('does nothing, and throws nothing, without a runtime (the extension reloaded)', async () => {
    const { reportCount } = await fresh();
    expect(() => reportCount(4, TOP)).not.toThrow();
  });
});

describe('serveCountPort (the background shows a top frame\'s count)', () => {
  /** The background's end of a count port from tab 9's frame `frameId`. */
  const serve = (frameId: number, shown: Array<[number, number]>) => (background: FakePort) => {
    (background as unknown as { sender: Runtime.MessageSender }).sender = { tab: { id: 9 } as Runtime.MessageSender['tab'], frameId };
    serveCountPort(background as unknown as Runtime.Port, async (tabId, count) => void shown.push([tabId, count]));
  };

  it("shows the top frame's counts on its tab's badge", async () => {
    const shown: Array<[number, number]> = [];
    const { closed } = await afterSending(COUNT_PORT, serve(0, shown), given(3, 0));
    expect(shown).toEqual([[9, 3], [9, 0]]);
    expect(closed).toBe(false);
  });

  it("does not show a frame's own count, nor listen to another port", async () => {
    const shown: Array<[number, number]> = [];
    await afterSending(COUNT_PORT, serve(2, shown), [{ type: 'claims', count: 3 }]);
    await afterSending('evidence-lens:prefilter', serve(0, shown), [{ type: 'claims', count: 3 }]);
    expect(shown).toEqual([]);
  });

  it('closes a port that sends anything but a count', async () => {
    for (const bad of [{ type: 'claims', count: -1 }, { type: 'claims', count: 1.5 }, { type: 'claims' }, { type: 'focus-claim', index: 0 }, 'claims', null]) {
      const shown: Array<[number, number]> = [];
      const { closed } = await afterSending(COUNT_PORT, serve(0, shown), [bad]);
      expect(closed).toBe(true);
      expect(shown).toEqual([]);
    }
  });
});
