// The keyboard shortcut (commands API): show or hide every mark on the page.
// Sent to all frames of the tab; each frame's content script toggles its own marks.
import browser from 'webextension-polyfill';
import type { Tabs } from 'webextension-polyfill';
import type { ToggleRequest, ToggleResponse } from '../shared/settings-messages';

export const TOGGLE_MARKS_COMMAND = 'toggle-marks';

/** Resolves to the top frame's answer (hidden or not), or null when no content script answered. */
export async function onCommand(command: string, tab?: Tabs.Tab): Promise<ToggleResponse | null> {
  if (command !== TOGGLE_MARKS_COMMAND) return null;
  let tabId = tab?.id;
  if (tabId === undefined) [{ id: tabId } = { id: undefined }] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tabId === undefined) return null;
  const request: ToggleRequest = { type: 'evidence-lens:toggle-marks' };
  try {
    // No frameId: every frame's script receives it; the answer comes from the first to reply.
    return ((await browser.tabs.sendMessage(tabId, request)) as ToggleResponse | undefined) ?? null;
  } catch {
    return null; // no content script there (browser pages, the store)
  }
}
