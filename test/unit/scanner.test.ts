// The literal scanner (src/core/text/scanner.ts) against a slow, obvious model:
// one regex per literal, tried at every position, with the folds spelled out,
// and a character-by-character check for text that needs normalization. They
// must agree on every hit (end and groups) and on every refusal: on generated
// text rich in the literals' pieces, folds and refused characters, on every
// fixture page, and on parts of a text (from/to).
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { literalScanner, needsNormalizing, scannerFromTable, scannerTable } from '../../src/core/text/scanner';
import { COMBINING, INVISIBLE, PUNCTUATION_FOLDS } from '../../src/core/text/normalize';
import { NAME_ANCHORS, PATTERN_ANCHORS, PREFILTER_SCANNER } from '../../src/core/claims/anchors.generated';
import { CLAIM_PATTERNS } from '../../src/core/claims/patterns';
import { NFKC_ALNUM_CLASS, UNICODE_VERSION } from '../../src/core/text/risky.generated';
import { generate, makesAsciiLetters } from '../../scripts/gen-risky';
import { rng } from '../../bench/pages';
import { fixturePages } from './fixture-pages';

type Hits = Array<[number, number]> | null;

const GROUPS: string[][] = [...Object.values(PATTERN_ANCHORS).map((g) => [...g]), [...NAME_ANCHORS]];

