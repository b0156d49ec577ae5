// The report's actions: copy it (the same text as `scan --md`) and open it for print.
import type { PageReport } from '../shared/messages';
import type { ScanResult } from '../core/types';
import { openPrintable, reportText } from '../report/actions';
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
