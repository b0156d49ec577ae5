// Where a huge block of text is cut so that detection can take it a piece at a
// time. One text node can hold a whole page (a plain-text file, a transcript in a
// <pre>): detected as one block, its first step normalized, tested and split into
// sentences all of it at once (~150 ms for 4.75 MB in Chromium). Cuts fall only
// where every sentence rule here breaks anyway, so a window's sentences are the
// whole text's sentences (test/unit/windows.test.ts).
import { normalize } from './normalize';
import { ABBREVIATION, SAFE_BREAK, sentenceSpans } from './sentences';

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

/**
 * Safe sentence breaks whose terminator starts in [lo, hi): each where the next
 * sentence's first letter is, in order. Searched in a slice, so a text with no
 * break is not searched to its end.
 */
function* safeBreaks(text: string, lo: number, hi: number): Generator<number, void, void> {
  const part = text.slice(lo, hi + MARGIN);
  // (Its own expression: the shared one's lastIndex would move between two yields.)
  const re = new RegExp(SAFE_BREAK.source, 'g');
  for (let m = re.exec(part); m !== null && m.index < hi - lo; m = re.exec(part)) {
    const end = lo + m.index + m[0].replace(/\s+$/, '').length;
    if (!mayRejoin(text, end)) yield lo + m.index + m[0].length;
  }
}

/** Where a window starting at `from` ends: the first safe sentence break in [from + WINDOW, from + 2 × WINDOW). */
function cutAfter(text: string, from: number): number {
  const hi = from + 2 * WINDOW;
  for (const cut of safeBreaks(text, from + WINDOW, hi)) return cut;
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

/** Each huge block's windows, made once: detection, "about MgT" and a rescan all take them. */
const made = new WeakMap<{ readonly text: string }, Array<[number, number]>>();

/** `textWindows` of a block's text (whose text never changes), cut once per block. */
export function windowsOf(block: { readonly text: string }): Array<[number, number]> {
  if (block.text.length <= HUGE_TEXT) return [[0, block.text.length]];
  let windows = made.get(block);
  if (windows === undefined) made.set(block, (windows = textWindows(block.text)));
  return windows;
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
 * How many first characters `a` and `b` share: compared natively in chunks, then
 * halved down to the first difference (~3–5 ms for 5 MB that all match, in Node).
 */
export function sharedPrefixLength(a: string, b: string): number {
  return sharedLength(a, b, false);
}

/** How many last characters `a` and `b` share (as sharedPrefixLength, from their ends). */
export function sharedSuffixLength(a: string, b: string): number {
  return sharedLength(a, b, true);
}

function sharedLength(a: string, b: string, fromEnd: boolean): number {
  const n = Math.min(a.length, b.length);
  /** `size` characters of `s`, `at` characters in from its start (or its end). */
  const part = (s: string, at: number, size: number): string => (fromEnd ? s.slice(s.length - at - size, s.length - at) : s.slice(at, at + size));
  const code = (s: string, at: number): number => s.charCodeAt(fromEnd ? s.length - at - 1 : at);
  let at = 0;
  while (at + CHUNK <= n && part(a, at, CHUNK) === part(b, at, CHUNK)) at += CHUNK;
  // The first difference, if any, lies in [at, at + size).
  let size = Math.min(CHUNK, n - at);
  while (size > 16) {
    const half = size >> 1;
    if (part(a, at, half) === part(b, at, half)) {
      at += half;
      size -= half;
    } else size = half;
  }
  while (at < n && code(a, at) === code(b, at)) at++;
  return at;
}

/** How far from an offset `sentenceSpansNear` first looks for a safe break; four times as far each time after. */
const REACH = 512;

/** The last safe break at or before `at` (not before `lo`), else `lo`. */
function breakAtOrBefore(text: string, at: number, lo: number): number {
  for (let reach = REACH; ; reach *= 4) {
    const from = Math.max(lo, at - reach);
    let last = -1;
    for (const cut of safeBreaks(text, from, at + 1)) if (cut <= at) last = cut;
    if (last >= 0) return last;
    if (from === lo) return lo;
  }
}

/** The first safe break after `at` (not after `hi`), else `hi`. */
function breakAfter(text: string, at: number, hi: number): number {
  for (let reach = REACH; ; reach *= 4) {
    const to = Math.min(hi, at + reach);
    for (const cut of safeBreaks(text, at, to)) if (cut > at) return Math.min(cut, hi);
    if (to === hi) return hi;
  }
}

/**
 * The sentences of `text` (as `sentenceSpans` gives them) around `offsets`
 * (sorted): every sentence holding one, and maybe some next to it; never a
 * sentence the whole text does not have. Only stretches between safe breaks
 * around the offsets are split, so a long text with a few offsets in it is not
 * split whole: cut at safe breaks, a stretch has the whole text's sentences
 * (the same rule as windows').
 */
export function sentenceSpansNear(text: string, offsets: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let end = 0;
  for (const at of offsets) {
    if (at < end || at >= text.length) continue;
    const a = breakAtOrBefore(text, at, end);
    end = breakAfter(text, at, text.length);
    for (const [s0, s1] of sentenceSpans(text.slice(a, end))) out.push([a + s0, a + s1]);
  }
  return out;
}
