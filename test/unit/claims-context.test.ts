// Whether a page or section is about MgT, and whose claims a sentence makes.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import { MAGNESIUM, MgtNameSearch, lookAtText, mayMentionMgt } from '../../src/core/claims/gate';
import { aboutMgtSteps, openHeadings } from '../../src/core/claims/context';
import { MGT_NAME } from '../../src/core/claims/names';
import { rawMentionsMgt } from '../../src/core/claims/subject';
import { runToEnd } from '../../src/core/steps';
import { rng } from '../../bench/pages';
import { CLAIM_IDS, type Region, type TextBlock } from '../../src/core/types';
import { extractPageData } from '../../src/extract';
import { parseHTML } from 'linkedom';
import { fixturePages } from './fixture-pages';
import { W, page as wordingPage, typeset } from './wordings';
import { spelledMgtName } from './arbitraries';

/** Whole numbers below `n`, from the bench's seeded generator (the same sequence on every run). */
function randomBelow(seed: number): (n: number) => number {
  const random = rng(seed);
  return (n) => Math.floor(random() * n);
}

const p = (text: string, region: Region = 'main'): TextBlock => ({ text, tag: 'p', headingLevel: 0, region });
const h = (text: string, level = 2): TextBlock => ({ text, tag: `h${level}`, headingLevel: level, region: 'main' });

describe('page and section context', () => {
  it('a page about magnesium glycinate only yields no claims', () => {
    const blocks = [
      h('Magnesium Glycinate: the gentle magnesium', 1),
      p('Magnesium glycinate is gentle on the stomach and does not act as a laxative.'),
      p('It supports restful sleep and a calm mood, and helps with muscle cramps.'),
      p('Magnesium is a cofactor in more than 300 enzyme systems. Most people are deficient.'),
      p('Clinically studied. Non-GMO. Safe for everyone.'),
    ];
    expect(detectClaims(blocks)).toEqual([]);
  });

  it('a page that names MgT only in its menu and footer yields none', () => {
    const blocks = [
      p('Shop: Magnesium Glycinate · Magnesium L-Threonate · Zinc', 'nav'),
      h('Vitamin D3 drops', 1),
      p('Supports healthy bones and immune function. Improves mood. Clinically proven.'),
      p('Related: Magtein Magnesium L-Threonate capsules', 'footer'),
    ];
    expect(detectClaims(blocks)).toEqual([]);
  });

  it('subjectless bullets under an MgT heading are MgT claims', () => {
    const blocks = [h('Why Magtein?', 2), p('Crosses the blood-brain barrier'), p('Supports memory and focus')];
    expect(detectClaims(blocks).map((m) => m.claim)).toEqual(['brain-uptake', 'memory', 'cognition']);
  });

  it('a section about another form is not about MgT, even on an MgT page', () => {
    const blocks = [
      h('Magnesium L-Threonate guide', 1),
      p('Magnesium L-threonate improves memory.'),
      h('Magnesium glycinate', 2),
      p('It is gentle on the stomach and helps with cramps.'),
    ];
    expect(detectClaims(blocks).map((m) => m.claim)).toEqual(['memory']);
  });

  it('"it" refers to the last named form', () => {
    const blocks = [p('Magnesium citrate is cheap. It improves sleep.'), p('Magnesium L-threonate is different. It improves memory.')];
    expect(detectClaims(blocks).map((m) => m.claim)).toEqual(['memory']);
  });

  it('general magnesium facts count on an MgT page, not elsewhere', () => {
    const mgt = [h('Magnesium L-Threonate', 1), p('Magnesium is a cofactor in over 300 enzymes.')];
    const other = [h('Minerals', 1), p('Magnesium is a cofactor in over 300 enzymes.')];
    expect(detectClaims(mgt).map((m) => m.claim)).toEqual(['magnesium-biology']);
    expect(detectClaims(other)).toEqual([]);
  });

  it('survives invisible characters and typographic variants', () => {
    const text = 'Magnesium L\u2011Threo\u00ADnate cross\u200Bes the blood\u2013brain\u00A0barrier and im\u00ADproves memory.';
    const ms = detectClaims([p(text)]);
    expect(ms.map((m) => m.claim)).toEqual(['brain-uptake', 'memory']);
    const m = ms[0]!;
    expect(text.slice(m.matchStart, m.matchEnd)).toBe('cross\u200Bes the blood\u2013brain\u00A0barrier');
  });

  it('takes a name with a typeset hyphen for a name: in whether the page is about MgT, and in detection', () => {
    // (Round 36: "Neuro\u2011Mag" with a non-breaking hyphen was no name to either.)
    for (const dash of ['\u2010', '\u2011', '\u2013']) {
      const name = `Neuro${dash}Mag`;
      expect(runToEnd(aboutMgtSteps([p(`${name}, two capsules a day.`), p(`${name} is sold by Life Extension.`)], '')), name).toBe(true);
      expect(detectClaims([p(`${name} delivers magnesium directly into the brain.`)]).map((m) => m.claim), name).toEqual(['brain-uptake']);
    }
    expect(runToEnd(aboutMgtSteps([p('Magnesium, two capsules a day.'), p('Sold by Life Extension.')], ''))).toBe(false);
  });

  it('handles BBB and fullwidth letters (NFKC)', () => {
    expect(detectClaims([p('ＭｇＴ crosses the BBB.')]).map((m) => m.claim)).toEqual(['brain-uptake']);
  });
});

