// Forced synchronous layouts caused by the extension, from a Chromium trace:
// a `Layout` or `UpdateLayoutTree` (style) event that carries a JavaScript
// stack was forced by that script (layout done for a frame has none). Ours are
// those with a chrome-extension:// frame on the stack.
import type { BrowserContext, Page } from 'playwright-core';
import { recordTrace, type TraceEvent } from './trace';

const CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline.stack';

interface StackFrame {
  url?: string;
}

function forcedByExtension(e: TraceEvent): boolean {
  if (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') return false;
  const args = e.args as { beginData?: { stackTrace?: StackFrame[] }; data?: { stackTrace?: StackFrame[] } } | undefined;
  const stack = args?.beginData?.stackTrace ?? args?.data?.stackTrace ?? [];
  return stack.some((f) => f.url?.startsWith('chrome-extension://') === true);
}

/** Runs `action` under a trace and counts the layouts and style recalcs our scripts forced meanwhile. */
export async function countForcedLayouts(context: BrowserContext, page: Page, action: () => Promise<void>): Promise<number> {
  return (await recordTrace(context, page, CATEGORIES, action)).filter(forcedByExtension).length;
}
