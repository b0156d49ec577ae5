// The report text for "Copy report": markdownReport itself, the one formatter
// `scan --md` uses too, so the two can never drift apart.
import { markdownReport, type ReportInput } from '../core/report/markdown';

export function reportText(input: ReportInput): string {
  return markdownReport(input);
}
