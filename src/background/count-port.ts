// The background's side of the count port (content/badge-count.ts): a top frame
// gives its tab's claim count, and the badge shows it. A frame other than the top
// one is not listened to (the popup reports on the top frame, so badge and popup
// agree); a message that is not a count closes the port.
import type { Runtime } from 'webextension-polyfill';
import { isClaimsMessage } from '../shared/message-guards';
import { COUNT_PORT } from '../shared/ports';

/** Serves one count port (ignores ports of any other name); `setBadge` shows a tab's count. */
export function serveCountPort(port: Runtime.Port, setBadge: (tabId: number, count: number) => Promise<void>): void {
  if (port.name !== COUNT_PORT) return;
  const tabId = port.sender?.tab?.id;
  const top = (port.sender?.frameId ?? 0) === 0;
  port.onMessage.addListener((message: unknown) => {
    if (!isClaimsMessage(message)) return port.disconnect();
    if (tabId !== undefined && top) void setBadge(tabId, message.count);
  });
}
