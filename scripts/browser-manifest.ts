// One manifest.json, two browsers. The build (vite.config.ts) passes the source
// manifest through `browserManifest`:
// - Chrome: unchanged. (use_dynamic_url:true on the web-accessible chunks was
//   tried and breaks the content script in Chromium 156: the dynamic URL of the
//   entry chunk redirects to the static one, and its own imports are then
//   denied. See README, Security and privacy.)
// - Firefox (MV3 event page): background.scripts instead of service_worker,
//   browser_specific_settings.gecko, no Chrome-only keys (minimum_chrome_version;
//   message_serialization, as Firefox always structured-clones messages). Firefox
//   already gives each install a random moz-extension:// UUID.
export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'evidence-lens@example.org';
/** CSS Custom Highlight API (our highlights) ships in Firefox 140. */
export const GECKO_MIN_VERSION = '140.0';
/** Firefox for Android reads data_collection_permissions from 142 on. */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

type Json = Record<string, unknown>;

/** The source manifest adapted to one browser (a copy; the input is not changed). */
export function browserManifest<M extends object>(source: M, browser: TargetBrowser): M {
  const m = structuredClone(source) as Json;
  if (browser === 'chrome') return m as M;

  delete m.minimum_chrome_version;
  delete m.message_serialization;
  const background = (m.background ?? {}) as Json;
  const worker = background.service_worker;
  if (typeof worker === 'string') {
    // crxjs (browser: 'firefox') bundles background.scripts[0] as the event page.
    m.background = { scripts: [worker], type: 'module' };
  }
  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // Nothing is collected or transmitted (see README, Security and privacy).
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
  };
  return m as M;
}
