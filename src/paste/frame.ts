// The annotated frame of the pasted-text page: an extension page of its own,
// so the text is a whole document and the content script's session (the same
// code that runs on web pages: marks, markers, cards) reads it as a page.
// Talks to its parent page (same extension origin) with postMessage.
import { Session } from '../content/session';
import { t, uiLanguage } from '../shared/i18n';
import { pasteBlocks } from './blocks';
import type { FrameMessage, ParentMessage } from './frame-messages';

let session: Session | null = null;

function post(message: FrameMessage): void {
  parent.postMessage(message, location.origin);
}

function postHeight(): void {
  post({ type: 'evidence-lens:paste-height', height: document.documentElement.scrollHeight });
}

async function show(text: string): Promise<void> {
  const root = document.getElementById('text');
  if (!root || session !== null) return; // one text per frame: the parent reloads the frame for the next
  for (const block of pasteBlocks(text)) {
    const p = document.createElement('p');
    if (block.paragraphStart) p.className = 'para';
    p.textContent = block.text; // text only, never HTML
    root.append(p);
  }
  session = new Session(document);
  await session.request(null);
  postHeight();
  post({ type: 'evidence-lens:paste-report', report: session.report() });
}

document.documentElement.lang = uiLanguage();
document.title = t('pastedTextTitle');
window.addEventListener('message', (e: MessageEvent<ParentMessage>) => {
  if (e.origin !== location.origin || e.source !== parent) return;
  if (e.data?.type === 'evidence-lens:paste-show' && typeof e.data.text === 'string') void show(e.data.text);
});
new ResizeObserver(postHeight).observe(document.documentElement);
post({ type: 'evidence-lens:paste-ready', n: new URLSearchParams(location.search).get('n') ?? '' });