describe('the content script gate', () => {
  it.each([
    ['Magtein improves memory', true],
    ['Mag\u00ADtein improves memory', true],
    ['Magne\u200Bsium L-threo\u200Bnate', true],
    ['ＭａｇＴｅｉｎ', true],
    ['mag t knocked me out', true],
    ['Neuro\u2011Mag capsules', true],
    ['Neuro\u2010Mag', true],
    ['Mag\u2011T at night', true],
    ['L\u2011TAMS', true],
    ['Neuro\u2011Magnet', true], // (as "neuromagnet": the gate only opens the scan, which finds no name there)
    ['Magnesium glycinate is gentle', false],
    ['', false],
  ])('%j → %s', (text, expected) => expect(mayMentionMgt(text)).toBe(expected));

  it('opens on every page where detection finds a claim: each fixture page, each wording plain and typeset', () => {
    // The gate closed is a page never read: it must never be closed where `scan` finds claims.
    const pages: Array<[string, string, TextBlock[], string]> = fixturePages().map(([name, html]) => {
      const { document } = parseHTML(html);
      const { page: data } = extractPageData(document as unknown as Document, null);
      return [name, `${document.title} ${document.body?.textContent ?? ''}`, data.blocks, data.title];
    });
    for (const id of CLAIM_IDS) {
      for (const c of [...W[id].yes, ...W[id].no]) {
        for (const blocks of [wordingPage(c), wordingPage(c).map((b) => ({ ...b, text: typeset(b.text) }))]) {
          pages.push([`${id}: ${blocks.map((b) => b.text).join(' / ')}`, blocks.map((b) => b.text).join(' '), blocks, '']);
        }
      }
    }
    let read = 0;
    for (const [name, text, blocks, title] of pages) {
      if (detectClaims(blocks, { title }).length === 0) continue;
      read++;
      expect(mayMentionMgt(text), name).toBe(true);
    }
    expect(read).toBeGreaterThan(200);
  });

  it('opens whenever detection would find a name: random words of names, joined by random separators, in random case', () => {
    const text = spelledMgtName.map((name) => `I take ${name} daily.`);
    fc.assert(
      fc.property(text, (t) => !rawMentionsMgt(t) || mayMentionMgt(t)),
      { numRuns: 5000, seed: 39 },
    );
  });

  it('opens for every name detection knows (names.ts), each way it may be written', () => {
    // One or more spellings per alternative of MGT_NAME; each alternative must match one.
    const spellings = [
      'Magnesium L-threonate', 'magnesium threonate', 'Magnesium L threonine', 'magnesium-l-threonic',
      'Mg L-threonate', 'L-threonate', 'L threonate', 'threonate', 'L-threonic acid magnesium salt',
      'MgT', 'Mag T', 'Mag-T', 'magt', 'Magtein', 'Neuro-Mag', 'Neuro Mag', 'NeuroMag', 'L-TAMS', 'MMFS-01', 'MMFS 01', 'MagTech',
    ];
    // MGT_NAME's alternatives: split at the bars outside any group.
    const alternatives: string[] = [];
    let depth = 0;
    let from = 0;
    const src = MGT_NAME.source;
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '|' && depth === 0) {
        alternatives.push(src.slice(from, i));
        from = i + 1;
      }
    }
    alternatives.push(src.slice(from));
    expect(alternatives.length).toBeGreaterThan(10);
    for (const alt of alternatives) {
      const re = new RegExp(alt, 'i');
      expect(spellings.some((s) => re.test(s)), alt).toBe(true);
    }
    for (const s of spellings) {
      expect(rawMentionsMgt(`I take ${s} at night.`), s).toBe(true);
      expect(mayMentionMgt(`I take ${s} at night.`), s).toBe(true);
    }
  });

  it.each([
    ['neuro\u200B\uFF0Dmag sleep', true],
    ['Neuro\uFF0DMag', true],
    ['m\u200B\u200B\u200B\u200B\u200Bg\u00AD\u00AD\u00ADt', true],
    ['\u05DE\u05D2\u05E0\u05D6\u05D9\u05D5\u05DD \u200FMag\u200Ftein\u200F \u05DC\u05D6\u05D9\u05DB\u05E8\u05D5\u05DF', true],
    ['\u05DE\u05D2\u05E0\u05D6\u05D9\u05D5\u05DD\u200F \u202B\u0645\u063A\u0646\u064A\u0633\u064A\u0648\u0645\u202C \u200E500 mg\u200E', false],
    ['\u30DE\u30B0\u30CD\u30B7\u30A6\u30E0\uFF08\u30B0\u30EA\u30B7\u30F3\u9178\uFF09\uFF1A\uFF15\uFF10\uFF10\u3000mg\uFF01', false],
  ])('hidden by separators, or not hidden in right-to-left and CJK text: %j → %s', (text, expected) => expect(mayMentionMgt(text)).toBe(expected));

  it('finds a name hidden far down a long text, or by a long run of invisible characters', () => {
    const rtl = '\u05DE\u05D2\u05E0\u05D6\u05D9\u05D5\u05DD\u200F Mg\u200F \u05DC\u05E9\u05D9\u05E0\u05D4. '.repeat(300);
    expect(mayMentionMgt(rtl)).toBe(false);
    expect(mayMentionMgt(`${rtl}Neuro\u00AD-Mag ${rtl}`)).toBe(true);
    expect(mayMentionMgt(`${rtl}m${'\u200B'.repeat(100)}gt`)).toBe(true);
    expect(mayMentionMgt(`${rtl}xm\u200Bgt`)).toBe(false);
    // Soft hyphens in every word: past a few hundred places, the rest is normalized in one go.
    const hyphenated = 'die Kranken\u00ADversicherung, ein umfang\u00ADreiches Paket; '.repeat(1000);
    expect(mayMentionMgt(hyphenated)).toBe(false);
    expect(mayMentionMgt(`${hyphenated}Mag\u00ADtein`)).toBe(true);
    expect(mayMentionMgt(`Ｍａｇ${hyphenated}`)).toBe(false);
  });

  it('normalizes no text whose unusual characters cannot hide a name (bidi marks between Hebrew words, fullwidth punctuation)', () => {
    const normalize = vi.spyOn(String.prototype, 'normalize');
    try {
      const rtl = '\u05DE\u05D2\u05E0\u05D6\u05D9\u05D5\u05DD\u200F \u05DC\u05E9\u05D9\u05E0\u05D4\u202B \u0645\u063A\u0646\u064A\u0633\u064A\u0648\u0645\u202C. '.repeat(200);
      const cjk = '\u30DE\u30B0\u30CD\u30B7\u30A6\u30E0\uFF08\u30B0\u30EA\u30B7\u30F3\u9178\uFF09\uFF1A\u7761\u7720\uFF01 '.repeat(200);
      expect([rtl, cjk].map(mayMentionMgt)).toEqual([false, false]);
      expect(normalize).not.toHaveBeenCalled();
    } finally {
      normalize.mockRestore();
    }
  });

  it('answers as normalizing every text with an unusual character did, on texts made of names, their pieces, separators and hiding characters', () => {
    const unusual = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFF01-\uFF5E]/;
    const invisible = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
    // (Every name detection knows since round 39: "MagTech", and "Neuro Mag" with a space.)
    const gate = /threon|mag(?:tein|tech)|neuro[\s\-\u2010-\u2015\u2212]?mag|\bmgt\b|\bmag[\s\-\u2010-\u2015\u2212]?t\b|l[-\u2010-\u2015\u2212]tams|mmfs/i;
    const before = (text: string): boolean => gate.test(text) || (unusual.test(text) && gate.test(text.replace(invisible, '').normalize('NFKC')));
    const fullwidth = (ch: string): string => (/[!-~]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch);
    const parts = ['mag', 'tein', 'threo', 'nate', 'neuro', 'mgt', 'mg', 't', 'l', 'tams', 'mmfs', '-', '\u2011', '\u2013', ' ', '\u00AD', '\u200B', '\u200F', '\u202B', '\uFF0D', '\uFF0C', '\uFF08', '\u05D0', '\u0645', '\u30DE', '.', 'x', '7', '_'];
    // (Long stretches too: a page's text is normalized only around what may hide a name.)
    const fillers = ['lorem ipsum dolor sit amet, consectetur ', 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz', '\u05D0\u05D1\u05D2 \u200F\u05D3\u05D4 '.repeat(4), '\u200B'.repeat(40)];
    const random = randomBelow(7);
    let named = 0;
    for (let k = 0; k < 10_000; k++) {
      let text = '';
      for (let n = 1 + random(k % 2 === 0 ? 8 : 40); n > 0; n--) {
        const part = random(6) === 0 ? (fillers[random(fillers.length)] as string) : (parts[random(parts.length)] as string);
        text += random(5) === 0 ? [...part].map(fullwidth).join('') : part;
      }
      expect(mayMentionMgt(text), JSON.stringify(text)).toBe(before(text));
      if (before(text) && !gate.test(text)) named++;
    }
    expect(named).toBeGreaterThan(100); // (names hidden only by what normalization undoes: the case that matters)
  });
});

