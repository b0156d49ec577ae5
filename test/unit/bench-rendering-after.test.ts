// The benchmark's count of the rendering work after our pass (bench/rendering-after.ts), on hand-made trace events.
import { describe, expect, it } from 'vitest';
import { renderingAfterPass } from '../../bench/rendering-after';
import type { TraceEvent } from '../../bench/trace';

const x = (name: string, ts: number, dur: number, tid = 1): TraceEvent => ({ name, ph: 'X', ts, dur, pid: 7, tid });
const slice = (id: string, from: number, to: number, detail: string): TraceEvent[] => [
  { name: 'evidence-lens:slice', ph: 'b', ts: from, pid: 7, tid: 1, id2: { local: id }, args: { detail: JSON.stringify(detail) } },
  { name: 'evidence-lens:slice', ph: 'e', ts: to, pid: 7, tid: 1, id2: { local: id } },
];

describe('renderingAfterPass', () => {
  it('counts rendering from our first render slice on, and the longest task holding it outside our slices', () => {
    const events = [
      ...slice('1', 0, 10_000, 'gate'),
      x('Layout', 20_000, 50_000), // the page's own, before we render: not counted
      ...slice('2', 100_000, 120_000, 'detect+render'),
      x('ThreadControllerImpl::RunTask', 99_000, 22_000), // our slice's task: not a rendering task of its own
      x('UpdateLayoutTree', 121_000, 1000),
      x('ThreadControllerImpl::RunTask', 130_000, 40_000),
      x('UpdateLayoutTree', 131_000, 5000),
      x('Layout', 136_000, 10_000),
      x('PrePaint', 146_000, 20_000),
      x('Layout', 140_000, 9000, 2), // another thread
    ];
    const r = renderingAfterPass(events);
    expect(r.total).toBeCloseTo(36, 5);
    expect(r.longestTask).toBeCloseTo(40, 5);
  });

  it('is zero on a page where we rendered nothing', () => {
    expect(renderingAfterPass([...slice('1', 0, 10_000, 'gate'), x('Layout', 20_000, 5000)])).toEqual({ total: 0, longestTask: 0 });
  });
});
