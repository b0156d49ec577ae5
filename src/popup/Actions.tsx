// The popup's actions: copy the report (the same text as `scan --md`), open it
// for print, turn Evidence Lens off on this site, and the links to the
// pasted-text page and the options.
import browser from 'webextension-polyfill';
import type { PageReport } from '../shared/messages';
import type { ScanResult } from '../core/types';
import { openPrintable, reportText } from '../report/actions';
import { pastePagePath } from '../paste/handoff';
import { CopyButton } from './CopyButton';
import { popupReportInput } from './report-input';
import { S } from './strings';

export function ReportActions({ report, result }: { report: PageReport; result: ScanResult }) {
  return (
    <section class="actions" aria-label={S.reportHeading}>
      <CopyButton text={() => reportText(popupReportInput(report, result))} label={S.copyReport} />
      <button type="button" class="copy" onClick={() => void openPrintable(popupReportInput(report, result))}>
        {S.openPrintable}
      </button>
    </section>
  );
}

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
