// Content script entry: runs in every frame at document_idle. This file stays
// tiny: pages that never name MgT pay for one regex test and a watcher of added
// text. Pages that do load the scanner (session.ts) as a separate chunk, after
// the page's own work has had the main thread. Every entry point catches its
// errors: nothing we do may surface as an error on the page.
import { onContentRequest } from '../shared/content-messaging';
import type { PageReport } from '../shared/messages';
import { readGate, watchGate } from './gate';
import type { PageText } from './page-text';
import { setCount } from './count';
import { pageSettled } from './timing';
import type { Session } from './session';
import { onSettingsRequest } from '../shared/settings-messages';
import { applyLook, loadSettings, onSettingsChanged, restyle, setMarksHidden, siteBlocked } from './page-settings';

const LOADED = Symbol.for('evidence-lens.loaded');

async function main(): Promise<void> {
  const g = globalThis as { [LOADED]?: boolean };
  if (g[LOADED]) return; // injected twice (extension reload): one run per document
  g[LOADED] = true;

  const doc = document;
  let session: Session | null = null;
  let loading: Promise<void> | null = null;
  let gateChecked = false;
  /** Starts the scan; `hosts`: elements the gate found given a shadow root after load, whose trees the first pass may not read. */
  const start = (text: PageText | null, hosts: readonly Element[] = []): Promise<void> =>
    (loading ??= import('./session').then(async ({ Session }) => {
      const s = new Session(doc, text);
      session = s;
      await s.request(null);
      if (hosts.length > 0) await s.readTreesOf(hosts);
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

  // Settings (storage.sync): the never-run site list, on-click mode, the look of marks.
  let blocked = false;
  let begun = false;
  const settingsReady = loadSettings().then((s) => {
    blocked = siteBlocked(s);
    applyLook(s, blocked);
    return s;
  });
  const begin = (): Promise<void> => {
    if (begun || blocked) return Promise.resolve();
    begun = true;
    // Watch added text from now on: the gate reads in slices, and the page may change meanwhile.
    const watch = watchGate(doc, (hosts) => {
      start(null, hosts).catch(() => {
        // never leak to the page
      });
    });
    return readGate(doc).then(({ named, text, shadows, components, waiting }) => {
      gateChecked = true;
      if (named) {
        const fresh = !watch.changed();
        watch.stop();
        return start(fresh ? text : null);
      }
      if (shadows) watch.watchShell(shadows);
      if (components) watch.watchRoots(components);
      if (waiting) watch.watchWaiting(waiting);
      if (loading === null) setCount(doc, 0); // (added text may have started a scan meanwhile)
      return undefined;
    });
  };
  onSettingsRequest({
    // The popup or the shortcut asks this page to run (on-click mode; a no-op once running).
    run: async () => {
      await settingsReady;
      void begin().catch(() => undefined);
      return { ok: !blocked };
    },
    toggle: async () => {
      await settingsReady;
      if (blocked) return { hidden: true };
      if (!begun) {
        void begin().catch(() => undefined); // on-click mode: the shortcut starts it, marks shown
        return { hidden: setMarksHidden(false) };
      }
      const hidden = setMarksHidden();
      if (loading !== null) await restyle(doc);
      return { hidden };
    },
  });
  onSettingsChanged((s) => {
    blocked = siteBlocked(s);
    const change = applyLook(s, blocked);
    if (change.look && loading !== null) void restyle(doc).catch(() => undefined);
    if (change.marks && session !== null) void (session as Session).request(null); // re-render with the new filter
    if (!blocked && !begun && s.runMode === 'auto') void begin().catch(() => undefined);
  });

  // (No yield first: the settings' answer comes in a task of its own, and the first
  // touch of `scheduler` in this world cost ~0.3 ms of loading on every page.)
  const settings = await settingsReady;
  if (blocked) {
    gateChecked = true; // answered: nothing to report on this site
    return;
  }
  if (settings.runMode === 'on-click') return; // waits for `run` from the popup or the shortcut
  await pageSettled(doc);
  await begin();
}

main().catch(() => {
  // never leak to the page
});
