// The browser this build of the content script is for. The build replaces the
// global below with 'chrome' or 'firefox' (scripts/content-script-bundle.ts);
// anywhere else (unit tests in Node) it is undeclared, and Chromium's values apply.
// Only for costs that differ between the browsers, measured: never for behaviour.

/** The name the build defines. */
export const TARGET_BROWSER_GLOBAL = '__EVIDENCE_LENS_BROWSER__';

declare const __EVIDENCE_LENS_BROWSER__: string | undefined;

export const TARGET_BROWSER: 'chrome' | 'firefox' =
  typeof __EVIDENCE_LENS_BROWSER__ === 'string' && __EVIDENCE_LENS_BROWSER__ === 'firefox' ? 'firefox' : 'chrome';
