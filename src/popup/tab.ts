// Which tab the popup reports on, and talking to its content script.
import browser from 'webextension-polyfill';
import { sendToTab, type PageReport } from '../shared/messages';
import type { RunRequest, RunResponse } from '../shared/settings-messages';

export interface TargetTab {
  id: number;
  /** Known only for pages the extension may see (host permission); undefined otherwise. */
  url: string | undefined;
}

/**
 * The tab to report on. Normally the active tab of the current window. For tests and
 * the demo the popup can be opened as an ordinary tab with `?tab=<id>` or
 * `?url=<page url>`. Without the `tabs` permission Chrome hides other tabs' urls
 * (content-script matches don't count as host permissions for that), so `?url=`
 * asks each tab's content script for its address instead.
 */
export async function findTargetTab(params: { tab: number | null; url: string | null }): Promise<TargetTab | null> {
  if (params.tab !== null) {
    const t = await browser.tabs.get(params.tab).catch(() => undefined);
    return { id: params.tab, url: t?.url };
  }
  if (params.url !== null) return findTabByUrl(params.url);
  const [t] = await browser.tabs.query({ active: true, currentWindow: true });
  return t?.id !== undefined ? { id: t.id, url: t.url } : null;
}

/** Retries for a few seconds: the page's content script may not be listening yet. */
async function findTabByUrl(url: string, attempts = 12): Promise<TargetTab | null> {
  for (let i = 0; i < attempts; i++) {
    const found = await findTabByUrlOnce(url);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

async function findTabByUrlOnce(url: string): Promise<TargetTab | null> {
  const tabs = await browser.tabs.query({});
  const visible = tabs.find((t) => t.url === url && t.id !== undefined);
  if (visible?.id !== undefined) return { id: visible.id, url };
  const ids = tabs.map((t) => t.id).filter((id): id is number => id !== undefined);
  const reports = await Promise.all(ids.map((id) => getReport(id)));
  const i = reports.findIndex((r) => r?.url === url);
  const id = ids[i];
  return id !== undefined ? { id, url } : null;
}

export function getReport(tabId: number): Promise<PageReport | undefined> {
  return sendToTab(tabId, { type: 'get-report' });
}

export async function reveal(tabId: number, index: number): Promise<boolean> {
  const r = await sendToTab(tabId, { type: 'reveal', index });
  return r?.ok ?? false;
}

/**
 * The background may have pointed this tab's popup at `?focus=<n>` (the page card's
 * "details in the popup" link). Once read, point it back at the plain popup so the
 * next open starts at the top.
 */
export async function clearFocusPopup(tabId: number): Promise<void> {
  const plain = browser.runtime.getManifest().action?.default_popup;
  if (!plain) return;
  try {
    await browser.action.setPopup({ tabId, popup: plain });
  } catch {
    // Not fatal: the next open would just focus the same claim again.
  }
}

/**
 * Asks the page to run now. In on-click mode this is what starts it; in the
 * default mode it is a no-op. False when no script answered or the site is off.
 */
export async function runOnPage(tabId: number): Promise<boolean> {
  try {
    // Every frame: in on-click mode frames wait for this too.
    const r = (await browser.tabs.sendMessage(tabId, { type: 'evidence-lens:run' } satisfies RunRequest)) as
      | RunResponse
      | undefined;
    return r?.ok ?? false;
  } catch {
    return false;
  }
}

/**
 * A tab opened before Evidence Lens was installed (or updated) has no content
 * script. Opening the popup grants activeTab, so the script can be injected
 * into that tab now (the `scripting` permission). Resolves false if refused.
 */
export async function injectContentScript(tabId: number): Promise<boolean> {
  const files = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];
  if (files.length === 0) return false;
  try {
    await browser.scripting.executeScript({ target: { tabId }, files });
    return true;
  } catch {
    return false;
  }
}
