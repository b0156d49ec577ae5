// Background service worker (MV3). Stateless: every listener is registered
// synchronously at top level so a restarted worker still receives the event, and
// nothing is kept in globals (the worker is stopped when idle).
//
// - A port named COUNT_PORT from a tab's top frame → badge text for that tab
//   (count-port.ts). Only the top frame counts: the popup reports on the top frame
//   too, so badge and popup agree, and summing frames would need per-tab state.
// - `focus-claim` (the page card's "details in the popup") → this tab's popup is
//   pointed at `?focus=<index>` and opened where the browser allows it; the popup
//   resets its address once read. The popup address doubles as the state, so no
//   `storage` permission is needed.
// - A tab starting to load a new page → badge and popup address reset.
// - The context-menu entry on a selection → the pasted-text page (menus.ts).
// - The keyboard shortcut → show/hide marks in that tab (commands.ts).
// - `strings` from a page that names MgT → the messages its marks and card show
//   (strings.ts), so the page does not load them itself.
// - A port named PREFILTER_PORT → the prefilter over a page's text (a large
//   page's, or the blocks of one read whole: prefilter-port.ts), so the page's
//   thread does not run it.
import browser from 'webextension-polyfill';
import { onBackgroundMessage } from '../shared/messages';
import { BADGE_COLOR, badgeText } from './badge';
import { checkSelection, createMenus, onMenuClick } from './menus';
import { onCommand } from './commands';
import { servePrefilterPort } from './prefilter-port';
import { serveDetectPort } from './detect-port';
import { serveCountPort } from './count-port';
import { stringsListener } from './strings';

function plainPopup(): string | undefined {
  return browser.runtime.getManifest().action?.default_popup;
}

async function setBadge(tabId: number, count: number): Promise<void> {
  try {
    const text = badgeText(count);
    await browser.action.setBadgeText({ tabId, text });
    if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    // Chrome 110+: keep the number white on teal (the default may pick black).
    const action = browser.action as typeof browser.action & {
      setBadgeTextColor?: (d: { tabId: number; color: string }) => Promise<void>;
    };
    if (text && action.setBadgeTextColor) await action.setBadgeTextColor({ tabId, color: '#ffffff' });
  } catch {
    // The tab closed in the meantime: nothing to update.
  }
}

async function focusClaim(tabId: number, index: number): Promise<void> {
  const plain = plainPopup();
  if (!plain) return;
  try {
    await browser.action.setPopup({ tabId, popup: `${plain}?focus=${index}` });
    // Chrome 127+ and Firefox can open the popup programmatically; elsewhere the
    // user opens it and it starts at that claim.
    const action = browser.action as typeof browser.action & { openPopup?: () => Promise<void> };
    await action.openPopup?.();
  } catch {
    // openPopup refused (no user gesture, window not focused): the address still applies.
  }
}

onBackgroundMessage((message, sender) => {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  const top = (sender.frameId ?? 0) === 0;
  if (!top) return; // see the header comment
  return focusClaim(tabId, message.index);
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // `status` is reported without the `tabs` permission.
  if (changeInfo.status !== 'loading') return;
  void setBadge(tabId, 0);
  const plain = plainPopup();
  if (plain) browser.action.setPopup({ tabId, popup: plain }).catch(() => undefined);
});

browser.runtime.onConnect.addListener((port) => serveCountPort(port, setBadge));
browser.runtime.onConnect.addListener(servePrefilterPort);
browser.runtime.onConnect.addListener(serveDetectPort);
browser.runtime.onMessage.addListener(stringsListener((name, subs) => browser.i18n.getMessage(name, subs)));

browser.runtime.onInstalled.addListener(() => {
  createMenus().catch(() => undefined);
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  void onMenuClick(info, tab).catch(() => undefined);
});

browser.commands.onCommand.addListener((command, tab) => {
  void onCommand(command, tab);
});

// The same handlers, reachable from the worker's console and the browser tests
// (a shortcut cannot be pressed and a context menu cannot be clicked in headless
// Chrome). Only extension contexts can reach the worker's global scope.
(globalThis as { evidenceLens?: unknown }).evidenceLens = { onMenuClick, checkSelection, onCommand, createMenus };
