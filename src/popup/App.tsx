// The popup: find the tab, ask its content script for the report (retrying while the
// page is still being read), then show one of four states.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ClaimRef, PageReport } from '../shared/messages';
import { Citations } from './Citations';
import { ClaimList } from './ClaimList';
import { ProductCard } from './ProductCard';
import { citedSourceIds, groupByVerdict, isRestrictedUrl, parsePopupParams, stateFor, type PopupState } from './model';
import { CannotRun, Loading, NoClaims } from './states';
import { S } from './strings';
import { clearFocusPopup, findTargetTab, getReport, reveal } from './tab';

const RETRY_MS = 250;
/** No script answered: give a tab that is still loading ~3 s before saying "can't run". */
const NO_ANSWER_ATTEMPTS = 12;
/** The script answered but is still scanning: wait up to ~10 s. */
const NOT_READY_ATTEMPTS = 40;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function LensMark() {
  return (
    <svg class="mark" viewBox="0 0 32 32" width="20" height="20" aria-hidden="true">
      <line class="handle" x1="20.5" y1="20.5" x2="27.5" y2="27.5" stroke="#134e4a" stroke-width="5" stroke-linecap="round" />
      <circle cx="13.4" cy="13.4" r="9.6" fill="#ecfdf5" stroke="#0f766e" stroke-width="3.2" />
      <path d="M9.3 13.8l3.2 3.2 5.4-6.7" fill="none" stroke="#15803d" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export function App() {
  const params = useMemo(() => parsePopupParams(location.search), []);
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const tab = await findTargetTab(params).catch(() => null);
      if (cancelled) return;
      if (!tab || isRestrictedUrl(tab.url)) {
        setState({ kind: 'cannot-run' });
        return;
      }
      setTabId(tab.id);
      if (params.focus !== null && params.tab === null) void clearFocusPopup(tab.id);
      for (let attempt = 0; !cancelled; attempt++) {
        const report = await getReport(tab.id);
        if (cancelled) return;
        const budget = report ? NOT_READY_ATTEMPTS : NO_ANSWER_ATTEMPTS;
        const next = stateFor(report, budget - attempt - 1);
        setState(next);
        if (next.kind !== 'loading') return;
        await sleep(RETRY_MS);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [params]);

  const onReveal = (index: number) => {
    if (tabId !== null) void reveal(tabId, index);
  };

  return (
    <div class="popup">
      <header class="top">
        <LensMark />
        <h1>{S.appName}</h1>
      </header>
      <main>
        {state.kind === 'loading' ? <Loading /> : null}
        {state.kind === 'cannot-run' ? <CannotRun /> : null}
        {state.kind === 'no-claims' ? <NoClaims /> : null}
        {state.kind === 'report' && state.report.result ? (
          <Report
            result={state.report.result}
            refs={state.report.claims}
            focus={params.focus}
            onReveal={onReveal}
          />
        ) : null}
      </main>
      <footer class="advice">{S.notMedicalAdvice}</footer>
    </div>
  );
}

function Report(props: {
  result: NonNullable<PageReport['result']>;
  refs: ClaimRef[];
  focus: number | null;
  onReveal: (index: number) => void;
}) {
  const { result } = props;
  const groups = useMemo(() => groupByVerdict(result.claims, props.refs), [result, props.refs]);
  const sourceIds = useMemo(() => citedSourceIds(result.claims), [result]);
  return (
    <>
      <ProductCard
        product={result.product}
        dose={result.dose}
        disclaimer={result.disclaimer}
        diseaseClaims={result.disease_claims}
      />
      <ClaimList groups={groups} focus={props.focus} onReveal={props.onReveal} />
      <Citations ids={sourceIds} />
    </>
  );
}
