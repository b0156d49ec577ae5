// Forced synchronous layouts caused by the extension, from a Chromium trace:
// a `Layout` or `UpdateLayoutTree` (style) event that carries a JavaScript
// stack was forced by that script (layout done for a frame has none). Ours are
// those with a chrome-extension:// frame on the stack.
import type { BrowserContext, Page } from 'playwright-core';

const CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline.stack';

interface StackFrame {
  url?: string;
}

interface TraceEvent {
  name: string;
  args?: { beginData?: { stackTrace?: StackFrame[] }; data?: { stackTrace?: StackFrame[] } };
}

function forcedByExtension(e: TraceEvent): boolean {
  if (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') return false;
  const stack = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? [];
  return stack.some((f) => f.url?.startsWith('chrome-extension://') === true);
}

/** Runs `action` under a trace and counts the layouts and style recalcs our scripts forced meanwhile. */
export async function countForcedLayouts(context: BrowserContext, page: Page, action: () => Promise<void>): Promise<number> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events.filter(forcedByExtension).length;
}
