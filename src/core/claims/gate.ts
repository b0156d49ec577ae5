// The cheapest possible "could this text be about MgT?" test, for the content
// script's gate on every page. Tolerates the tricks normalization undoes
// (soft hyphens, zero-width characters, fullwidth letters) without paying for
// normalization on ordinary text.
// It lives here, not with the names (names.ts): a module the gate imports is
// compiled into the script every page loads, and names.ts is the scanner's.
import { DROP, INVISIBLE } from '../text/invisible';
import { isWordUnit } from '../text/word-units';

/**
 * Cheap test used to decide whether a page could be about MgT at all: every name in
 * names.ts holds one of these (test/unit/claims-context.test.ts checks each way of
 * writing them). Its hyphens may be typeset ones, which normalization folds
 * (U+2010–2015, U+2212): "Neuro\u2011Mag" with a non-breaking hyphen.
 */
export const MGT_GATE = /threon|mag(?:tein|tech)|neuro[\s\-\u2010-\u2015\u2212]?mag|\bmgt\b|\bmag[\s\-\u2010-\u2015\u2212]?t\b|l[-\u2010-\u2015\u2212]tams|mmfs/i;

/**
 * Any magnesium at all ("Magnesium", "magnésium", "Magnesio"): on a page that names no
 * form of it, whether its web components are worth a look (the content script's
 * gate; looking costs ~1 ms on a small page, and most pages never say magnesium).
 */
export const MAGNESIUM = /magn[eé]s/i;

/** Characters that normalization changes beyond plain whitespace (invisible, fullwidth). */
export const UNUSUAL = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFF01-\uFF5E]/;

export function mayMentionMgt(text: string | null | undefined): boolean {
  if (!text) return false;
  return MGT_GATE.test(text) || namedOnceNormalized(text);
}

/** Runs of invisible characters, and fullwidth letters and hyphens: what can hide a name (the rest of UNUSUAL cannot). */
const HIDING = new RegExp(`${DROP.source}+|[\\uFF0D\\uFF21-\\uFF3A\\uFF41-\\uFF5A]`, 'g');

/** Characters around a place that may hide a name that are normalized with it (more than any name holds). */
const NAME_REACH = 24;
/** How much further a stretch's ends may move to reach a word's edge. */
const WORD_REACH = 64;
/**
 * Past this many places that may hide a name, the rest of the text is normalized in
 * one go: a page hyphenated with soft hyphens has one every few words, and a
 * stretch each cost more than normalizing it whole (6.6 ms against 4.8 per MB).
 */
const MANY_PLACES = 256;

/**
 * Whether `text` names MgT once invisible characters and fullwidth letters are
 * undone. Only the stretches around what may hide a name are normalized (a
 * fullwidth letter; invisible characters or a fullwidth hyphen next to a letter,
 * "Mag\u00ADtein"): inside a name such a run always touches a letter, as names never
 * hold two separators in a row. The other characters normalization changes hide no
 * name: the bidi marks between Hebrew or Arabic words, fullwidth punctuation in
 * Chinese or Japanese text ("，", "（"). A page holding any of them was normalized
 * whole before (4.3 ms of the gate's 11 on a 1 MB Hebrew and Arabic page).
 */
function namedOnceNormalized(text: string): boolean {
  // (UNUSUAL holds every hiding character, and one range is scanned faster than three: 0.32 ms against 0.48 per MB.)
  if (!UNUSUAL.test(text)) return false;
  HIDING.lastIndex = 0;
  /** The stretch gathered so far: [start, end), merged while the next overlaps it. */
  let start = -1;
  let end = -1;
  let places = 0;
  for (let m = HIDING.exec(text); m !== null; m = HIDING.exec(text)) {
    const at = m.index;
    const after = at + m[0].length;
    const fullwidthLetter = m[0].charCodeAt(0) >= 0xff21;
    if (!fullwidthLetter && !isLetter(text.charCodeAt(at - 1)) && !isLetter(text.charCodeAt(after))) continue;
    const from = Math.max(0, at - NAME_REACH);
    if (++places > MANY_PLACES) return namedInStretch(text, start >= 0 ? start : from, text.length);
    if (start >= 0 && from <= end) {
      end = Math.min(text.length, after + NAME_REACH);
      continue;
    }
    if (start >= 0 && namedInStretch(text, start, end)) return true;
    start = from;
    end = Math.min(text.length, after + NAME_REACH);
  }
  return start >= 0 && namedInStretch(text, start, end);
}

/** MGT_GATE on [start, end) of `text` normalized, its ends moved out to the edges of the words they cut ("xmgt" is no name). */
function namedInStretch(text: string, start: number, end: number): boolean {
  for (let n = WORD_REACH; n > 0 && start > 0 && inWord(text.charCodeAt(start - 1)); n--) start--;
  for (let n = WORD_REACH; n > 0 && end < text.length && inWord(text.charCodeAt(end)); n--) end++;
  return MGT_GATE.test(text.slice(start, end).replace(INVISIBLE, '').normalize('NFKC'));
}

