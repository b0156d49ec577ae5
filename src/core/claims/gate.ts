// The cheapest possible "could this text be about MgT?" test, for the content
// script's gate on every page. Tolerates the tricks normalization undoes
// (soft hyphens, zero-width characters, fullwidth letters) without paying for
// normalization on ordinary text.
// It lives here, not with the names (names.ts): a module the gate imports is
// compiled into the script every page loads, and names.ts is the scanner's.
import { INVISIBLE } from '../text/invisible';

/** Cheap test used to decide whether a page could be about MgT at all (every name in names.ts holds one of these). */
export const MGT_GATE = /threon|magtein|neuro-?mag|\bmgt\b|\bmag[\s-]?t\b|l-tams|mmfs/i;

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

/** Whether `text` names MgT once invisible characters and fullwidth letters are undone (only when it holds some). */
function namedOnceNormalized(text: string): boolean {
  return UNUSUAL.test(text) && MGT_GATE.test(text.replace(INVISIBLE, '').normalize('NFKC'));
}

/** A name of MgT, or (group 1) magnesium: one scan finds whichever comes first. */
const NAME_OR_MAGNESIUM = new RegExp(`${MGT_GATE.source}|(${MAGNESIUM.source})`, 'gi');
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
  NAME_OR_MAGNESIUM.lastIndex = 0;
  const first = NAME_OR_MAGNESIUM.exec(text);
  if (first === null) return { named: namedOnceNormalized(text), magnesium: false };
  if (first[1] === undefined) return { named: true, magnesium: false };
  // Magnesium first: a name may still follow ("Magnesium L-threonate").
  NAME_FROM.lastIndex = first.index;
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
