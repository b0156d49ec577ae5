// Names of the ports between the content script and the background. Apart from
// messages.ts, which loads webextension-polyfill: the content script imports this.

/** The port a content script opens to have the prefilter run in the background (messages.ts, PrefilterPortMessage). */
export const PREFILTER_PORT = 'evidence-lens:prefilter';

/**
 * The most text the background takes on that port, in characters: past it, the
 * content script runs the prefilter itself without sending, and the background
 * closes a port that sends more. Chrome caps one message at 64 MiB; a page's text
 * past 32 million characters is far beyond any page the extension is meant for.
 */
export const PREFILTER_MAX_CHARS = 32_000_000;

/** The port a content script opens to have a first pass's detection run in the background (core/claims/detected-wire.ts). */
export const DETECT_PORT = 'evidence-lens:detect';

/**
 * The port a top frame keeps open while its page names MgT, to give the toolbar
 * badge its count (messages.ts, ClaimsMessage; content/badge-count.ts).
 */
export const COUNT_PORT = 'evidence-lens:count';
