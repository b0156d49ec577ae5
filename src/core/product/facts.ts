// Label facts from fact lines: serving size, mg of MgT and of elemental magnesium
// per serving, servings per container. Values from tables win over prose; within
// each, the first in page order wins.
import type { FactLine } from './lines';
import { AMOUNT_SOURCE, MASS_UNIT_SOURCE, MGT_SUBSTANCE_SOURCE, WORD_NUMBER_SOURCE, parseNumber, toMg } from './text';

export interface ServingSize {
  /** As the page wrote it: "3 Vegetarian Capsules". */
  text: string;
  /** Number of units in a serving (3), when stated. */
  count: number | null;
  /** 'piece' for capsules/tablets/softgels/gummies/scoops…, null when unknown. */
  unit: 'piece' | null;
}

export interface LabelFacts {
  serving: ServingSize | null;
  mgtMg: number | null;
  elementalMg: number | null;
  servingsPerContainer: number | null;
  /** A label statement ties the magnesium to MgT ("Magnesium (as magnesium L-threonate)", "Magtein 2,000 mg"). */
  mgtInFacts: boolean;
}

// No \b after the unit: facts panels glue cells together ("144 mg34%").
const AMOUNT = `(${AMOUNT_SOURCE})\\s*(${MASS_UNIT_SOURCE})(?![a-z])`;
const MGT = `(?:${MGT_SUBSTANCE_SOURCE})`;
export const PIECE_UNIT_SOURCE =
  String.raw`capsules?|caps|vcaps|softgels?|tablets?|tabs|gummies|gummy|chewables?|lozenges?|scoops?|packets?|sticks?|sachets?`;
const PIECE_WORD = new RegExp(`^(?:${PIECE_UNIT_SOURCE})$`, 'i');

/** "Magnesium (as Magtein magnesium L-threonate) 144 mg": elemental Mg and its source. */
const ELEMENTAL_AS = new RegExp(`\\b(?:elemental\\s+)?magnesium\\s*\\((?:as|from)\\s+([^)]*)\\)[\\s|:]*${AMOUNT}`, 'gi');
/** "providing 144 mg of elemental magnesium" */
const ELEMENTAL_AFTER = new RegExp(`${AMOUNT}\\s+(?:of\\s+)?elemental\\s+magnesium`, 'gi');
/** "Elemental magnesium: 144 mg" */
const ELEMENTAL_BEFORE = new RegExp(`\\belemental\\s+magnesium[\\s|:]*${AMOUNT}`, 'gi');
/** "Magnesium L-Threonate (Magtein) | 2,000 mg"; "…threonate) 144 mg" is not matched (the ")" stops it). */
const MGT_THEN_AMOUNT = new RegExp(`(?:${MGT})(?:\\s*\\([^)]{0,40}\\))?[\\s|:]*${AMOUNT}`, 'gi');
/** "2,000 mg of Magtein magnesium L-threonate", "2 g MgT" */
const AMOUNT_THEN_MGT = new RegExp(`${AMOUNT}\\s+(?:of\\s+)?(?:${MGT})`, 'gi');
const MGT_TEST = new RegExp(MGT, 'i');
/** Cheap gate before the amount patterns: a number with a mass unit. */
const HAS_MASS = /\d\s*(?:mg|g|milligram|gram)(?![a-z])/i;

const SERVING_SIZE = new RegExp(
  `\\bserving\\s+size\\s*(?:is\\s+|of\\s+)?[|:]?\\s*((?:\\d+(?:\\.\\d+)?|${WORD_NUMBER_SOURCE})\\b[^|;,]*?)` +
    `(?=\\s*(?:[|;,]|\\.\\s|\\.?$|\\bservings?\\s+per\\b|\\bamount\\s+per\\b|\\bwith\\b))`,
  'i',
);
const SERVINGS_PER_CONTAINER = [
  /\bservings?\s+per\s+(?:container|bottle|package|pack|jar|tub|box|pouch)\s*[|:]?\s*(?:about\s+|approx(?:\.|imately)?\s+)?(\d+)\b/i,
  /\b(\d+)\s+servings?\s+(?:per|in\s+(?:each|every|a|one|the))\s+(?:container|bottle|package|pack|jar|tub|box|pouch)\b/i,
];
/** The last "per capsule" / "per serving" phrase before an amount tells what it is per. */
const PER_PHRASE = new RegExp(
  `\\b(?:per|each)\\s+(?:(?:vegetarian|veggie|veg|vegan)\\s+)?(serving|${PIECE_UNIT_SOURCE})\\b`,
  'gi',
);
const PER_PIECE_AFTER = new RegExp(`^\\s*(?:per|each|/|a)\\s*(?:(?:vegetarian|veggie|veg|vegan)\\s+)?(?:${PIECE_UNIT_SOURCE})\\b`, 'i');

