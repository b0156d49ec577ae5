// The report input for what the popup shows: the page's own title and address,
// dated as `scan --md` dates it. Pure.
import type { ReportInput } from '../core/report/markdown';
import type { ScanResult } from '../core/types';
import type { PageReport } from '../shared/messages';
import { reportInput } from '../report/handoff';

export function popupReportInput(report: Pick<PageReport, 'title' | 'url'>, result: ScanResult, now?: Date): ReportInput {
  return reportInput(report.title, report.url || null, result, now);
}
