// Where a huge block of text is cut so that detection can take it a piece at a
// time. One text node can hold a whole page (a plain-text file, a transcript in a
// <pre>): detected as one block, its first step normalized, tested and split into
// sentences all of it at once (~150 ms for 4.75 MB in Chromium). Cuts fall only
// where every sentence rule here breaks anyway, so a window's sentences are the
// whole text's sentences (test/unit/windows.test.ts).
import { normalize } from './normalize';
import { ABBREVIATION, SAFE_BREAK } from './sentences';

/** A block longer than this is detected window by window. */
export const HUGE_TEXT = 32_768;
/** Characters a window aims at before it looks for a place to end. */
const WINDOW = 16_384;

/** Room past a search's end for the white space and opening mark a break may hold. */
const MARGIN = 64;

/** Whether the sentence ending at `end` (after its closing marks) may be joined to the next one, as after "Dr." (sentences.ts). */
function mayRejoin(text: string, end: number): boolean {
  return ABBREVIATION.test(normalize(text.slice(Math.max(0, end - 12), end)).text);
}

/** Where a window starting at `from` ends: the first safe sentence break in [from + WINDOW, from + 2 × WINDOW). */
function cutAfter(text: string, from: number): number {
  const lo = from + WINDOW;
  const hi = from + 2 * WINDOW;
  // Searched in a slice, so a text with no break is not searched to its end once per window.
  const part = text.slice(lo, hi + MARGIN);
  SAFE_BREAK.lastIndex = 0;
  for (let m = SAFE_BREAK.exec(part); m !== null && m.index < hi - lo; m = SAFE_BREAK.exec(part)) {
    const end = lo + m.index + m[0].replace(/\s+$/, '').length;
    if (!mayRejoin(text, end)) return lo + m.index + m[0].length;
  }
  const space = text.slice(hi, hi + WINDOW).search(/\s/);
  if (space >= 0) return hi + space + 1;
  // (Not between the two halves of a surrogate pair.)
  const code = text.charCodeAt(hi - 1);
  return code >= 0xd800 && code <= 0xdbff ? hi + 1 : hi;
}

/**
 * [start, end) windows covering `text`: one when it is not huge; else pieces of
 * about WINDOW characters, each ending right before a sentence's first letter.
 * A text with no such place for 2 × WINDOW characters (not prose: a list, code)
 * is cut at the next white space, or where that is not found soon, anywhere.
 */
export function textWindows(text: string): Array<[number, number]> {
  if (text.length <= HUGE_TEXT) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > HUGE_TEXT) {
    const cut = cutAfter(text, start);
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, text.length]);
  return out;
}

/**
 * Of `windows` (in order), those holding one of `offsets` (sorted), or all of them
 * when `offsets` is undefined.
 */
export function windowsHolding(windows: Array<[number, number]>, offsets: readonly number[] | undefined): Array<[number, number]> {
  if (offsets === undefined) return windows;
  const out: Array<[number, number]> = [];
  let j = 0;
  for (const w of windows) {
    while (j < offsets.length && (offsets[j] as number) < w[0]) j++;
    if (j < offsets.length && (offsets[j] as number) < w[1]) out.push(w);
  }
  return out;
}

/** Characters compared per native comparison in `sharedPrefixLength`. */
const CHUNK = 1 << 16;

/**
 * How many first characters `a` and `b` share. In chunks compared natively (a
 * character loop over 5 MB in JavaScript takes several times longer), then
 * halved down to the first difference.
 */
export function sharedPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let at = 0;
  while (at + CHUNK <= n && a.slice(at, at + CHUNK) === b.slice(at, at + CHUNK)) at += CHUNK;
  // The first difference, if any, lies in [at, at + size).
  let size = Math.min(CHUNK, n - at);
  while (size > 16) {
    const half = size >> 1;
    if (a.slice(at, at + half) === b.slice(at, at + half)) {
      at += half;
      size -= half;
    } else size = half;
  }
  while (at < n && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}