describe('MgtNameSearch (the gate on a huge page, piece by piece as it is read)', () => {
  const run = (pieces: string[], titled = false): boolean => {
    const names = new MgtNameSearch(titled);
    for (const piece of pieces) names.see(piece);
    return names.found;
  };
  it('finds a name inside a piece, or cut in two between pieces, even across tiny pieces', () => {
    expect(run(['Shop our range. ', 'Magtein 144 mg'])).toBe(true);
    expect(run(['Buy Mag', 'tein today'])).toBe(true);
    expect(run(['Magnesium L-thr', 'e', 'o', 'nate'])).toBe(true);
    expect(run(['Magnesium citrate', ' and glycinate'])).toBe(false);
    expect(run([])).toBe(false);
    expect(run([], true)).toBe(true); // the title named it
  });
  it('says the same as one test of the joined text', () => {
    const text = 'Reviews: great sleep. Magnesium L-threonate (Magtein) 2 g a day. Neuro-Mag.';
    for (let cut = 1; cut < text.length; cut += 3) {
      expect(run([text.slice(0, cut), text.slice(cut)])).toBe(mayMentionMgt(text));
    }
  });
});

describe('lookAtText (the gate: names of MgT, and magnesium, in one scan)', () => {
  const texts = [
    'Garden hose, 30 m. Ships in two days.',
    'Home › Minerals › Magnesium. Our range, shipped free.',
    'Magnésium bisglycinate, 200 mg.',
    'Magnesium L-threonate (Magtein) 2 g a day.',
    'Our magnesium glycinate sells out; magtein is back in stock.',
    'Magnesium L-\u00ADthreonate, hidden by a soft hyphen.',
    'Ｍａｇｔｅｉｎ in fullwidth letters, then magnesium.',
    'Neuro-Mag: magnesium for the mind.',
    // A character that may hide a name first, then a name or magnesium as written (or hidden):
    'Caf\u00E9\u200B menu \u2014 Magtein 144 mg.',
    '\u05D0\u200F\u05D1 magnesium glycinate, then Neuro\u2011Mag.',
    '\uFF08note\uFF09 Magnesium citrate only.',
    '\u200B\u200B zero-width spaces, then Mag\u00ADtein.',
    '\uFF0C then magnesium, then Ｍａｇｔｅｉｎ.',
    'Magnesium first, then \u200F a mark, then nothing more.',
    '',
  ];
  it('names MgT exactly when mayMentionMgt does, and says magnesium exactly when the text does and names no form', () => {
    for (const text of texts) {
      const look = lookAtText(text);
      expect(look.named, text).toBe(mayMentionMgt(text));
      expect(look.magnesium, text).toBe(!look.named && MAGNESIUM.test(text));
    }
  });
  it('gives the same answers called again (its regular expressions keep no place between calls)', () => {
    const once = texts.map(lookAtText);
    expect(texts.map(lookAtText)).toEqual(once);
  });
  it('agrees with mayMentionMgt and a magnesium test on random texts of names, magnesium and hiding characters in any order', () => {
    const parts = ['Magtein', 'mag', 'tein', 'threonate', 'magnesium', 'Magn\u00E9sium', 'magne', 'sium', 'Neuro', '-Mag', '\u00AD', '\u200B', '\u200F', '\uFF0C', '\uFF2D\uFF47\uFF34', '\u05D0', ' ', '. ', 'hose', '\u2014', 'x'];
    const random = randomBelow(11);
    let hidden = 0;
    for (let k = 0; k < 5_000; k++) {
      let text = '';
      for (let n = 1 + random(12); n > 0; n--) text += parts[random(parts.length)];
      const look = lookAtText(text);
      expect(look.named, JSON.stringify(text)).toBe(mayMentionMgt(text));
      expect(look.magnesium, JSON.stringify(text)).toBe(!look.named && MAGNESIUM.test(text));
      if (look.named && !/threon|mag(?:tein|tech)|neuro-?mag/i.test(text)) hidden++;
    }
    expect(hidden).toBeGreaterThan(50); // (names found only once normalized, after a hiding character: the branch that matters)
  });
});