function foldedLike(ch: string): string {
  const same = Object.keys(PUNCTUATION_FOLDS).filter((k) => PUNCTUATION_FOLDS[k] === ch);
  return `[${[ch, ...same].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;
}

const DROPPED = new RegExp(`${INVISIBLE.source}|${COMBINING.source}`);
const modelRegexes = new Map<string, RegExp>();

/** The model: every literal by itself, at every start, in text[from, to). */
function model(groups: string[][], text: string, from = 0, to = text.length): Hits {
  const part = text.slice(from, to);
  for (const ch of part) {
    if (DROPPED.test(ch) || (ch.charCodeAt(0) >= 128 && makesAsciiLetters(ch))) return null;
  }
  const found = new Map<number, number>();
  groups.forEach((group, k) => {
    for (const marked of group) {
      const wordStart = marked.startsWith('^');
      const literal = marked.replace(/^\^/, '');
      let re = modelRegexes.get(literal);
      if (re === undefined) {
        const source = [...literal]
          .map((ch) => (ch === ' ' ? '\\s+' : ch === '-' || ch === "'" ? foldedLike(ch) : ch === '.' ? '\\.' : ch))
          .join('');
        modelRegexes.set(literal, (re = new RegExp(`(?=(${source}))`, 'gi')));
      }
      for (const m of part.matchAll(re)) {
        const start = from + m.index;
        if (wordStart && start > 0) {
          const before = text[start - 1] as string;
          const startsWord = !/\w/.test(before) || (/[a-z]/.test(before) && /[A-Z]/.test(text[start] as string));
          if (!startsWord) continue;
        }
        const end = start + (m[1] as string).length;
        found.set(end, (found.get(end) ?? 0) | (1 << k));
      }
    }
  });
  return [...found].sort((a, b) => a[0] - b[0]);
}

const scanners = new Map<string[][], ReturnType<typeof literalScanner>>();

function scanned(groups: string[][], text: string, from?: number, to?: number): Hits {
  const out: Array<[number, number]> = [];
  let scanner = scanners.get(groups);
  if (scanner === undefined) scanners.set(groups, (scanner = literalScanner(groups)));
  return scanner.scan(text, (end, mask) => out.push([end, mask]), from, to) ? out : null;
}

/** Text made of pieces of the literals, their folds, ordinary words and, now and then, a refused character. */
function generatedText(random: () => number): string {
  const literals = GROUPS.flat().map((l) => l.replace(/^\^/, ''));
  const pieces: Array<() => string> = [
    () => literals[Math.floor(random() * literals.length)] as string,
    () => {
      const l = literals[Math.floor(random() * literals.length)] as string;
      return l.slice(0, 1 + Math.floor(random() * l.length));
    },
    () => [' ', '  ', '\n', '\u00a0', ' \t ', '\u2009'][Math.floor(random() * 6)] as string,
    () => ['-', '\u2013', '\u2014', '\u2011', "'", '\u2019', '\u02bc', '.', ',', '"'][Math.floor(random() * 10)] as string,
    () => ['the', 'cart', 'Add to cart', 'pack', 'x', 'ing', 'é', '★', '®', 'Ünd', '😀', '2010', '600'][Math.floor(random() * 13)] as string,
  ];
  const refused = ['\u00ad', '\u200b', 'ｓ', 'ﬁ', '𝐬', '²', '\u0301', '\u2163'];
  let s = '';
  const n = 3 + Math.floor(random() * 25);
  for (let i = 0; i < n; i++) {
    let piece = (pieces[Math.floor(random() * pieces.length)] as () => string)();
    const r = random();
    if (r < 0.3) piece = piece.toUpperCase();
    else if (r < 0.4) piece = piece.charAt(0).toUpperCase() + piece.slice(1);
    s += piece;
    if (random() < 0.01) s += refused[Math.floor(random() * refused.length)];
  }
  return s;
}

describe('literal scanner', () => {
  it('finds literals case-insensitively, overlapping, with whitespace runs as one space', () => {
    expect(scanned([['sleep'], ['ep qu']], 'Deep SLEEP   quality')).toEqual([[10, 1], [15, 2]]);
    expect(scanned([['brain'], ['brain age'], ['rain']], 'BRAIN  age')).toEqual([[5, 5], [10, 2]]);
  });
  it('folds curly quotes and dashes as normalization does', () => {
    expect(scanned([["don't get enough"], ['side-effect'], ['magnesium-']], 'don’t  get enough side–effect Magnesium—')).toEqual([
      [17, 1],
      [29, 2],
      [40, 4],
    ]);
  });
  it('holds "^" literals to a word start, counting lowercase-to-capital as one', () => {
    expect(scanned([['^age']], 'package age cartAge')).toEqual([[11, 1], [19, 1]]);
  });
  it('refuses text that needs normalization first', () => {
    expect(scanned([['sleep']], 'sle\u00ADep')).toBeNull();
    expect(scanned([['sleep']], 'ｓｌｅｅｐ')).toBeNull();
    expect(scanned([['sleep']], 'ﬁne 𝐬𝐥𝐞𝐞𝐩')).toBeNull();
    expect(scanned([['sleep']], 'Schlaf für Kinder ★ — “gut” 😀')).toEqual([]);
  });
  it('counts only literals wholly inside [from, to)', () => {
    expect(scanned([['brain'], ['blood-brain']], 'the blood-brain barrier', 6, 15)).toEqual([[15, 1]]);
    expect(scanned([['brain']], 'the blood-brain barrier', 0, 14)).toEqual([]);
  });
  it('refuses literals it cannot read', () => {
    expect(() => literalScanner([['café']])).toThrow();
    expect(() => literalScanner([['^two words']])).toThrow();
    expect(() => literalScanner([['--']])).toThrow();
  });

  it('agrees with one regex per literal on 2,000 generated texts, whole and in parts', () => {
    const random = rng(2026);
    for (let i = 0; i < 2000; i++) {
      const text = generatedText(random);
      expect(scanned(GROUPS, text), JSON.stringify(text)).toEqual(model(GROUPS, text));
      const from = Math.floor(random() * text.length);
      const to = from + Math.floor(random() * (text.length - from + 1));
      expect(scanned(GROUPS, text, from, to), JSON.stringify([text, from, to])).toEqual(model(GROUPS, text, from, to));
    }
  });

  it('agrees with one regex per literal on every fixture page', () => {
    for (const [name, html] of fixturePages()) {
      const text = parseHTML(html).document.body?.textContent ?? '';
      expect(scanned(GROUPS, text), name).toEqual(model(GROUPS, text));
    }
  });

  // The prefilter's scanner is made from a table generated with its anchors
  // (anchors.generated.ts), not worked out on the page: it must be the scanner
  // those anchors make, group by group, or a page would miss a candidate.
  it("made from the prefilter's generated table, finds what one regex per literal finds on every fixture page and 500 generated texts, group by group", () => {
    const groups = [...CLAIM_PATTERNS.map((p) => [...PATTERN_ANCHORS[p.claim]]), [...NAME_ANCHORS]];
    expect(PREFILTER_SCANNER).toEqual(scannerTable(groups));
    const fromTable = scannerFromTable(PREFILTER_SCANNER);
    const hits = (text: string): Hits => {
      const out: Array<[number, number]> = [];
      return fromTable.scan(text, (end, mask) => out.push([end, mask])) ? out : null;
    };
    const random = rng(31);
    const texts = [...fixturePages().map(([, html]) => parseHTML(html).document.body?.textContent ?? ''), ...Array.from({ length: 500 }, () => generatedText(random))];
    for (const text of texts) expect(hits(text), JSON.stringify(text.slice(0, 80))).toEqual(model(groups, text));
  });

  it('a table survives being written out as JSON: the scanner made from its copy finds the same', () => {
    const table = scannerTable(GROUPS);
    const copy = scannerFromTable(JSON.parse(JSON.stringify(table)));
    const original = literalScanner(GROUPS);
    const random = rng(7);
    for (let i = 0; i < 300; i++) {
      const text = generatedText(random);
      const out: Array<[number, number]> = [];
      const done = copy.scan(text, (end, mask) => out.push([end, mask]));
      expect(done ? out : null).toEqual(scanned(GROUPS, text));
      expect(copy.holds(text)).toBe(original.holds(text));
    }
  });
});

/** What `holds` must say: whether the model finds any literal, or refuses the text. */
function modelHolds(groups: string[][], text: string): boolean {
  const hits = model(groups, text);
  return hits === null || hits.length > 0;
}

describe('literal scanner: holds (any literal at all?)', () => {
  it('says what scanning says, on 2,000 generated texts, their upper-cased forms and a few words', () => {
    const random = rng(2027);
    const scanner = literalScanner(GROUPS);
    let held = 0;
    for (let i = 0; i < 2000; i++) {
      const whole = generatedText(random);
      const from = Math.floor(random() * whole.length);
      for (const text of [whole, whole.toUpperCase(), whole.slice(from, from + 12)]) {
        const expected = modelHolds(GROUPS, text);
        expect(scanner.holds(text), JSON.stringify(text)).toBe(expected);
        if (expected) held++;
      }
    }
    // Both answers occur often: a model that says one thing always would fail.
    expect(held).toBeGreaterThan(1000);
    expect(held).toBeLessThan(5000);
  });
  it('says what scanning says on every fixture page\'s blocks of text, and on text longer than it looks through key by key', () => {
    const scanner = literalScanner(GROUPS);
    for (const [name, html] of fixturePages()) {
      const body = parseHTML(html).document.body;
      for (const el of Array.from(body?.querySelectorAll('p, li, h1, h2, h3, td, div') ?? [])) {
        const text = el.textContent ?? '';
        expect(scanner.holds(text), `${name}: ${text.slice(0, 80)}`).toBe(modelHolds(GROUPS, text));
      }
    }
    const filler = 'Zippy quokka jumps; fox quiz wax. '.repeat(200);
    expect(scanner.holds(filler)).toBe(false);
    expect(scanner.holds(`${filler}Neuro-Mag`)).toBe(true);
    expect(scanner.holds(`${filler.slice(0, 3000)}Neuro-Mag`)).toBe(true);
  });
  it('says what scanning says on long texts searched in pieces: a literal across a piece\'s end, far in, or at the very end', () => {
    const scanner = literalScanner(GROUPS);
    const filler = 'Zippy quokka jumps; fox quiz wax. '.repeat(8_000); // ~270,000 characters, over four pieces of 65,536
    expect(scanner.holds(filler)).toBe(false);
    for (const at of [0, 65_530, 65_536, 131_070, 200_000, filler.length]) {
      for (const literal of ['Neuro-Mag', 'blood-brain barrier', 'sle\u00ADep']) {
        const text = `${filler.slice(0, at)}${literal}${filler.slice(at)}`;
        expect(scanner.holds(text), `${literal} at ${at}`).toBe(modelHolds(GROUPS, text));
        expect(scanner.holds(text)).toBe(true);
      }
    }
    // A word-start literal right after a piece's end counts only at a word start, as in the whole text.
    const glued = `${filler.slice(0, 65_535)}x${'age '.repeat(3)}`;
    expect(scanner.holds(glued)).toBe(modelHolds(GROUPS, glued));
  });
  it('holds word-start and surrounding parts of a literal as scanning does', () => {
    const scanner = literalScanner([['^age'], ['blood-brain'], ["don't get enough"]]);
    expect(scanner.holds('package')).toBe(false);
    expect(scanner.holds('add to cartAge')).toBe(true);
    expect(scanner.holds('BLOOD–BRAIN')).toBe(true);
    expect(scanner.holds('blood brain')).toBe(false);
    expect(scanner.holds('DON’T  get ENOUGH')).toBe(true);
    expect(scanner.holds('sle\u00ADep')).toBe(true); // may hold: it needs normalizing first
  });
  it('reads text whose lower-casing changes its length ("İ") as scanning does', () => {
    const scanner = literalScanner([['^age'], ['sleep']]);
    expect(scanner.holds('İ age')).toBe(true); // a word starts at 2, which lower-cased text puts at 3
    expect(scanner.holds('İyi SLEEP')).toBe(true);
    expect(scanner.holds('İyi uyku')).toBe(false);
  });
  it('compiles no search for a short text: checked through the RegExp constructor', () => {
    const made: string[] = [];
    const Native = globalThis.RegExp;
    const Spy = new Proxy(Native, {
      construct(target, args: [string | RegExp, string?]) {
        made.push(String(args[0]));
        return new target(...args);
      },
    });
    globalThis.RegExp = Spy;
    try {
      const scanner = literalScanner(GROUPS);
      expect(scanner.holds('Magnesium L-threonate supports memory.')).toBe(true);
      expect(made.filter((source) => source.includes('|'))).toEqual([]);
      scanner.scan('Magnesium L-threonate supports memory.', () => undefined);
      expect(made.filter((source) => source.includes('|')).length).toBe(1);
    } finally {
      globalThis.RegExp = Native;
    }
  });
});

describe('risky.generated.ts', () => {
  it('is up to date (npm run gen:risky), or, under another Unicode version, lists only characters still refused', () => {
    if (process.versions.unicode === UNICODE_VERSION) {
      expect(readFileSync(new URL('../../src/core/text/risky.generated.ts', import.meta.url), 'utf8')).toBe(generate());
    } else {
      const listed = new RegExp(NFKC_ALNUM_CLASS, 'u');
      for (const ch of ['ｓ', 'ﬁ', '𝐬', '²', 'ª', 'Ⅳ', '①']) expect(listed.test(ch)).toBe(true);
    }
  });
  it('its part without the "u" flag refuses what the whole class refuses, for every code point, alone or in text with an emoji', () => {
    const whole = new RegExp(`${INVISIBLE.source}|${COMBINING.source}|${NFKC_ALNUM_CLASS}`, 'u');
    const differ: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (needsNormalizing(ch) !== whole.test(ch)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
    for (const text of ['Magnesium L-threonate 😀 supports memory.', 'Magnesium 😀 ｓupports memory.', 'Math 𝐬upports memory.', 'x\u00adthreonate 😀']) {
      expect(needsNormalizing(text), text).toBe(whole.test(text));
    }
  });
  it('agrees with the whole class on long texts, dense or sparse in characters beyond ASCII, wherever the refused one sits', () => {
    const whole = new RegExp(`${INVISIBLE.source}|${COMBINING.source}|${NFKC_ALNUM_CLASS}`, 'u');
    // Checked one by one while they are few; past that (another script), the class runs over the rest.
    const safe = ['é', '★', '’', '中', 'я', '😀'];
    const refused = ['ｓ', '\u00ad', '\u200b', '\u0301', '𝐬', 'ﬁ'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let checked = 0;
    for (const length of [40, 500, 5000]) {
      for (const dense of [0, 0.05, 0.5, 1]) {
        for (let trial = 0; trial < 12; trial++) {
          const chars: string[] = [];
          for (let i = 0; i < length; i++) chars.push(random(1000) < dense * 1000 ? (safe[random(safe.length)] as string) : 'abc def. '[random(9)] as string);
          if (trial % 3 !== 0) chars.splice(random(length), 0, refused[random(refused.length)] as string);
          const text = chars.join('');
          expect(needsNormalizing(text), `${length} ${dense} ${trial}`).toBe(whole.test(text));
          checked++;
        }
      }
    }
    expect(checked).toBe(144);
    // Every place in a text in another script, either side of where checking one by one stops.
    for (let i = 0; i <= 200; i++) {
      const text = '中'.repeat(i) + 'ｓ' + '中'.repeat(200 - i);
      if (!needsNormalizing(text)) throw new Error(`missed at ${i}`);
    }
    // At the very end of a text in another script, after the one-by-one budget is spent.
    expect(needsNormalizing('中'.repeat(4000) + 'ｓ')).toBe(true);
    expect(needsNormalizing('中'.repeat(4000) + '😀' + '中'.repeat(10) + '𝐬')).toBe(true);
    expect(needsNormalizing('中'.repeat(4000) + '😀')).toBe(false);
  });
  it('holds the characters whose NFKC form holds ASCII letters or digits, and not ordinary ones', () => {
    const listed = new RegExp(NFKC_ALNUM_CLASS, 'u');
    for (const ch of ['ｓ', 'ﬁ', '𝐬', '²', 'ª', 'Ⅳ', '①', 'ſ']) expect(listed.test(ch), ch).toBe(true);
    for (const ch of ['é', '★', '®', '™', '’', '—', '\u00a0', '😀', 'ß', 'ı']) expect(listed.test(ch), ch).toBe(false);
  });
});
