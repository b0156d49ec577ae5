// Text detection matches is stored one byte a character where it can be
// (text/one-byte.ts): the page's copy of detection is compiled, by its warm-up,
// for such text. Node's V8 tells how a string is stored when it serializes it.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { oneByte } from '../../src/core/text/one-byte';
import { normalize } from '../../src/core/text/normalize';
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

  it('keeps characters past Latin-1 that do not fold, and then two bytes a character', () => {
    const n = normalize('Rated \u2605\u2605\u2605\u2605 by buyers\u2019 reviews.');
    expect(n.text).toBe("Rated \u2605\u2605\u2605\u2605 by buyers' reviews.");
    expect(storedOneByte(n.text)).toBe(false);
  });
});
