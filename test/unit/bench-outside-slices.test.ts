// The benchmark's count of our work outside our slices (bench/outside-slices.ts),
// on hand-made trace events: what counts as ours, nesting, and slices subtracted.
import { describe, expect, it } from 'vitest';
import { outsideSlicesMs, outsideSlicesParts } from '../../bench/outside-slices';
import type { TraceEvent } from '../../bench/trace';

const EXT = 'chrome-extension://abc/assets/';
const x = (name: string, ts: number, dur: number, args: Record<string, unknown> = {}, tid = 1): TraceEvent => ({ name, ph: 'X', ts, dur, pid: 7, tid, args });
const slice = (id: string, from: number, to: number): TraceEvent[] => [
  { name: 'evidence-lens:slice', ph: 'b', ts: from, pid: 7, tid: 1, id2: { local: id } },
  { name: 'evidence-lens:slice', ph: 'e', ts: to, pid: 7, tid: 1, id2: { local: id } },
];

describe('outsideSlicesMs', () => {
  it('counts our script events once where they nest, and none of the page’s', () => {
    const events = [
      x('EvaluateScript', 0, 5000, { data: { url: `${EXT}loader.js` } }),
      x('v8.run', 500, 4000, { fileName: `${EXT}loader.js` }), // nested: not counted again
      x('v8.evaluateModule', 10_000, 3000, { worldId: 5, worldName: 'Evidence Lens' }),
      x('v8.evaluateModule', 20_000, 9000, { worldId: 0 }), // the page's own module
      x('FunctionCall', 30_000, 2000, { data: { url: 'https://shop.example/app.js' } }),
      x('v8.compileModule', 40_000, 1000, { fileName: `${EXT}session.js` }, 2), // another thread
    ];
    expect(outsideSlicesMs(events)).toBeCloseTo(8, 5);
  });

  it('leaves out what our slices already measure', () => {
    const events = [
      x('EvaluateScript', 0, 4000, { data: { url: `${EXT}loader.js` } }),
      x('FunctionCall', 10_000, 10_000, { data: { url: `${EXT}index.js` } }),
      ...slice('1', 12_000, 18_000),
      ...slice('2', 30_000, 40_000),
    ];
    expect(outsideSlicesMs(events)).toBeCloseTo(4 + 4, 5);
  });

  it("counts a module's evaluation recorded without its URL or world (Chromium 150): the bench's pages load no module", () => {
    const events = [
      x('v8.evaluateModule', -9000, 3000, {}, 2), // our background's, on its own thread: not the page's
      x('EvaluateScript', 0, 2000, { data: { url: `${EXT}content-script.js` } }),
      x('v8.compileModule', 10_000, 1000, { data: { url: `${EXT}session.js` } }),
      x('v8.evaluateModule', 12_000, 1800, {}),
      x('v8.evaluateModule', 20_000, 9000, { worldId: 0 }), // a page's own module, where the world is recorded
    ];
    expect(outsideSlicesMs(events)).toBeCloseTo(2 + 1 + 1.8, 5);
  });

  it('is zero when the trace saw none of our scripts', () => {
    expect(outsideSlicesMs([x('EvaluateScript', 0, 4000, { data: { url: 'https://shop.example/app.js' } })])).toBe(0);
  });

  it('splits it into loading the entry, loading the chunks, and callbacks, giving nested time to the chunks first', () => {
    const events = [
      x('EvaluateScript', 0, 3000, { data: { url: `${EXT}content-script.js` } }),
      x('v8.compile', 0, 1000, { data: { url: `${EXT}content-script.js` } }), // inside the entry's evaluation
      x('FunctionCall', 10_000, 8000, { data: { url: `${EXT}content-script.js` } }), // a callback…
      x('v8.compileModule', 11_000, 2000, { data: { url: `${EXT}session.js` } }), // …that imports the chunk
      x('v8.evaluateModule', 13_000, 1500, {}),
      ...slice('1', 15_000, 17_000), // the first pass's slice, inside the same callback
      x('v8.produceModuleCache', 30_000, 500, { data: { url: `${EXT}session.js` } }),
    ];
    const parts = outsideSlicesParts(events);
    expect(parts.entry).toBeCloseTo(3, 5);
    expect(parts.chunks).toBeCloseTo(2 + 1.5 + 0.5, 5);
    expect(parts.callbacks).toBeCloseTo(8 - 3.5 - 2, 5);
    expect(outsideSlicesMs(events)).toBeCloseTo(parts.entry + parts.chunks + parts.callbacks, 5);
  });

  it('has no chunks on a page that loads none (no MgT named)', () => {
    const events = [x('EvaluateScript', 0, 2000, { data: { url: `${EXT}content-script.js` } }), x('FunctionCall', 5000, 1000, { data: { url: `${EXT}content-script.js` } })];
    expect(outsideSlicesParts(events)).toEqual({ entry: 2, chunks: 0, callbacks: 1 });
  });
});
