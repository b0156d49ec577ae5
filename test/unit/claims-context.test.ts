// Whether a page or section is about MgT, and whose claims a sentence makes.
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import { MAGNESIUM, MgtNameSearch, lookAtText, mayMentionMgt } from '../../src/core/claims/gate';
import { openHeadings } from '../../src/core/claims/context';
import { rng } from '../../bench/pages';
import type { Region, TextBlock } from '../../src/core/types';

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
    ['Magnesium glycinate is gentle', false],
    ['', false],
  ])('%j → %s', (text, expected) => expect(mayMentionMgt(text)).toBe(expected));
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
