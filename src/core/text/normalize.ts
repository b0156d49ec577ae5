// Normalizes page text for matching without losing positions: every character of
// the normalized string remembers the index of the raw character it came from.
// Case is kept (Intl.Segmenter needs it to find sentence starts); patterns match
// case-insensitively instead.

export interface NormalizedText {
  raw: string;
  text: string;
  /** map[i] = index in the raw string of normalized char i; map[text.length] = raw length. */
  map: Int32Array;
}

// Characters that are dropped: soft hyphen, zero-width space/joiners, word joiner, BOM,
// bidi marks and combining grapheme joiner. They hide words from naive matching.
const DROP = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
/** The same characters, all of them: for cleaning a quote a reader may copy and search for. */
export const INVISIBLE = new RegExp(DROP.source, 'g');

// Punctuation folded to ASCII so patterns can stay ASCII.
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-', '\uFE58': '-', '\uFE63': '-', '\uFF0D': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u3000': ' ', '\t': ' ', '\n': ' ', '\r': ' ', '\f': ' ', '\v': ' ',
  '\u2028': ' ', '\u2029': ' ', '\u00AE': '\u00AE', '\u2122': '\u2122',
};

// Fast path: pure printable ASCII with single spaces needs no work.
const NEEDS_WORK = /[^\x20-\x7E]|  /;

export function normalize(raw: string): NormalizedText {
  if (!NEEDS_WORK.test(raw)) {
    const map = new Int32Array(raw.length + 1);
    for (let i = 0; i <= raw.length; i++) map[i] = i;
    return { raw, text: raw, map };
  }
  const out: string[] = [];
  const idx: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    let ch = raw[i] as string;
    let width = 1;
    // Keep surrogate pairs together.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < raw.length) {
      ch = raw.slice(i, i + 2);
      width = 2;
    }
    let norm: string;
    if (code < 0x80) {
      norm = code === 9 || code === 10 || code === 13 || code === 12 || code === 11 ? ' ' : ch;
    } else if (DROP.test(ch)) {
      norm = '';
    } else {
      norm = FOLD[ch] ?? ch.normalize('NFKC');
      // Combining marks left after NFKC (e.g. stacked diacritics) carry no letters to match.
      norm = norm.replace(/[\u0300-\u036F\u1AB0-\u1AFF\u20D0-\u20FF]/g, '');
      norm = FOLD[norm] ?? norm;
    }
    for (const c of norm) {
      if (c === ' ') {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      out.push(c);
      idx.push(i);
    }
    if (width === 2) i++;
  }
  const text = out.join('');
  const map = new Int32Array(text.length + 1);
  // `out` holds code points; rebuild per UTF-16 unit so map aligns with `text`.
  let u = 0;
  for (let k = 0; k < out.length; k++) {
    const c = out[k] as string;
    for (let j = 0; j < c.length; j++) map[u++] = idx[k] as number;
  }
  map[text.length] = raw.length;
  return { raw, text, map };
}

/** Raw index just past the raw character that produced normalized char `end - 1`. */
export function rawEnd(n: NormalizedText, end: number): number {
  if (end <= 0) return n.map[0] ?? 0;
  const r = n.map[end - 1] as number;
  const code = n.raw.charCodeAt(r);
  return r + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
}
