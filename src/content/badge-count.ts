// The toolbar badge's count for this tab, given to our background from the top frame
// (the badge shows the top frame's claims, as the popup reports on it:
// background/count-port.ts). Over one port, kept while the document lives: a pass
// that changed the count (a paragraph added after load) sent a message of its own,
// a channel opened, answered and closed each time, on the page's thread inside the
// pass. A pass that leaves the count as it was (a carousel turning, a part of the
// page rendered again) sends nothing, and a frame other than the top one never does.
import type { ClaimsMessage } from '../shared/messages';
import { COUNT_PORT } from '../shared/ports';
import { connectToBackground, type PortLike } from './background-port';

let port: PortLike | null = null;
/** The count last given on `port` (null: none yet, or the port closed since). */
let given: number | null = null;

/** Whether `win` is its tab's top frame (a cross-origin parent can be compared, not read). */
function isTopFrame(win: Window | undefined): boolean {
  try {
    return win !== undefined && win.top === win;
  } catch {
    return false;
  }
}

/**
 * Gives the badge `count` unless it has it already. A port that closed (the
 * background's worker stopped when idle, the extension reloaded) is opened again
 * once; where none opens, the badge is left as it is. Never throws.
 */
export function reportCount(count: number, win: Window | undefined = globalThis.window): void {
  if (!isTopFrame(win) || (count === given && port !== null)) return;
  for (let attempt = 0; attempt < 2; attempt++) {
    port ??= open();
    if (port === null) return;
    try {
      port.postMessage({ type: 'claims', count } satisfies ClaimsMessage);
      given = count;
      return;
    } catch {
      port = null;
      given = null;
    }
  }
}

function open(): PortLike | null {
  const opened = connectToBackground(COUNT_PORT);
  opened?.onDisconnect.addListener(() => {
    if (port !== opened) return;
    port = null;
    given = null;
  });
  return opened;
}
