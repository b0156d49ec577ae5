// Opens the card when the pointer rests on a claim's highlighted words. There is
// no element around the words to listen on, so pointer positions are hit-tested
// against our ranges (caret position first, then the range's boxes). Installed
// only on pages with claims; one test per animation frame at most.
import type { Mark } from './render';
import { isMarkerElement } from './markers';

interface Caret {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  const r = legacy?.call(doc, x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function boxesContain(range: Range, x: number, y: number): boolean {
  for (const rect of Array.from(range.getClientRects())) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/** The mark whose words are under (x, y), if any. */
export function markAt(doc: Document, marks: readonly Mark[], x: number, y: number): Mark | null {
  const caret = caretAt(doc, x, y);
  if (caret === null) return null;
  for (const m of marks) {
    if (m.highlight.isPointInRange(caret.node, caret.offset) && boxesContain(m.highlight, x, y)) return m;
  }
  return null;
}

export interface HoverHandlers {
  enter(mark: Mark): void;
  leave(): void;
}

export function watchHover(
  doc: Document,
  signal: AbortSignal,
  marks: () => readonly Mark[],
  handlers: HoverHandlers,
): void {
  let frame = 0;
  let last: { x: number; y: number; overOurs: boolean } | null = null;
  let current: Mark | null = null;
  const test = (): void => {
    frame = 0;
    const e = last;
    if (e === null) return;
    try {
      // Over a marker or its card: marker-events.ts hears the pointer entering and leaving it.
      if (e.overOurs) return;
      const hit = markAt(doc, marks(), e.x, e.y);
      if (hit === current) return;
      current = hit;
      if (hit) handlers.enter(hit);
      else handlers.leave();
    } catch {
      // Hit-testing must never break the page's pointer handling.
    }
  };
  doc.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerType === 'touch') return;
      // composedPath() is empty once dispatch ends, so read it now, not in the frame callback.
      const overOurs = e.composedPath().some((t) => t instanceof Node && isMarkerElement(t));
      last = { x: e.clientX, y: e.clientY, overOurs };
      if (frame === 0) frame = requestAnimationFrame(test);
    },
    { passive: true, capture: true, signal },
  );
  signal.addEventListener('abort', () => cancelAnimationFrame(frame));
}
