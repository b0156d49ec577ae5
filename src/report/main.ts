// The printable report page: reads the report the popup (or the pasted-text
// page) stored under ?id=, and lays it out for print / Save as PDF.
import { t, uiLanguage } from '../shared/i18n';
import { loadReport } from './handoff';
import { renderReport } from './render';

async function main(): Promise<void> {
  const root = document.getElementById('report');
  const print = document.getElementById('print') as HTMLButtonElement | null;
  if (!root) return;
  document.documentElement.lang = uiLanguage();
  const id = new URLSearchParams(location.search).get('id');
  const input = id ? await loadReport(id).catch(() => null) : null;
  if (!input) {
    const p = document.createElement('p');
    p.textContent = t('reportMissing');
    root.replaceChildren(p);
    return;
  }
  document.title = t('reportTitle', input.title || t('untitledPage'));
  root.replaceChildren(renderReport(document, input));
  root.dataset.ready = 'true';
  if (print) {
    print.textContent = t('reportPrint');
    print.hidden = false;
    print.addEventListener('click', () => window.print());
  }
}

void main();
