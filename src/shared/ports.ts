// Names of the ports between the content script and the background. Apart from
// messages.ts, which loads webextension-polyfill: the content script imports this.

/** The port a content script opens to have the prefilter run in the background (messages.ts, PrefilterPortMessage). */
export const PREFILTER_PORT = 'evidence-lens:prefilter';
