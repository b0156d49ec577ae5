// The prefilter of a large page runs in the background (content/prefilter-offload.ts
// and background/prefilter-port.ts): the content script sends the page's text in
// pieces over a port and gets the offsets back. The answer must be exactly the
// prefilter's on the joined text; anything else (a closed port, a wrong answer, no
// answer) must leave the page's side to run the prefilter itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import fc from 'fast-check';
import { candidateOffsets } from '../../src/core/claims/prefilter';
import { servePrefilterPort } from '../../src/background/prefilter-port';
import { isPrefilterAnswer } from '../../src/shared/prefilter-port-guards';
import { PREFILTER_PORT } from '../../src/shared/ports';
import { afterSending, drive, installRuntime, portPair, valueAfterTimeout, type FakePort } from './fake-port';

/** The module afresh: it remembers, per document, that the background failed once. */
async function freshOffload(): Promise<typeof import('../../src/content/prefilter-offload')> {
  vi.resetModules();
  return import('../../src/content/prefilter-offload');
}

const CLAIMS = 'Magnesium L-threonate is the only form that crosses the blood-brain barrier. It is clinically proven to improve memory. ';
const FILLER = 'The bottle arrived sealed and the capsules are small. ';

beforeEach(() => {
  vi.unstubAllGlobals();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('messageTexts: the text in messages of a bounded size', () => {
  it('joins back to the text, every message but the last exactly the size, none empty', async () => {
    const { messageTexts } = await freshOffload();
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), fc.integer({ min: 1, max: 50 }), (pieces, size) => {
        const texts = [...messageTexts(pieces, size)];
        expect(texts.join('')).toBe(pieces.join(''));
        texts.forEach((t, i) => {
          expect(t.length).toBeGreaterThan(0);
          if (i < texts.length - 1) expect(t.length).toBe(size);
          else expect(t.length).toBeLessThanOrEqual(size);
        });
      }),
    );
  });
});

describe('offsetsInBackgroundSteps with the background answering', () => {
  it('gives the prefilter\'s offsets in the joined text, sending it in several messages, one per step', async () => {
    const { offsetsInBackgroundSteps } = await freshOffload();
    let backgroundPort: FakePort | undefined;
    installRuntime((port) => {
      backgroundPort = port;
      servePrefilterPort(port as unknown as Runtime.Port);
    });
    // ~600,000 characters: three messages of 256 KB or less. Claims sit across piece boundaries too.
    const pieces = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? CLAIMS : '') + FILLER.repeat(280));
    const { value, steps } = await drive(offsetsInBackgroundSteps(pieces));
    const expected = candidateOffsets(pieces.join(''));
    expect(expected?.length).toBeGreaterThan(0);
    expect(value?.offsets).toEqual(expected);
    expect(value?.ms).toBeGreaterThanOrEqual(0);
    const page = backgroundPort!.other;
    const texts = page.sent.filter((m) => (m as { type: string }).type === 'text');
    expect(texts.length).toBe(3);
    expect(page.sent.at(-1)).toEqual({ type: 'end' });
    expect(steps).toBe(texts.length + 1); // a step after each message, then the wait
    expect(page.name).toBe(PREFILTER_PORT);
  });

  it('answers null where the text needs normalizing first (as the prefilter does)', async () => {
    const { offsetsInBackgroundSteps } = await freshOffload();
    installRuntime((port) => servePrefilterPort(port as unknown as Runtime.Port));
    const pieces = ['Magnesium L-thre\u200Bonate improves memory. ', FILLER];
    expect(candidateOffsets(pieces.join(''))).toBeNull();
    const { value } = await drive(offsetsInBackgroundSteps(pieces));
    expect(value).toEqual({ offsets: null, ms: expect.any(Number) });
  });
});

