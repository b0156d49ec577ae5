// One pass over a long text that finds every occurrence of many short literal
// strings at once (the prefilter's anchors and the names of forms).
//
// The pass is one native regular expression over each literal's "key", its
// longest run of letters, digits and dots: an alternation of plain words is the
// shape V8's regex engine searches fastest (~10 ms per MB of text, native, where a
// loop in JavaScript over every character costs several times that on a page's
// cold first pass). Where a key is found, its literals are checked in place with
// the folds spelled out (a class for dashes and for quotes, \s+ for a space);
// spelling them into the search itself made it 5–7× slower.
//
// Matching is case-insensitive for ASCII, every run of whitespace is one space,
// and the punctuation normalize.ts folds (curly quotes, dashes, odd spaces) is
// folded here too. Text holding characters whose normalization could create or
// hide letters (soft hyphens, zero-width characters, fullwidth or ligature
// letters, combining marks) is refused: the caller must normalize it first.
import { COMBINING, INVISIBLE, PUNCTUATION_FOLDS } from './normalize';
import { NFKC_ALNUM_BMP_CLASS, NFKC_ALNUM_CLASS } from './risky.generated';
import { foldedFrom, unicodeEscape } from './regex-source';
import { isWordUnit } from './word-units';

const FOLDED_FROM = foldedFrom(PUNCTUATION_FOLDS);
/** Every character normalize.ts folds to `to`, and `to` itself, as a regex class. */
function foldClass(to: string): string {
  return `[${unicodeEscape(to)}${FOLDED_FROM.get(to) ?? ''}]`;
}
const DASH = foldClass('-');
const QUOTE = foldClass("'");

/** What the scanner refuses: what normalize.ts drops, and what NFKC turns into ASCII letters or digits. */
const RISKY = new RegExp(`${INVISIBLE.source}|${COMBINING.source}|${NFKC_ALNUM_CLASS}`, 'u');
/**
 * RISKY in the Basic Multilingual Plane, without the "u" flag: half the time over a
 * page's text (the 5 MB bench page: 8 vs 15 ms). Only text with a surrogate (an
 * emoji, a mathematical letter) needs RISKY itself.
 */
const RISKY_BMP = new RegExp(`${INVISIBLE.source}|${COMBINING.source}|${NFKC_ALNUM_BMP_CLASS}`);
const SURROGATE = /[\uD800-\uDFFF]/;
/** Every character RISKY_BMP matches is one code unit from U+00AA up. */
const HIGH = /[\u00AA-\uFFFF]/g;
const RISKY_BMP_AT = new RegExp(RISKY_BMP.source, 'y');
const RISKY_BMP_FROM = new RegExp(RISKY_BMP.source, 'g');

/**
 * Whether the text holds a character the scanner must refuse.
 *
 * Why not `RISKY_BMP.test(text)` alone: a class of ~100 ranges tried at every
 * character costs ~4 ns each (the 5 MB bench page's text: 12 ms in Node), while
 * most page text is ASCII with a few "★" or "’". So the characters from U+00AA
 * up are found with a one-range class (~1 ns), and RISKY_BMP is tried only
 * there (3 ms). Text in another script is mostly such characters: past one in
 * 32, the class runs over the rest at once.
 */
export function needsNormalizing(text: string): boolean {
  let surrogate = false;
  HIGH.lastIndex = 0;
  for (let budget = 16 + (text.length >> 5); budget > 0; budget--) {
    if (!HIGH.test(text)) return surrogate && RISKY.test(text);
    const at = HIGH.lastIndex - 1;
    const c = text.charCodeAt(at);
    if (c >= 0xd800 && c <= 0xdfff) {
      surrogate = true;
      continue;
    }
    RISKY_BMP_AT.lastIndex = at;
    if (RISKY_BMP_AT.test(text)) return true;
  }
  RISKY_BMP_FROM.lastIndex = HIGH.lastIndex;
  return RISKY_BMP_FROM.test(text) || ((surrogate || SURROGATE.test(text)) && RISKY.test(text));
}

