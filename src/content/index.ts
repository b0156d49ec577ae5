// Content script entry: runs in every frame at document_idle. This file stays
// tiny: pages that never name MgT pay for one regex test and a watcher of added
// text. Pages that do load the scanner (session.ts) as a separate chunk, after
// the page's own work has had the main thread. Every entry point catches its
// errors: nothing we do may surface as an error on the page.
import { onContentRequest } from '../shared/content-messaging';
import type { PageReport } from '../shared/messages';
import { mentionsMgT, watchGate } from './gate';
import { setCount } from './count';
import { yieldToMain } from './timing';
import type { Session } from './session';

const LOADED = Symbol.for('evidence-lens.loaded');

async function main(): Promise<void> {
  const g = globalThis as { [LOADED]?: boolean };
  if (g[LOADED]) return; // injected twice (extension reload): one run per document
  g[LOADED] = true;

  const doc = document;
  let session: Session | null = null;
  let loading: Promise<void> | null = null;
  let gateChecked = false;
  const start = (): Promise<void> =>
    (loading ??= import('./session').then(({ Session }) => {
      session = new Session(doc);
      return session.request(null);
    }));

  const emptyReport = (ready: boolean): PageReport => ({
    title: doc.title,
    url: doc.location?.href ?? '',
    result: null,
    ready,
    claims: [],
  });
  onContentRequest({
    reveal: (request) => (session as Session | null)?.reveal(request.index) ?? { ok: false },
    'get-report': () => (session as Session | null)?.report() ?? emptyReport(gateChecked && loading === null),
  });

  await yieldToMain();
  gateChecked = true;
  if (mentionsMgT(doc.body?.textContent ?? doc.documentElement?.textContent)) {
    await start();
    return;
  }
  setCount(doc, 0);
  watchGate(doc, () => {
    start().catch(() => {
      // never leak to the page
    });
  });
}

main().catch(() => {
  // never leak to the page
});
