// The pasted-text page: the text is drawn in an annotated frame (frame.ts runs
// the content script's session on it: the same marks and cards as on a web
// page) and the report below is the popup's report for that text.
import type { ReportInput } from '../core/report/markdown';
import type { PageReport } from '../shared/messages';
import { t, uiLanguage } from '../shared/i18n';
import { copyText } from '../popup/clipboard';
import { openPrintable, reportText } from '../report/actions';
import { reportInput } from '../report/handoff';
import { renderReport } from '../report/render';
import { takeSelection } from './handoff';
import type { FrameMessage, ParentMessage } from './frame-messages';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const form = $<HTMLFormElement>('form');
const input = $<HTMLTextAreaElement>('input');
const frame = $<HTMLIFrameElement>('frame');
const result = $<HTMLElement>('result');
const reportRoot = $<HTMLElement>('report');
const status = $<HTMLElement>('status');
const copyStatus = $<HTMLElement>('copy-status');

let current: ReportInput | null = null;
let pending: string | null = null;

function label(): void {
  document.documentElement.lang = uiLanguage();
  document.title = t('pasteTitle');
  $('title').textContent = t('pasteTitle');
  $('intro').textContent = t('pasteIntro');
  $('input-label').textContent = t('pasteLabel');
  $('check').textContent = t('pasteCheck');
  $('clear').textContent = t('pasteClear');
  $('result-h').textContent = t('pasteResultHeading');
  $('copy-report').textContent = t('copyReport');
  $('printable').textContent = t('openPrintable');
  $('advice').textContent = t('notMedicalAdvice');
  frame.title = t('pasteFrameTitle');
}

function send(message: ParentMessage): void {
  frame.contentWindow?.postMessage(message, location.origin);
}

let frameId = '';
let frames = 0;

/** A fresh frame per text: a document is read once, as a page is. */
function check(text: string): void {
  if (text.trim() === '') {
    status.textContent = t('pasteEmpty');
    return;
  }
  status.textContent = '';
  current = null;
  reportRoot.replaceChildren();
  result.hidden = false;
  pending = text;
  frameId = `${Date.now()}-${++frames}`;
  frame.src = `./frame.html?n=${frameId}`;
}

function showReport(report: PageReport): void {
  if (!report.result) return;
  current = reportInput(t('pastedTextTitle'), null, report.result);
  reportRoot.replaceChildren(renderReport(document, current));
  reportRoot.dataset.ready = 'true';
}

window.addEventListener('message', (e: MessageEvent<FrameMessage>) => {
  if (e.origin !== location.origin || e.source !== frame.contentWindow) return;
  const m = e.data;
  if (m?.type === 'evidence-lens:paste-ready') {
    // The first, empty frame (or one replaced since) may report late: only the newest counts.
    if (pending !== null && m.n === frameId) {
      send({ type: 'evidence-lens:paste-show', text: pending });
      pending = null;
    }
  } else if (m?.type === 'evidence-lens:paste-height') {
    frame.style.height = `${Math.max(240, Math.ceil(m.height) + 4)}px`;
  } else if (m?.type === 'evidence-lens:paste-report') {
    showReport(m.report);
  }
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  check(input.value);
});
$('clear').addEventListener('click', () => {
  input.value = '';
  result.hidden = true;
  current = null;
  input.focus();
});
$('copy-report').addEventListener('click', async () => {
  if (!current) return;
  const ok = await copyText(reportText(current));
  copyStatus.textContent = ok ? t('copied') : t('copyFailed');
});
$('printable').addEventListener('click', () => {
  if (current) void openPrintable(current);
});

label();
// Opened from the context menu: the selection waits in storage.session under ?k=.
const key = new URLSearchParams(location.search).get('k');
if (key) {
  void takeSelection(key).then((text) => {
    if (text === null) return;
    input.value = text;
    check(text);
  });
}
