// The popup: find the tab, ask its content script for the report (retrying while the
// page is still being read), then show one of the states. Settings load beside the
// first paint, never before it, and so does the report's view (below).
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CitationFormat } from '../core/cite';
import { isSiteBlocked, siteOf, withSiteAllowed, withSiteBlocked, type Settings } from '../shared/settings';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store';
import { PopupLinks, SiteToggle } from './Actions';
import { isRestrictedUrl, parsePopupParams, stateFor, type PopupState } from './model';
import { CannotRun, Loading, NoClaims, SiteOff } from './states';
import { S } from './strings';
import { clearFocusPopup, findTargetTab, getReport, injectContentScript, reveal, runOnPage } from './tab';

const RETRY_MS = 250;
/** No script answered: give a tab that is still loading ~3 s before saying "can't run". */
const NO_ANSWER_ATTEMPTS = 12;
/** The script answered but is still scanning: wait up to ~10 s. */
const NOT_READY_ATTEMPTS = 40;
/** No answer after this many tries: the tab may predate the install; inject the script. */
const INJECT_AFTER = 2;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The report's view and the evidence it shows (notes, sources, citation styles) are
 * more than half of the popup's code, and none of it is needed to draw the popup
 * and its "reading the page" state. Loaded from the start, beside the first render
 * and the question to the page, so it is there before the answer (issue 4: parsing
 * it first cost the first render ~12 ms, side by side).
 */
const reportView = import('./ReportView');
type ReportViewComponent = (typeof import('./ReportView'))['ReportView'];

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
  const [site, setSite] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  /** Bumped to read the page again (after turning the site back on). */
  const [generation, setGeneration] = useState(0);
  const [ReportView, setReportView] = useState<ReportViewComponent | null>(null);

  useEffect(() => {
    // A function in state must be wrapped, or Preact would call it as an updater.
    // (A chunk of the extension's own files does not fail to load; if it did, the popup stays on "Reading".)
    reportView.then((m) => setReportView(() => m.ReportView)).catch(() => undefined);
  }, []);

  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);

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
      if (tab.url) setSite(siteOf(tab.url));
      if (params.focus !== null && params.tab === null && generation === 0) void clearFocusPopup(tab.id);
      let injected = false;
      for (let attempt = 0; !cancelled; attempt++) {
        // On-click mode: opening the popup is the click. Repeated while the page is not
        // ready, in case its script was not listening yet; a no-op once it runs.
        void runOnPage(tab.id);
        const report = await getReport(tab.id);
        if (cancelled) return;
        if (report?.url) setSite(siteOf(report.url));
        if (!report && !injected && attempt >= INJECT_AFTER) {
          injected = true;
          await injectContentScript(tab.id);
        }
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
  }, [params, generation]);

  const onReveal = (index: number) => {
    if (tabId !== null) void reveal(tabId, index);
  };

  const blocked = settings !== null && site !== null && isSiteBlocked(settings, site);
  const turnOff = () => {
    if (site !== null) void updateSettings((s) => withSiteBlocked(s, site)).then(setSettings);
  };
  const turnOn = () => {
    if (site === null) return;
    void updateSettings((s) => withSiteAllowed(s, site)).then((s) => {
      setSettings(s);
      setState({ kind: 'loading' });
      setGeneration((g) => g + 1);
    });
  };
  const setFormat = (format: CitationFormat) => {
    setSettings((s) => (s ? { ...s, citationFormat: format } : s));
    void updateSettings((s) => ({ ...s, citationFormat: format }));
  };

  return (
    <div class="popup">
      <header class="top">
        <LensMark />
        <h1>{S.appName}</h1>
      </header>
      <main>
        {blocked && state.kind !== 'cannot-run' ? (
          <SiteOff site={site} onTurnOn={turnOn} />
        ) : (
          <>
            {state.kind === 'loading' || (state.kind === 'report' && !ReportView) ? <Loading /> : null}
            {state.kind === 'cannot-run' ? <CannotRun /> : null}
            {state.kind === 'no-claims' ? <NoClaims /> : null}
            {state.kind === 'report' && state.report.result && ReportView ? (
              <ReportView
                report={state.report}
                result={state.report.result}
                refs={state.report.claims}
                focus={params.focus}
                onReveal={onReveal}
                settings={settings}
                onFormat={setFormat}
              />
            ) : null}
          </>
        )}
      </main>
      <nav class="popup-nav">
        {site !== null && !blocked && state.kind !== 'cannot-run' ? <SiteToggle site={site} onTurnOff={turnOff} /> : null}
        <PopupLinks />
      </nav>
      <footer class="advice">{S.notMedicalAdvice}</footer>
    </div>
  );
}
