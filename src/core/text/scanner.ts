// One pass over a long text that finds every occurrence of many short literal
// strings at once (an Aho–Corasick automaton over a small alphabet). On 1 MB it
// costs a few milliseconds, where a regex alternation of the same literals costs
// tens: V8's regex engine tries every alternative at every position.
//
// Matching is case-insensitive for ASCII, every run of whitespace is one space,
// and the punctuation normalize.ts folds (curly quotes, dashes, odd spaces) is
// folded here too. Text holding characters whose normalization could create or
// hide letters (soft hyphens, zero-width characters, fullwidth or ligature
// letters, combining marks) is refused: the caller must normalize it first.
import { COMBINING, INVISIBLE, PUNCTUATION_FOLDS } from './normalize';

const LETTERS = 26;
const DIGITS = 10;
const SPACE = LETTERS + DIGITS;
const DASH = SPACE + 1;
const DOT = SPACE + 2;
const QUOTE = SPACE + 3;
const OTHER = SPACE + 4;
const SYMBOLS = OTHER + 1;
/** Marks a character that needs normalization (see above). */
const RISKY = 254;
const UNKNOWN = 255;

const WHITESPACE = /\s/;
/** What normalize.ts drops: invisible characters and combining marks. */
const DROPPED = new RegExp(`${INVISIBLE.source}|${COMBINING.source}`);
const ASCII_ALNUM = /[A-Za-z0-9]/;

function asciiSymbol(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 48 && c <= 57) return LETTERS + c - 48;
  if (c === 45) return DASH;
  if (c === 46) return DOT;
  if (c === 39) return QUOTE;
  if (c === 32 || (c >= 9 && c <= 13)) return SPACE;
  return OTHER;
}

/** The symbol of a character of the Basic Multilingual Plane (or RISKY). */
function symbolOf(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 128) return asciiSymbol(c);
  if (DROPPED.test(ch)) return RISKY;
  // Folded one for one by normalize.ts (quotes, dashes, odd spaces), or kept as is (® ™).
  const folded = PUNCTUATION_FOLDS[ch];
  if (folded !== undefined) return folded.charCodeAt(0) < 128 ? asciiSymbol(folded.charCodeAt(0)) : OTHER;
  if (WHITESPACE.test(ch)) return SPACE;
  return ASCII_ALNUM.test(ch.normalize('NFKC')) ? RISKY : OTHER;
}

/** Symbols of all 65,536 UTF-16 code units, filled in as they are met. */
const table = new Uint8Array(65536).fill(UNKNOWN);
for (let c = 0; c < 128; c++) table[c] = asciiSymbol(c);
/** Astral characters (surrogate pairs) by code point. */
const astral = new Map<number, number>();

function symbolForAt(text: string, i: number, c: number): number {
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i) as number;
    let s = astral.get(cp);
    if (s === undefined) {
      s = ASCII_ALNUM.test(String.fromCodePoint(cp).normalize('NFKC')) ? RISKY : OTHER;
      astral.set(cp, s);
    }
    return s;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return OTHER; // the low half of a pair (its high half decided)
  const s = symbolOf(String.fromCharCode(c));
  table[c] = s;
  return s;
}

export interface LiteralScanner {
  /**
   * Calls `hit(end, mask)` for each position where literals end (`end` exclusive;
   * `mask` has bit k set when a literal of group k ends there). Returns false,
   * having stopped, when the text needs normalization first.
   */
  scan(text: string, hit: (end: number, mask: number) => void, from?: number, to?: number): boolean;
}

/** Is the code unit a regex word character (\w)? */
function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Does a word start at `start`? Also where a lowercase letter runs straight into
 * an uppercase one: in a page's whole text, blocks meet without a space
 * ("Add to cartAge-defying…"), and a new block usually starts with a capital.
 */
function wordStartsAt(text: string, start: number): boolean {
  if (start <= 0) return true;
  const before = text.charCodeAt(start - 1);
  if (!isWordUnit(before)) return true;
  const first = text.charCodeAt(start);
  return before >= 97 && before <= 122 && first >= 65 && first <= 90;
}

/**
 * A scanner for up to 31 groups of literals: lowercase, " " for any whitespace,
 * and a leading "^" for a literal that must start a word (no spaces then).
 */
export function literalScanner(groups: readonly (readonly string[])[]): LiteralScanner {
  if (groups.length > 31) throw new Error('at most 31 groups');
  const literals: Array<[number[], number, boolean]> = [];
  groups.forEach((group, k) => {
    for (const marked of group) {
      const wordStart = marked.startsWith('^');
      const literal = wordStart ? marked.slice(1) : marked;
      const symbols = [...literal].map((ch) => asciiSymbol(ch.charCodeAt(0)));
      if (symbols.includes(OTHER) || literal.length === 0 || (wordStart && literal.includes(' '))) {
        throw new Error(`unsupported literal "${marked}"`);
      }
      literals.push([symbols, 1 << k, wordStart]);
    }
  });
  const maxStates = 1 + literals.reduce((a, [s]) => a + s.length, 0);
  const delta = new Int32Array(maxStates * SYMBOLS).fill(-1);
  const out = new Int32Array(maxStates);
  /** Per state, the word-start literals ending there: [length, bit] (checked at the hit). */
  const starts: Array<Array<[number, number]> | undefined> = [];
  let states = 1;
  for (const [symbols, bit, wordStart] of literals) {
    let s = 0;
    for (const sym of symbols) {
      const at = s * SYMBOLS + sym;
      if ((delta[at] as number) < 0) delta[at] = states++;
      s = delta[at] as number;
    }
    if (wordStart) (starts[s] ??= []).push([symbols.length, bit]);
    else out[s] = (out[s] as number) | bit;
  }
  // Breadth-first: failure links folded into a full transition table (a DFA).
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let sym = 0; sym < SYMBOLS; sym++) {
    const t = delta[sym] as number;
    if (t < 0) delta[sym] = 0;
    else {
      fail[t] = 0;
      queue.push(t);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    out[s] = (out[s] as number) | (out[fail[s] as number] as number);
    const inherited = starts[fail[s] as number];
    if (inherited) starts[s] = [...(starts[s] ?? []), ...inherited];
    for (let sym = 0; sym < SYMBOLS; sym++) {
      const at = s * SYMBOLS + sym;
      const t = delta[at] as number;
      const viaFail = delta[(fail[s] as number) * SYMBOLS + sym] as number;
      if (t < 0) delta[at] = viaFail;
      else {
        fail[t] = viaFail;
        queue.push(t);
      }
    }
  }

  const hasStarts = new Uint8Array(states);
  for (let s = 0; s < states; s++) if (starts[s] !== undefined) hasStarts[s] = 1;

  return {
    scan(text, hit, from = 0, to = text.length) {
      let state = 0;
      let previous = OTHER;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        let sym = table[c] as number;
        if (sym === UNKNOWN) sym = symbolForAt(text, i, c); // (surrogates are never cached)
        if (sym === RISKY) return false;
        if (sym === SPACE && previous === SPACE) continue; // a whitespace run is one space
        previous = sym;
        state = delta[state * SYMBOLS + sym] as number;
        let mask = out[state] as number;
        if (hasStarts[state] === 1) {
          for (const [length, bit] of starts[state] as Array<[number, number]>) {
            if (wordStartsAt(text, i + 1 - length)) mask |= bit;
          }
        }
        if (mask !== 0) hit(i + 1, mask);
      }
      return true;
    },
  };
}