describe('MgtNameSearch.magnesium (a huge page that says magnesium, piece by piece)', () => {
  const said = (pieces: string[]): boolean => {
    const names = new MgtNameSearch();
    for (const piece of pieces) names.see(piece);
    return names.magnesium;
  };
  it('is true when a piece, or a seam between two, says magnesium and none names a form', () => {
    expect(said(['Shop our range. ', 'Minerals › Magnesium'])).toBe(true);
    expect(said(['Minerals › Magn', 'esium'])).toBe(true);
    expect(said(['Magnesium citrate', ' and more'])).toBe(true);
    expect(said(['Garden hose', ' and more'])).toBe(false);
    expect(said(['Magnesium citrate', ' and Magtein'])).toBe(false); // named: not asked
    expect(said([])).toBe(false);
  });
});

describe('openHeadings', () => {
  it('with jumps over headings that cannot count, finds what the step-by-step walk finds', () => {
    const random = rng(7);
    for (let round = 0; round < 2000; round++) {
      // Levels 0 (not a section start) to 6; some headings "skipped" only by the slow check.
      const n = Math.floor(random() * 40);
      const cheap = Array.from({ length: n }, () => Math.floor(random() * 7));
      const skipped = cheap.map(() => random() < 0.2);
      const levelBelow = (i: number, below: number): number => {
        const l = cheap[i] as number;
        return l === 0 || l >= below || skipped[i] ? 0 : l;
      };
      const previous = (i: number, below: number): number => {
        for (let j = i; j >= 0; j--) if ((cheap[j] as number) > 0 && (cheap[j] as number) < below) return j;
        return -1;
      };
      const count = Math.floor(random() * (n + 1));
      const own = 1 + Math.floor(random() * 7);
      expect(openHeadings(count, levelBelow, own, previous)).toEqual(openHeadings(count, levelBelow, own));
    }
  });
});
