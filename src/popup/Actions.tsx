// The popup's controls that need no report: turn Evidence Lens off on this site,
// and the links to the pasted-text page and the options.
import browser from 'webextension-polyfill';
import { pastePagePath } from '../paste/handoff';
import { S } from './strings';

export function SiteToggle({ site, onTurnOff }: { site: string; onTurnOff: () => void }) {
  return (
    <button type="button" class="link-button" onClick={onTurnOff}>
      {S.siteTurnOff(site)}
    </button>
  );
}

export function PopupLinks() {
  const openPaste = () => void browser.tabs.create({ url: browser.runtime.getURL(pastePagePath()) });
  const openOptions = () => void browser.runtime.openOptionsPage();
  return (
    <span class="links">
      <button type="button" class="link-button" onClick={openPaste}>
        {S.checkPasted}
      </button>
      <button type="button" class="link-button" onClick={openOptions}>
        {S.options}
      </button>
    </span>
  );
}
