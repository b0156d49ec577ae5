// Text detection matches is stored one byte a character where it can be
// (text/one-byte.ts): the page's copy of detection is compiled, by its warm-up,
// for such text. Node's V8 tells how a string is stored when it serializes it.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { oneByte } from '../../src/core/text/one-byte';
import { readFileSync } from 'node:fs';
import { isOpaqueSymbol, normalize, rawEnd, rawIndex } from '../../src/core/text/normalize';
import { STAND_IN } from '../../src/core/text/stand-in';
import { OPAQUE_SYMBOL_RANGES, UNICODE_VERSION } from '../../src/core/text/symbols.generated';
import { sentenceSpans } from '../../src/core/text/sentences';
import { CONTEXTS, generate } from '../../scripts/gen-symbols';
import { textToMatch } from '../../src/core/claims/match-text';

/** Whether V8 stores `s` one byte a character (its serializer's tag after the header and any padding: '"' one byte, 'c' two). */
const storedOneByte = (s: string): boolean => {
  const bytes = serialize(s);
  let at = 2;
  while (bytes[at] === 0) at++;
  const tag = bytes[at];
  if (tag !== 0x22 && tag !== 0x63) throw new Error(`unexpected tag ${tag}`);
  return tag === 0x22;
};

/** Plain ASCII text joined to a curly apostrophe's fold, the way normalize() builds its text. */
const joinedFromTwoByte = (): string => {
  const raw = 'Magnesium L-threonate\u2019s form crosses the blood-brain barrier, sellers say.';
  const at = raw.indexOf('\u2019');
  return [raw.slice(0, at), "'", raw.slice(at + 1)].join('');
};

describe('oneByte', () => {
  it('gives back the same string, whatever it holds', () => {
    const strings = ['', 'plain', 'quote " and \\ backslash', 'tab\tnew\nline\u0000nul\u001f', 'caf\u00e9 \u00ae \u00a0', '\u2019\u2014\u2605', 'emoji \ud83d\ude00', 'lone \ud83d and \ude00', '\u2028\u2029', joinedFromTwoByte()];
    for (const s of strings) expect(oneByte(s)).toBe(s);
  });

  it('stores text that fits in Latin-1 one byte a character', () => {
    const joined = joinedFromTwoByte();
    expect(storedOneByte(joined)).toBe(false); // (what the test is about: V8 keeps the slices' two bytes)
    expect(storedOneByte(oneByte(joined))).toBe(true);
    expect(storedOneByte(oneByte('caf\u00e9 \u00ae'))).toBe(true);
    expect(storedOneByte(oneByte('\u2605 five stars'))).toBe(false);
  });
});

describe('the text detection matches', () => {
  it('is one byte a character once curly quotes, dashes and no-break spaces are folded', () => {
    const raw = 'It\u2019s \u201cthe only form\u201d that crosses the blood\u2013brain barrier\u00a0\u2014 Neuro\u2011Mag\u00ae.';
    expect(storedOneByte(raw)).toBe(false);
    const n = normalize(raw);
    expect(n.text).toBe('It\'s "the only form" that crosses the blood-brain barrier - Neuro-Mag\u00ae.');
    expect(storedOneByte(n.text)).toBe(true);
    expect(textToMatch(raw)).toBe(n.text);
    expect(storedOneByte(textToMatch(raw))).toBe(true);
  });

  it('makes symbols past Latin-1 that nothing matched holds one stand-in each, one byte a character (round 44)', () => {
    const raw = 'Rated \u2605\u2605\u2605\u2605\u2606 by buyers\u2019 reviews \u{1F600} \u2022 MagMind\u2122 \u2713 5\u00a0\u20ac.';
    const n = normalize(raw);
    expect(n.text).toBe(`Rated ${STAND_IN.repeat(5)} by buyers' reviews ${STAND_IN} ${STAND_IN} MagMind${STAND_IN} ${STAND_IN} 5 ${STAND_IN}.`);
    expect(storedOneByte(n.text)).toBe(true);
    expect(storedOneByte(textToMatch(raw))).toBe(true);
    // Each stand-in leads back to its symbol in the raw text (the emoji's two code units too).
    const back = [...n.text].flatMap((c, i) => (c === STAND_IN ? [raw.slice(rawIndex(n, i), rawEnd(n, i + 1))] : []));
    expect(back).toEqual(['\u2605', '\u2605', '\u2605', '\u2605', '\u2606', '\u{1F600}', '\u2022', '\u2122', '\u2713', '\u20ac']);
  });

  it('keeps letters past Latin-1, quotation ornaments and emoji modifiers, and then two bytes a character', () => {
    // A micro sign folds to a Greek mu (a letter); a heavy quotation ornament is a closing mark to sentence breaking.
    for (const raw of ['500 \u00b5g daily.', 'She said \u275dgreat\u275e.']) {
      const n = normalize(raw);
      expect(n.text, raw).not.toContain(STAND_IN);
      expect(storedOneByte(n.text), raw).toBe(false);
    }
    // A skin tone extends the emoji before it, whatever that is: the thumb is a symbol, the tone stays.
    const thumb = normalize('Thanks \u{1F44D}\u{1F3FD}');
    expect(thumb.text).toBe(`Thanks ${STAND_IN}\u{1F3FD}`);
    expect(storedOneByte(thumb.text)).toBe(false);
  });

  it('knows the symbols from their runs, at each run\'s edges', () => {
    const r = OPAQUE_SYMBOL_RANGES;
    for (let k = 0; k < r.length; k += 2) {
      const [a, b] = [r[k] as number, r[k + 1] as number];
      expect(isOpaqueSymbol(a) && isOpaqueSymbol(b), a.toString(16)).toBe(true);
      if (r[k - 1] !== a - 1) expect(isOpaqueSymbol(a - 1), (a - 1).toString(16)).toBe(false);
      if (r[k + 2] !== b + 1) expect(isOpaqueSymbol(b + 1), (b + 1).toString(16)).toBe(false);
    }
    expect([0x2122, 0x2605, 0x2713, 0x2192, 0x2022, 0x20ac, 0x1f600].every(isOpaqueSymbol)).toBe(true);
    expect([0xae, 0x3bc, 0x2019, 0x275d, 0x1f3fb, 0x4e2d].some(isOpaqueSymbol)).toBe(false);
  });

  it('is split into the sentences the text with its symbols was split into', () => {
    // With stand-ins our own rules split it (sentence-break.ts); with the symbols, as
    // normalize() left them before round 44, ICU did (or our rules, for ★ ☆ • €).
    // Every run's first and last symbol, in the contexts the set was made with.
    const r = OPAQUE_SYMBOL_RANGES;
    const texts = (text: string, ch: string): string[] => sentenceSpans(text).map(([a, b]) => text.slice(a, b).replaceAll(ch, STAND_IN));
    for (let k = 0; k < r.length; k += 2) {
      for (const code of new Set([r[k] as number, r[k + 1] as number])) {
        const ch = String.fromCodePoint(code);
        for (const context of CONTEXTS) {
          const n = normalize(context.replaceAll('x', ch));
          expect(texts(n.text, ch), `${code.toString(16)}: ${JSON.stringify(context)}`).toEqual(texts(n.text.replaceAll(STAND_IN, ch), ch));
        }
      }
    }
  });

  it('comes from a table made with the Unicode version of this Node', () => {
    // (npm run gen:symbols writes it again; another Node's ICU may differ.)
    if (process.versions.unicode === UNICODE_VERSION) {
      expect(readFileSync(new URL('../../src/core/text/symbols.generated.ts', import.meta.url), 'utf8')).toBe(generate());
    }
  });
});
