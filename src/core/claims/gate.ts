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
  if (MGT_GATE.test(text)) return true;
  return UNUSUAL.test(text) && MGT_GATE.test(text.replace(INVISIBLE, '').normalize('NFKC'));
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

  /** `found`: already known to name MgT (its title does). */
  constructor(found = false) {
    this.named = found;
  }

  /** Whether a piece seen so far (or a seam between two) names MgT. */
  get found(): boolean {
    return this.named;
  }

  see(piece: string): void {
    if (this.named) return;
    const seam = this.tail + piece.slice(0, NAME_OVERLAP);
    if (mayMentionMgt(seam) || mayMentionMgt(piece)) this.named = true;
    // The seam's end, when the piece is shorter than the overlap: a name may span three pieces.
    else this.tail = (piece.length >= NAME_OVERLAP ? piece : seam).slice(-NAME_OVERLAP);
  }
}