/** Characters a literal may hold; a key is a run of the first kind. */
const KEY_CHARS = /^[a-z0-9.]+$/;
const LITERAL = /^[a-z0-9. '-]+$/;
const SEPARATORS = /[ '-]/;

/** A literal's text as a regex source, its folds spelled out. */
function foldedSource(text: string): string {
  let out = '';
  for (const ch of text) out += ch === ' ' ? '\\s+' : ch === '-' ? DASH : ch === "'" ? QUOTE : ch === '.' ? '\\.' : ch;
  return out;
}

interface Literal {
  bit: number;
  wordStart: boolean;
  /**
   * The literal around its key, matched where the key starts (sticky): the part
   * before the key in a captured lookbehind, the part after it matched. Null
   * when the literal is its key.
   */
  around: Around | null;
}

/**
 * What `Literal.around` is made from. The regex is made where its key is first
 * found: most keys are never found on a page, and making all ~350 of them cost a
 * page's first pass a few ms of cold JavaScript.
 */
interface Around {
  before: string;
  key: string;
  after: string;
  re?: RegExp;
}

function aroundRegex(a: Around): RegExp {
  return (a.re ??= new RegExp(`${a.before === '' ? '' : `(?<=(${foldedSource(a.before)}))`}${foldedSource(a.key)}${foldedSource(a.after)}`, 'iy'));
}

export interface LiteralScanner {
  /**
   * Calls `hit(end, mask)` for each position where literals end (`end` exclusive;
   * `mask` has bit k set when a literal of group k ends there), in order of `end`.
   * Only literals wholly inside [from, to) count. Returns false, having reported
   * nothing, when the text needs normalization first.
   */
  scan(text: string, hit: (end: number, mask: number) => void, from?: number, to?: number): boolean;
  /**
   * Whether the text holds any literal, or needs normalization first (then it may):
   * what `scan` would report anything for, without compiling its search on a short text.
   */
  holds(text: string): boolean;
}

/**
 * Up to this many characters, `holds` looks for each key with `indexOf` (~45 µs per
 * 1,000 characters that hold none, in Node) instead of running the search, whose
 * regex V8 compiles apart for one-byte and two-byte text on first use: ~3–4 ms on
 * every page, paid by its first pass to keep its first change quick. Past it, the
 * search (~6 µs per 1,000) wins.
 */
const SHORT_TEXT = 4_000;

/** Characters `holds` searches at a time in a long text (~0.4 ms each), and how much each piece reaches into the next. */
const HOLDS_PIECE = 1 << 16;
const HOLDS_OVERLAP = 4_096;


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
 * The span [start, end) of `literal` where its key was found at `at` in `part`
 * (which starts at `from` in `text`), or null when the literal is not there.
 */
function literalSpan(text: string, part: string, from: number, literal: Literal, at: number, keyLength: number): [number, number] | null {
  let start = at;
  let end = at + keyLength;
  if (literal.around !== null) {
    const around = aroundRegex(literal.around);
    around.lastIndex = at;
    const found = around.exec(part);
    if (found === null) return null;
    start = at - (found[1]?.length ?? 0);
    end = at + found[0].length;
  }
  if (literal.wordStart && !wordStartsAt(text, from + start)) return null;
  return [start, end];
}

/**
 * What a scanner is made from, worked out from its groups of literals once: its keys,
 * longest first, each with its literals as [group bit, starts a word (1) or not (0),
 * the text before the key, the text after it]. The prefilter's is generated with
 * its anchors (anchors.generated.ts): working it out cost every page that names MgT
 * ~1.9 ms of cold JavaScript in its first pass (Chromium, round 31).
 */
export interface ScannerTable {
  readonly keys: readonly string[];
  readonly literals: readonly (readonly (readonly [bit: number, wordStart: 0 | 1, before: string, after: string])[])[];
}

/**
 * The table of a scanner for up to 31 groups of literals: lowercase letters, digits,
 * "." and "'" and "-", " " for any whitespace, and a leading "^" for a literal that
 * must start a word (no spaces then). Throws on a literal it cannot scan for.
 */
export function scannerTable(groups: readonly (readonly string[])[]): ScannerTable {
  if (groups.length > 31) throw new Error('at most 31 groups');
  /** Literals by their key. */
  const byKey = new Map<string, [number, 0 | 1, string, string][]>();
  groups.forEach((group, k) => {
    for (const marked of group) {
      const wordStart = marked.startsWith('^');
      const text = wordStart ? marked.slice(1) : marked;
      const parts = text.split(SEPARATORS);
      if (!LITERAL.test(text) || parts.every((p) => p.length === 0) || (wordStart && text.includes(' '))) {
        throw new Error(`unsupported literal "${marked}"`);
      }
      // A word-start literal is keyed on its first run, so the key starts it.
      const key = wordStart ? (parts[0] as string) : parts.reduce((a, b) => (b.length > a.length ? b : a));
      if (key.length === 0) throw new Error(`unsupported literal "${marked}"`);
      const at = wordStart ? 0 : text.indexOf(key);
      let list = byKey.get(key);
      if (list === undefined) byKey.set(key, (list = []));
      list.push([1 << k, wordStart ? 1 : 0, text.slice(0, at), text.slice(at + key.length)]);
    }
  });
  // Longest first: at one position the search reports the longest key, and the
  // shorter keys found there are exactly its prefixes.
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const key of keys) if (!KEY_CHARS.test(key)) throw new Error(`unsupported key "${key}"`);
  return { keys, literals: keys.map((key) => byKey.get(key) as [number, 0 | 1, string, string][]) };
}

/** A scanner for up to 31 groups of literals (see scannerTable for what they may hold). */
export function literalScanner(groups: readonly (readonly string[])[]): LiteralScanner {
  return scannerFromTable(scannerTable(groups));
}

/** The scanner a table describes (made by scannerTable, here or when generated). */
export function scannerFromTable(table: ScannerTable): LiteralScanner {
  const { keys } = table;
  /** Literals by their key. */
  const byKey = new Map<string, Literal[]>();
  keys.forEach((key, i) => {
    byKey.set(
      key,
      (table.literals[i] ?? []).map(([bit, wordStart, before, after]) => ({
        bit,
        wordStart: wordStart === 1,
        around: before === '' && after === '' ? null : { before, key, after },
      })),
    );
  });
  // Made on first use: `holds` on short texts never needs it.
  let searchRegex: RegExp | null = null;
  const search = (): RegExp => (searchRegex ??= new RegExp(keys.map((key) => key.replace(/\./g, '\\.')).join('|'), 'gi'));
  /**
   * Per key: the literals of every key found where it is found (itself and its
   * prefixes), with their key's length. Made where the key is first found: for
   * every key at once, it compared each with every other (~300²) on a page's first pass.
   */
  const atKey = new Map<string, Array<[Literal, number]>>();
  const literalsAt = (key: string): Array<[Literal, number]> => {
    let list = atKey.get(key);
    if (list === undefined) {
      list = keys.filter((other) => key.startsWith(other)).flatMap((other) => (byKey.get(other) as Literal[]).map((l): [Literal, number] => [l, other.length]));
      atKey.set(key, list);
    }
    return list;
  };

  const scanner: LiteralScanner = {
    scan(text, hit, from = 0, to = text.length) {
      // The part scanned, so neither regex runs past `to` (a slice shares the text's memory).
      const part = from === 0 && to === text.length ? text : text.slice(from, to);
      if (needsNormalizing(part)) return false;
      const ends: number[] = [];
      const masks: number[] = [];
      const re = search();
      re.lastIndex = 0;
      for (let m = re.exec(part); m !== null; m = re.exec(part)) {
        const at = m.index;
        re.lastIndex = at + 1; // keys may overlap
        for (const [literal, keyLength] of literalsAt(m[0].toLowerCase())) {
          const span = literalSpan(text, part, from, literal, at, keyLength);
          if (span === null) continue;
          ends.push(from + span[1]);
          masks.push(literal.bit);
        }
      }
      reportInOrder(ends, masks, hit);
      return true;
    },
    holds(text) {
      const lower = text.length <= SHORT_TEXT ? text.toLowerCase() : null;
      // A long text is searched; so is one whose lower-casing adds characters ("İ"),
      // where offsets in `lower` would not be offsets in `text`.
      if (lower === null || lower.length !== text.length) {
        // In pieces, stopping at the first that holds one: a huge block (a 5 MB <pre>
        // a paragraph was inserted into, read again by a change) was searched whole in
        // one step. Pieces overlap by far more than a literal's length.
        for (let from = 0; from < text.length; from += HOLDS_PIECE) {
          let found = false;
          const complete = scanner.scan(
            text,
            () => {
              found = true;
            },
            from,
            Math.min(text.length, from + HOLDS_PIECE + HOLDS_OVERLAP),
          );
          if (found || !complete) return true;
        }
        return false;
      }
      if (needsNormalizing(text)) return true;
      // Every key found anywhere, each with its own literals: the search finds the
      // same (a key found with its prefixes), so the answer is the same.
      for (const key of keys) {
        for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) {
          for (const literal of byKey.get(key) as Literal[]) if (literalSpan(text, text, 0, literal, at, key.length) !== null) return true;
        }
      }
      return false;
    },
  };
  return scanner;
}

/** Calls `hit` once per distinct end, in order, with the masks at that end joined. */
function reportInOrder(ends: number[], masks: number[], hit: (end: number, mask: number) => void): void {
  const order = ends.map((_, i) => i);
  order.sort((a, b) => (ends[a] as number) - (ends[b] as number));
  for (let i = 0; i < order.length; ) {
    const end = ends[order[i] as number] as number;
    let mask = 0;
    for (; i < order.length && ends[order[i] as number] === end; i++) mask |= masks[order[i] as number] as number;
    hit(end, mask);
  }
}
