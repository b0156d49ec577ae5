// The characters normalization drops, in a module of their own: the content
// script's gate needs them on every page, the rest of normalize.ts only the
// scanner chunk (a module the gate imports is compiled into the script every
// page loads).

/**
 * Characters that are dropped: soft hyphen, zero-width space/joiners, word joiner, BOM,
 * bidi marks and combining grapheme joiner. They hide words from naive matching.
 */
export const DROP = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
/** The same characters, all of them: for cleaning a quote a reader may copy and search for. */
export const INVISIBLE = new RegExp(DROP.source, 'g');
