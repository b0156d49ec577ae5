// Does the page carry the FDA structure/function disclaimer (21 CFR 101.93(c))?
// Both sentences must be present somewhere on the page, in any region (it is
// usually in the footer or under the facts panel), possibly split across blocks,
// in any case, with curly quotes, "FDA" or the full agency name.
import type { PageData, TextBlock } from '../types';

const NOT_EVALUATED =
  /\b(?:statements?|claims?)\b[^.]{0,80}?\b(?:have|has)\s+not\s+been\s+(?:evaluated|reviewed)\s+by\s+(?:the\s+)?(?:u\.?\s?s\.?\s+)?(?:food\s+(?:and|&)\s+drug\s+administration|f\.?\s?d\.?\s?a\b)/;
const NOT_INTENDED =
  /\bnot\s+intended\s+to\s+diagnose,?\s+treat,?\s+cure,?\s+(?:or|and|nor)\s+prevent\s+any\s+diseases?\b/;

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d]/g, "'")
    .replace(/[*†‡]/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Blocks holding part of the disclaimer; neighbours are added since it may be split. */
const HINT = /evaluat|reviewed|diagnos|drug\s+admin|\bfda\b/i;
const WINDOW = 2;

export function hasDisclaimer(page: PageData): boolean {
  const { blocks } = page;
  const parts: string[] = [];
  let last = -1;
  for (let i = 0; i < blocks.length; i++) {
    if (!HINT.test((blocks[i] as TextBlock).text)) continue;
    // Join a window around each hint, skipping blocks already taken.
    for (let j = Math.max(i - WINDOW, last + 1); j <= Math.min(i + WINDOW, blocks.length - 1); j++) {
      parts.push((blocks[j] as TextBlock).text);
      last = j;
    }
  }
  if (parts.length === 0) return false;
  const text = normalize(parts.join(' '));
  return NOT_EVALUATED.test(text) && NOT_INTENDED.test(text);
}