/** A Latin letter, plain or fullwidth (NaN, past either end of a text: no). */
function isLetter(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

/** What a word boundary (`\b`) does not fall beside once normalized: a letter, digit or underscore, plain or fullwidth, or a character dropped. */
function inWord(code: number): boolean {
  return isWordUnit(code) || isLetter(code) || (code >= 0xff10 && code <= 0xff19) || code === 0xff3f || DROP.test(String.fromCharCode(code));
}

/** A name of MgT, or (group 1) magnesium: one scan finds whichever comes first. */
const NAME_OR_MAGNESIUM = new RegExp(`${MGT_GATE.source}|(${MAGNESIUM.source})`, 'gi');
/**
 * As NAME_OR_MAGNESIUM, or (group 2) a character normalization changes (UNUSUAL).
 * Which look is cheaper depends on how V8 holds the text (ms per MB of a bench
 * page's text, a fresh page's first run; round 43). Text of one byte a character
 * can hold no unusual character but the soft hyphen, and UNUSUAL's test of it costs
 * ~0.06, where this scan costs ~1 more than NAME_OR_MAGNESIUM's (1.6). A character
 * past Latin-1 anywhere (a star of a rating, a curly quote) makes a page's whole text
 * two bytes a character: UNUSUAL's test then costs ~1, and this one scan 2.4 against
 * 1.9 + 1.0 for the two.
 */
const FIRST_LOOK = new RegExp(`${MGT_GATE.source}|(${MAGNESIUM.source})|(${UNUSUAL.source})`, 'gi');
/** A character past Latin-1 (found near the start of most texts that hold one; ~0.06 ms per MB of text that holds none). */
const PAST_LATIN1 = /[^\0-\xff]/;
/** MGT_GATE from a given place (`lastIndex`). */
const NAME_FROM = new RegExp(MGT_GATE.source, 'gi');

export interface GateLook {
  /** mayMentionMgt's answer. */
  named: boolean;
  /** Whether the text says magnesium; false whenever `named` (not looked for then). */
  magnesium: boolean;
}

/**
 * mayMentionMgt, and on text that names no form whether it says magnesium, in one
 * scan: the gate of a large page would otherwise read its text twice to learn both
 * (~1.6 ms more per MB for the second).
 */
export function lookAtText(text: string): GateLook {
  if (!text) return { named: false, magnesium: false };
  /** Where NAME_OR_MAGNESIUM starts: nothing before it names MgT or says magnesium. */
  let from = 0;
  if (PAST_LATIN1.test(text)) {
    FIRST_LOOK.lastIndex = 0;
    const first = FIRST_LOOK.exec(text);
    // Nothing named, said, or that normalization would change: nothing hidden either.
    if (first === null) return { named: false, magnesium: false };
    if (first[2] === undefined) return first[1] === undefined ? { named: true, magnesium: false } : afterMagnesium(text, first.index);
    from = first.index; // a character that may hide a name comes first: the look goes on from there
  }
  NAME_OR_MAGNESIUM.lastIndex = from;
  const first = NAME_OR_MAGNESIUM.exec(text);
  if (first === null) return { named: namedOnceNormalized(text), magnesium: false };
  if (first[1] === undefined) return { named: true, magnesium: false };
  return afterMagnesium(text, first.index);
}

/** Magnesium first, at `at`: a name may still follow ("Magnesium L-threonate"), or be hidden. */
function afterMagnesium(text: string, at: number): GateLook {
  NAME_FROM.lastIndex = at;
  const named = NAME_FROM.test(text) || namedOnceNormalized(text);
  return { named, magnesium: !named };
}

/** Longer than any name the gate looks for, with the character before it. */
const NAME_OVERLAP = 32;

/**
 * `mayMentionMgt` over a text seen piece by piece (a huge page, as it is read),
 * without joining the pieces: each is tested alone, and where it meets the one
 * before, so a name cut in two is still found. (Not the end of the one before plus
 * the piece: that joins a piece of 256 K characters into a copy, ~3 ms per 5 MB.)
 * Pieces seen after a name was found are not tested.
 */
export class MgtNameSearch {
  private tail = '';
  private named: boolean;
  private said = false;

  /** `found`: already known to name MgT (its title does). */
  constructor(found = false) {
    this.named = found;
  }

  /** Whether a piece seen so far (or a seam between two) names MgT. */
  get found(): boolean {
    return this.named;
  }

  /** Whether a piece seen so far (or a seam) says magnesium, when none names MgT. */
  get magnesium(): boolean {
    return this.said && !this.named;
  }

  see(piece: string): void {
    if (this.named) return;
    const seam = this.tail + piece.slice(0, NAME_OVERLAP);
    let named = mayMentionMgt(seam);
    if (!named && this.said) named = mayMentionMgt(piece);
    if (!named && !this.said) {
      // Until a piece says magnesium, one scan looks for both.
      const look = lookAtText(piece);
      named = look.named;
      this.said = look.magnesium || MAGNESIUM.test(seam);
    }
    if (named) this.named = true;
    // The seam's end, when the piece is shorter than the overlap: a name may span three pieces.
    else this.tail = (piece.length >= NAME_OVERLAP ? piece : seam).slice(-NAME_OVERLAP);
  }
}
