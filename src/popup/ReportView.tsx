// The report, once the page has answered: its actions, the product, the claims by
// verdict and the citations. Loaded apart from the popup's shell (see App.tsx).
import { useMemo } from 'preact/hooks';
import type { CitationFormat } from '../core/cite';
import type { ClaimRef, PageReport } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { Citations } from './Citations';
import { ClaimList } from './ClaimList';
import { ProductCard } from './ProductCard';
import { ReportActions } from './ReportActions';
import { citedSourceIds, groupByVerdict } from './model';

export function ReportView(props: {
  report: PageReport;
  result: NonNullable<PageReport['result']>;
  refs: ClaimRef[];
  focus: number | null;
  onReveal: (index: number) => void;
  settings: Settings | null;
  onFormat: (f: CitationFormat) => void;
}) {
  const { result } = props;
  const groups = useMemo(() => groupByVerdict(result.claims, props.refs), [result, props.refs]);
  const sourceIds = useMemo(() => citedSourceIds(result.claims), [result]);
  return (
    <>
      <ReportActions report={props.report} result={result} />
      <ProductCard
        product={result.product}
        dose={result.dose}
        disclaimer={result.disclaimer}
        diseaseClaims={result.disease_claims}
      />
      <ClaimList groups={groups} focus={props.focus} onReveal={props.onReveal} hiddenVerdicts={props.settings?.hiddenVerdicts ?? []} />
      <Citations ids={sourceIds} format={props.settings?.citationFormat ?? 'ama'} onFormat={props.onFormat} />
    </>
  );
}
