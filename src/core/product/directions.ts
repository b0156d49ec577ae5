// Servings per day from the label directions: "Take three (3) capsules daily",
// "take 1 serving daily", "2 capsules in the morning and 1 before bed",
// "2 capsules twice daily".
import type { FactLine } from './lines';
import type { ServingSize } from './facts';
import { PIECE_UNIT_SOURCE } from './facts';
import { WORD_NUMBER_SOURCE, parseNumber } from './text';

const KEYWORD = /\b(?:suggested\s+use|recommended\s+use|directions(?:\s+for\s+use)?|dosage|tak(?:e|es|ing))\b/i;

const QUANTITY = new RegExp(
  `\\b(\\d+|${WORD_NUMBER_SOURCE})\\s+` +
    `(?:(?:vegetarian|veggie|veg|vegan|liquid|delayed[\\s-]release|easy[\\s-]swallow)\\s+)?` +
    `(${PIECE_UNIT_SOURCE}|servings?)?\\b`,
  'gi',
);
/** An amount without a unit counts only when a time of day follows ("and 1 before bed"). */
const TIME_OF_DAY =
  /^\s*(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+(?:night|bedtime|lunch|dinner|breakfast)|before\s+(?:bed|bedtime|sleep)|with\s+(?:breakfast|lunch|dinner|a\s+meal|meals|food)|after\s+(?:breakfast|lunch|dinner))\b/i;
const TIMES_A_DAY = new RegExp(
  `\\b(?:(once|twice|thrice)|(\\d+|${WORD_NUMBER_SOURCE})\\s*(?:times|x))\\s+(?:daily|a\\s+day|per\\s+day|each\\s+day)\\b`,
  'i',
);
const DAILY_NEXT = /^\s*(?:daily|a\s+day|per\s+day|each\s+day|every\s+day)\b/i;
/** The frequency of one amount is in the words after it, up to the next clause. */
const CLAUSE_END = /\band\b|,|;|\bthen\b|\bor\b/i;

interface DailyAmount {
  pieces: number;
  servings: number;
}

function timesADay(after: string): number {
  const cut = after.search(CLAUSE_END);
  const clause = cut >= 0 ? after.slice(0, cut) : after;
  const m = TIMES_A_DAY.exec(clause);
  if (!m) return 1;
  if (m[1] !== undefined) return { once: 1, twice: 2, thrice: 3 }[m[1].toLowerCase()] ?? 1;
  const n = parseNumber(m[2] as string);
  return Number.isFinite(n) && n >= 1 && n <= 6 ? n : 1;
}

/** Sums the daily pieces/servings in one directions sentence; null when it states none. */
export function parseDirections(sentence: string): DailyAmount | null {
  // Parentheses restate ("three (3) capsules", "one serving (3 capsules)"): drop them.
  const text = sentence.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ');
  const total: DailyAmount = { pieces: 0, servings: 0 };
  let lastUnit: 'pieces' | 'servings' | null = null;
  // "Take three capsules daily, one in the morning and two in the evening": after a
  // daily total, unit-less amounts only break that total down and must not add to it.
  let afterDailyTotal = false;
  let found = false;
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m !== null; m = QUANTITY.exec(text)) {
    const n = parseNumber(m[1] as string);
    const after = text.slice(m.index + m[0].length);
    let unit: 'pieces' | 'servings' | null = null;
    if (m[2] !== undefined) {
      unit = /^servings?$/i.test(m[2]) ? 'servings' : 'pieces';
      afterDailyTotal = DAILY_NEXT.test(after);
    } else if (lastUnit !== null && TIME_OF_DAY.test(after) && !afterDailyTotal) unit = lastUnit;
    if (unit === null || !Number.isFinite(n) || n <= 0 || n > 20) continue;
    total[unit] += n * timesADay(after);
    lastUnit = unit;
    found = true;
  }
  return found ? total : null;
}

/** The directions sentence starting at the keyword in `text`. */
function directionsSentence(text: string): string | null {
  const m = KEYWORD.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index);
  const end = rest.search(/\.(?:\s|$)/);
  return (end >= 0 ? rest.slice(0, end) : rest).slice(0, 300);
}

/**
 * Servings a day at the label's directions, or null when the directions are not
 * found or cannot be put in servings (pieces but no serving size in pieces).
 */
export function servingsPerDay(lines: readonly FactLine[], serving: ServingSize | null): number | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as FactLine;
    const candidates: string[] = [];
    const sentence = directionsSentence(line.text);
    if (sentence !== null) candidates.push(sentence);
    // A heading or short label ("Suggested Use") followed by the directions themselves.
    const next = lines[i + 1];
    if (next && KEYWORD.test(line.text) && (line.heading || line.text.length < 40)) candidates.push(next.text);
    for (const candidate of candidates) {
      const daily = parseDirections(candidate);
      if (daily === null) continue;
      let perDay = daily.servings;
      if (daily.pieces > 0) {
        if (serving?.unit !== 'piece' || serving.count === null || serving.count <= 0) return null;
        perDay += daily.pieces / serving.count;
      }
      return Math.round(perDay * 100) / 100;
    }
  }
  return null;
}
