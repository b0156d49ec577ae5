// Small text helpers for reading product facts: normalisation, numbers, names.

/** The substance's names, for label amounts ("Magtein 2,000 mg"); after normalizeFactText. */
export const MGT_SUBSTANCE_SOURCE =
  String.raw`magnesium[\s-]+l[\s-]*threonate|magtein|l-threonic\s+acid\s+magnesium|\bmgt\b`;
/** Product names that mean MgT: the substance, or Life Extension's Neuro-Mag. */
const MGT_NAME = new RegExp(`${MGT_SUBSTANCE_SOURCE}|neuro[\\s-]?mag\\b`, 'i');
const MAGTEIN = /magtein/i;

export function namesMgt(text: string): boolean {
  return MGT_NAME.test(normalizeFactText(text));
}

export function namesMagtein(text: string): boolean {
  return MAGTEIN.test(text);
}

/**
 * Collapses whitespace (incl. NBSP) and drops trademark signs, so "Magtein®" and
 * "Magtein (R)" read as "Magtein". For parsing only: offsets are not kept.
 */
export function normalizeFactText(text: string): string {
  return text
    .replace(/[®™Ⓡ℠]|\((?:r|tm)\)/gi, '')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collapses whitespace; for names shown to the user. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
export const WORD_NUMBER_SOURCE = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';

/** "2,000" → 2000, "1.5" → 1.5, "three" → 3; NaN when not a number. */
export function parseNumber(raw: string): number {
  const word = WORD_NUMBERS[raw.toLowerCase()];
  if (word !== undefined) return word;
  // Thousands separators: a comma followed by exactly three digits.
  const cleaned = raw.replace(/,(?=\d{3}(?!\d))/g, '');
  return /^\d+(?:\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** Number pattern for mass amounts: "2,000", "144", "1.5". */
export const AMOUNT_SOURCE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Mass units; grams are converted to mg. */
export const MASS_UNIT_SOURCE = String.raw`mg|milligrams?|g|grams?`;

/** An amount with its unit in mg; NaN when unparseable. */
export function toMg(amount: string, unit: string): number {
  const n = parseNumber(amount);
  const u = unit.toLowerCase();
  return u === 'g' || u.startsWith('gram') ? n * 1000 : n;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', reg: '®', trade: '™', copy: '©',
};

/** Decodes the HTML entities sites leave in JSON-LD strings ("Neuro-Mag&reg;"). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}
