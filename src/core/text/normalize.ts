// Normalizes page text for matching without losing positions: every character of
// the normalized string remembers the index of the raw character it came from.
// Case is kept (Intl.Segmenter needs it to find sentence starts); patterns match
// case-insensitively instead. Whitespace is not collapsed (patterns use \s+), only
// made plain, so ASCII text keeps its length and needs no position map at all.

export interface NormalizedText {
  raw: string;
  text: string;
  /** map[i] = index in the raw string of normalized char i; null when the two are the same. */
  readonly map: Int32Array | null;
}

import { DROP, INVISIBLE } from './invisible';
import { oneByte } from './one-byte';
import { STAND_IN } from './stand-in';
import { OPAQUE_SYMBOL_RANGES } from './symbols.generated';

export { INVISIBLE };

// Punctuation folded to ASCII so patterns can stay ASCII (® and ™ are kept as they are).
export const PUNCTUATION_FOLDS: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-', '\uFE58': '-', '\uFE63': '-', '\uFF0D': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u3000': ' ', '\u2028': ' ', '\u2029': ' ',
  '\u00AE': '\u00AE', '\u2122': '\u2122',
};

/** Combining marks: NFKC leaves them, and they carry no letters to match. */
export const COMBINING = /[\u0300-\u036F\u1AB0-\u1AFF\u20D0-\u20FF]/g;
/** Anything outside printable ASCII and ordinary whitespace needs per-character work. */
const SPECIAL = /[^\x20-\x7E\t\n\r\f\v]/g;
const CONTROL_SPACE = /[\t\n\r\f\v]/g;

const plain = (s: string) => (s.search(CONTROL_SPACE) >= 0 ? s.replace(CONTROL_SPACE, ' ') : s);

function normalizeChar(ch: string): string {
  if (DROP.test(ch)) return '';
  let norm = PUNCTUATION_FOLDS[ch] ?? ch.normalize('NFKC');
  // Combining marks left after NFKC (e.g. stacked diacritics) carry no letters to match.
  if (norm.length) norm = norm.replace(COMBINING, '');
  return PUNCTUATION_FOLDS[norm] ?? norm;
}

/**
 * Whether `code` (past Latin-1) is a symbol nothing detection matches can tell from
 * STAND_IN (™ ★ ✓ → • €, emoji; symbols.generated.ts). Binary search over the
 * runs' ends: no regular expression to compile in a page's first change.
 */
export function isOpaqueSymbol(code: number): boolean {
  const r = OPAQUE_SYMBOL_RANGES;
  let lo = 0;
  let hi = r.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((r[2 * mid + 1] as number) < code) lo = mid + 1;
    else hi = mid;
  }
  return lo < r.length / 2 && (r[2 * lo] as number) <= code;
}

/**
 * A special character's fold, with a symbol past Latin-1 that nothing matched can
 * tell apart made STAND_IN: text holding ™ or ★ is then stored one byte a character
 * (each regular expression is compiled apart for text of two bytes, which a page's
 * first change paid: a paragraph added under a heading with ™ cost 2.3 ms more than
 * under one with ®), and is split into sentences by our own rules, not ICU's.
 */
function foldOf(ch: string): string {
  const fold = normalizeChar(ch);
  const code = fold.codePointAt(0) ?? 0;
  return code > 0xff && fold.length === (code > 0xffff ? 2 : 1) && isOpaqueSymbol(code) ? STAND_IN : fold;
}

export function normalize(raw: string): NormalizedText {
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(raw)) return { raw, text: plain(raw), map: null };

  const parts: string[] = [];
  /** Where each part starts in the raw text; negative (-1 - start) for a special character's fold, all of whose characters map to it. */
  const starts: number[] = [];
  /** Whether a folded character is past Latin-1 (the text cannot be one byte a character). */
  let wide = false;
  let runStart = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(raw); m; m = SPECIAL.exec(raw)) {
    const i = m.index;
    // A plain run before the special character keeps its length.
    if (i > runStart) {
      parts.push(plain(raw.slice(runStart, i)));
      starts.push(runStart);
    }
    let ch = m[0];
    const code = ch.charCodeAt(0);
    // Keep surrogate pairs together.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < raw.length) {
      ch = raw.slice(i, i + 2);
      SPECIAL.lastIndex = i + 2;
    }
    const fold = foldOf(ch);
    if (!wide) for (let j = 0; j < fold.length; j++) if (fold.charCodeAt(j) > 0xff) wide = true;
    parts.push(fold);
    starts.push(-1 - i);
    runStart = i + ch.length;
  }
  if (runStart < raw.length) {
    parts.push(plain(raw.slice(runStart)));
    starts.push(runStart);
  }
  const text = parts.join('');
  return new FoldedText(raw, wide ? text : oneByte(text), parts, starts);
}

/**
 * Normalized text that differs from its raw text, with the position map made on
 * first use: detection often only tests a block's text (does it name a form, hold
 * a cue?) and never asks where a character came from.
 */
class FoldedText implements NormalizedText {
  private made: Int32Array | null = null;
  constructor(
    readonly raw: string,
    readonly text: string,
    private readonly parts: readonly string[],
    private readonly starts: readonly number[],
  ) {}

  get map(): Int32Array {
    if (this.made !== null) return this.made;
    const map = new Int32Array(this.text.length + 1);
    let k = 0;
    this.parts.forEach((part, p) => {
      const from = this.starts[p] as number;
      if (from >= 0) for (let j = 0; j < part.length; j++) map[k++] = from + j;
      else for (let j = 0; j < part.length; j++) map[k++] = -1 - from;
    });
    map[k] = this.raw.length;
    return (this.made = map);
  }
}

/** Raw index of normalized char `i`. */
export function rawIndex(n: NormalizedText, i: number): number {
  return n.map ? (n.map[i] as number) : i;
}

/** The first normalized char that comes from raw index `raw` or after it (the inverse of rawIndex). */
export function normalizedIndex(n: NormalizedText, raw: number): number {
  const map = n.map;
  if (map === null) return raw;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map[mid] as number) < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Raw index just past the raw character that produced normalized char `end - 1`. */
export function rawEnd(n: NormalizedText, end: number): number {
  if (end <= 0) return rawIndex(n, 0);
  const r = rawIndex(n, end - 1);
  const code = n.raw.charCodeAt(r);
  return r + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
}