describe('offsetsInBackgroundSteps without a usable answer: undefined, and not tried again in this document', () => {
  const pieces = [CLAIMS, FILLER.repeat(100)];

  it('more text than the background takes: not sent at all', async () => {
    const { offsetsInBackgroundSteps } = await freshOffload();
    const runtime = installRuntime((port) => servePrefilterPort(port as unknown as Runtime.Port));
    expect((await drive(offsetsInBackgroundSteps(pieces, 100))).value).toBeUndefined();
    expect(runtime.connects()).toBe(0);
  });

  it('no runtime to connect to', async () => {
    const { offsetsInBackgroundSteps } = await freshOffload();
    vi.stubGlobal('chrome', { runtime: { connect: () => { throw new Error('Extension context invalidated.'); } } });
    expect((await drive(offsetsInBackgroundSteps(pieces))).value).toBeUndefined();
  });

  it('the background closes the port at once', async () => {
    const { offsetsInBackgroundSteps } = await freshOffload();
    const runtime = installRuntime((port) => port.disconnect());
    expect((await drive(offsetsInBackgroundSteps(pieces))).value).toBeUndefined();
    expect((await drive(offsetsInBackgroundSteps(pieces))).value).toBeUndefined();
    expect(runtime.connects()).toBe(1);
  });

  it('the background answers something that is not offsets in the text', async () => {
    for (const wrong of [{ offsets: [5, 3], ms: 1 }, { offsets: [1e9], ms: 1 }, { offsets: [1.5], ms: 1 }, { offsets: 'x', ms: 1 }, { offsets: [1] }, 'done']) {
      const { offsetsInBackgroundSteps } = await freshOffload();
      const runtime = installRuntime((port) =>
        port.onMessage.addListener((m) => {
          if ((m as { type: string }).type === 'end') port.postMessage(wrong);
        }),
      );
      expect((await drive(offsetsInBackgroundSteps(pieces))).value, JSON.stringify(wrong)).toBeUndefined();
      expect((await drive(offsetsInBackgroundSteps(pieces))).value).toBeUndefined();
      expect(runtime.connects()).toBe(1);
    }
  });

  it('the background never answers: given up after 5 s', async () => {
    vi.useFakeTimers();
    const { offsetsInBackgroundSteps } = await freshOffload();
    installRuntime(() => undefined);
    expect(await valueAfterTimeout(drive(offsetsInBackgroundSteps(pieces)))).toBeUndefined();
  });
});

describe('the background\'s side of the port', () => {
  it('ignores ports of another name', () => {
    const [, background] = portPair('something-else');
    servePrefilterPort(background as unknown as Runtime.Port);
    background.other.postMessage({ type: 'end' });
    expect(background.sent).toEqual([]);
  });

  it.each([
    ['a message of another shape', [{ type: 'text', text: 5 }]],
    ['a message that is not an object', ['end']],
    ['more text than it accepts', [{ type: 'text', text: 'x'.repeat(60) }, { type: 'text', text: 'x'.repeat(60) }, { type: 'end' }]],
  ])('closes the port, answering nothing, on %s', async (_, messages) => {
    const { closed, heard } = await afterSending(PREFILTER_PORT, (background) => servePrefilterPort(background as unknown as Runtime.Port, 100), messages);
    expect(closed).toBe(true);
    expect(heard).toEqual([]);
  });

  it('the guard takes only sorted whole offsets inside the text', () => {
    expect(isPrefilterAnswer({ offsets: [0, 4, 9], ms: 2 }, 10)).toBe(true);
    expect(isPrefilterAnswer({ offsets: null, ms: 2 }, 10)).toBe(true);
    expect(isPrefilterAnswer({ offsets: [0, 10], ms: 2 }, 10)).toBe(false);
    expect(isPrefilterAnswer({ offsets: [4, 4], ms: 2 }, 10)).toBe(false);
    expect(isPrefilterAnswer({ offsets: [-1], ms: 2 }, 10)).toBe(false);
    expect(isPrefilterAnswer({ offsets: [], ms: Number.NaN }, 10)).toBe(false);
  });
});
