// "Open printable report", for the popup and the pasted-text page alike.
import browser from 'webextension-polyfill';
import type { ReportInput } from '../core/report/markdown';
import { reportPagePath, storeReport } from './handoff';

export { reportText } from './text';

/** Stores the report and opens the printable page in a new tab. */
export async function openPrintable(input: ReportInput): Promise<void> {
  const id = await storeReport(input);
  await browser.tabs.create({ url: browser.runtime.getURL(reportPagePath(id)) });
}
