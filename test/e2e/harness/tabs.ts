// Finding a page's tab from the service worker, the way the popup does: ask each
// tab's content script for its report (no `tabs` permission needed).
import type { Worker } from 'playwright-core';

declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
};

/** Tab id of the tab showing `url`, or -1. */
export function tabFor(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (want) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const r = (await chrome.tabs.sendMessage(tab.id, { type: 'get-report' }, { frameId: 0 })) as { url?: string };
        if (r?.url === want) return tab.id;
      } catch {
        // no content script in that tab
      }
    }
    return -1;
  }, url);
}
