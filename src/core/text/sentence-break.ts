// Sentence boundaries by the rules of Unicode UAX #29 (the rules ICU implements,
// and Intl.Segmenter uses), for text of plain ASCII and a few common symbols,
// which is what most page text is once normalize.ts has folded quotes, dashes
// and odd spaces.
//
// Why not Intl.Segmenter alone: creating one loads ICU's break rules, ~25 ms the
// first time in each renderer process, paid by every page with a claim. Text
// holding any other character is left to ICU (`null` here).
// test/unit/sentence-break.test.ts checks this equals ICU on generated text and
// on every fixture page.

const enum SB {
  Other,
  CR,
  LF,
  Sp,
  Lower,
  Upper,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

/** Sentence_Break classes of ASCII (Sentence_Break property, Unicode 15). */
const ASCII = new Uint8Array(128);
{
  const set = (chars: string, c: SB): void => {
    for (const ch of chars) ASCII[ch.charCodeAt(0)] = c;
  };
  ASCII[0x0d] = SB.CR;
  ASCII[0x0a] = SB.LF;
  set('\t\v\f ', SB.Sp);
  set('abcdefghijklmnopqrstuvwxyz', SB.Lower);
  set('ABCDEFGHIJKLMNOPQRSTUVWXYZ', SB.Upper);
  set('0123456789', SB.Numeric);
  set('.', SB.ATerm);
  set('!?', SB.STerm);
  set(`"'()[]{}`, SB.Close);
  set(',-:;', SB.SContinue);
}
/**
 * Symbols of Latin-1 common on shop pages, all of class Other: ® © ° · × £. Those
 * past it (★ • € ™, emoji) reach these rules as normalize.ts's stand-in, DEL, an
 * ASCII character of class Other (stand-in.ts).
 */
const EXTRA: Record<number, SB> = {};
for (const ch of '®©°·×£') EXTRA[ch.charCodeAt(0)] = SB.Other;

function classes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) out[i] = ASCII[c] as number;
    else {
      const e = EXTRA[c];
      if (e === undefined) return null;
      out[i] = e;
    }
  }
  return out;
}

const isParaSep = (c: number): boolean => c === SB.CR || c === SB.LF;
const isSATerm = (c: number): boolean => c === SB.ATerm || c === SB.STerm;

/** Whether there is a sentence boundary between text[i - 1] and text[i] (0 < i < length). */
function breaksAt(k: Uint8Array, i: number): boolean {
  const a = k[i - 1] as number;
  // After a letter, digit, SContinue or Other, no rule breaks (the common case).
  if (a === SB.Lower || a === SB.Upper || a === SB.Numeric || a === SB.SContinue || a === SB.Other) return false;
  const b = k[i] as number;
  if (a === SB.CR && b === SB.LF) return false; // SB3
  if (isParaSep(a)) return true; // SB4
  if (a === SB.ATerm && b === SB.Numeric) return false; // SB6
  if (a === SB.ATerm && b === SB.Upper && i >= 2 && (k[i - 2] === SB.Upper || k[i - 2] === SB.Lower)) return false; // SB7
  // The left context of SB8–SB11: SATerm Close* Sp*, ending at i - 1.
  let sp = i - 1;
  while (sp >= 0 && k[sp] === SB.Sp) sp--;
  let close = sp;
  while (close >= 0 && k[close] === SB.Close) close--;
  if (close < 0 || !isSATerm(k[close] as number)) return false; // SB998
  const spaces = sp < i - 1;
  if (k[close] === SB.ATerm) {
    // SB8: ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower
    let j = i;
    while (j < k.length) {
      const c = k[j] as number;
      if (c === SB.Upper || c === SB.Lower || isParaSep(c) || isSATerm(c)) break;
      j++;
    }
    if (j < k.length && k[j] === SB.Lower) return false;
  }
  if (b === SB.SContinue || isSATerm(b)) return false; // SB8a
  if (!spaces && (b === SB.Close || b === SB.Sp || isParaSep(b))) return false; // SB9
  if (b === SB.Sp || isParaSep(b)) return false; // SB10
  return true; // SB11
}

/**
 * Start offsets of the sentences of `text` (as Intl.Segmenter's segments would
 * give them), or null when the text holds a character these rules do not cover.
 */
export function sentenceStarts(text: string): number[] | null {
  const k = classes(text);
  if (k === null) return null;
  const starts = text.length > 0 ? [0] : [];
  for (let i = 1; i < text.length; i++) if (breaksAt(k, i)) starts.push(i);
  return starts;
}
