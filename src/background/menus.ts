// The context-menu entry "Check selected text with Evidence Lens": the
// selection goes to storage.session and the pasted-text page opens with it.
import browser from 'webextension-polyfill';
import type { Menus, Tabs } from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { pastePagePath, storeSelection } from '../paste/handoff';

export const CHECK_SELECTION_MENU = 'evidence-lens-check-selection';

/** Menus persist across worker restarts; (re)created on install and update. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CHECK_SELECTION_MENU, title: t('contextMenuCheck'), contexts: ['selection'] });
}

/** Opens the pasted-text page with `text` (next to the tab it came from). Resolves to the new tab. */
export async function checkSelection(text: string, from?: Tabs.Tab): Promise<Tabs.Tab> {
  const id = await storeSelection(text);
  const url = browser.runtime.getURL(pastePagePath(id));
  return browser.tabs.create({
    url,
    ...(from?.index !== undefined ? { index: from.index + 1 } : {}),
    ...(from?.id !== undefined ? { openerTabId: from.id } : {}),
  });
}

export async function onMenuClick(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<Tabs.Tab | null> {
  if (info.menuItemId !== CHECK_SELECTION_MENU || !info.selectionText) return null;
  return checkSelection(info.selectionText, tab);
}