export function parseServing(text: string): ServingSize {
  const m = /^(\d+(?:\.\d+)?|[a-z]+)\s*(?:\(\s*\d+\s*\)\s*)?((?:[a-z-]+\s*){0,3})/i.exec(text);
  const count = m ? parseNumber(m[1] as string) : Number.NaN;
  // The unit is one of the next three words: "3 vegetarian capsules", "2 delayed-release softgels".
  const words = (m?.[2] ?? '').trim().split(/\s+/);
  return {
    text,
    count: Number.isFinite(count) ? count : null,
    unit: words.some((w) => PIECE_WORD.test(w)) ? 'piece' : null,
  };
}

/** Whether the amount at `index` in `text` is stated per capsule/tablet rather than per serving. */
function isPerPiece(text: string, index: number, end: number): boolean {
  if (PER_PIECE_AFTER.test(text.slice(end))) return true;
  let last: string | null = null;
  PER_PHRASE.lastIndex = 0;
  for (let m = PER_PHRASE.exec(text); m !== null && m.index < index; m = PER_PHRASE.exec(text)) {
    last = (m[1] as string).toLowerCase();
  }
  return last !== null && last !== 'serving';
}

interface Found {
  mg: number;
  perPiece: boolean;
}

function firstAmount(
  lines: readonly FactLine[],
  patterns: readonly RegExp[],
  accept: (m: RegExpExecArray, line: FactLine) => boolean,
): Found | null {
  for (const tabular of [true, false]) {
    for (const line of lines) {
      if (line.tabular !== tabular || line.heading || !HAS_MASS.test(line.text)) continue;
      let best: { m: RegExpExecArray; found: Found } | null = null;
      for (const re of patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(line.text); m !== null; m = re.exec(line.text)) {
          if (!accept(m, line)) continue;
          const n = m.length;
          const mg = toMg(m[n - 2] as string, m[n - 1] as string);
          if (!Number.isFinite(mg) || mg <= 0) continue;
          if (best === null || m.index < best.m.index) {
            best = { m, found: { mg, perPiece: isPerPiece(line.text, m.index, m.index + m[0].length) } };
          }
          break;
        }
      }
      if (best !== null) return best.found;
    }
  }
  return null;
}

function perServing(found: Found | null, serving: ServingSize | null): number | null {
  if (found === null) return null;
  if (!found.perPiece) return found.mg;
  // Stated per capsule: scale by capsules per serving, when the serving says how many.
  if (serving?.unit === 'piece' && serving.count !== null) return Math.round(found.mg * serving.count);
  return null;
}

function firstServing(lines: readonly FactLine[]): ServingSize | null {
  for (const tabular of [true, false]) {
    for (const line of lines) {
      if (line.tabular !== tabular) continue;
      const m = SERVING_SIZE.exec(line.text);
      if (m) return parseServing((m[1] as string).trim());
    }
  }
  return null;
}

function firstServingsPerContainer(lines: readonly FactLine[]): number | null {
  for (const tabular of [true, false]) {
    for (const line of lines) {
      if (line.tabular !== tabular) continue;
      for (const re of SERVINGS_PER_CONTAINER) {
        const m = re.exec(line.text);
        if (m) return Number(m[1]);
      }
    }
  }
  return null;
}

/**
 * Reads the label facts. `productIsMgt`: the product name already names MgT, so an
 * elemental-magnesium figure that does not name its source still belongs to it.
 */
export function readLabelFacts(lines: readonly FactLine[], productIsMgt: boolean): LabelFacts {
  const serving = firstServing(lines);
  let mgtInFacts = false;

  const elementalFromMgt = firstAmount(lines, [ELEMENTAL_AS], (m) => MGT_TEST.test(m[1] as string));
  const elementalOther = elementalFromMgt
    ? null
    : firstAmount(lines, [ELEMENTAL_AFTER, ELEMENTAL_BEFORE], (_m, line) => productIsMgt || MGT_TEST.test(line.text));
  const mgt = firstAmount(lines, [MGT_THEN_AMOUNT, AMOUNT_THEN_MGT], () => true);
  if (elementalFromMgt !== null || mgt !== null) mgtInFacts = true;
  if (!mgtInFacts) mgtInFacts = lines.some((l) => l.tabular && MGT_TEST.test(l.text));

  return {
    serving,
    mgtMg: perServing(mgt, serving),
    elementalMg: perServing(elementalFromMgt ?? elementalOther, serving),
    servingsPerContainer: firstServingsPerContainer(lines),
    mgtInFacts,
  };
}
