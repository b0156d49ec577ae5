// Rescanning only the section around a change must give exactly what a full
// scan of the changed page gives — on real-world-like pages, under random edits.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { detectClaims, type SubjectState } from '../../src/core/claims/detect';
import type { TextBlock } from '../../src/core/types';
import { extractPageData } from '../../src/extract';
import { aboutMgt } from '../../src/core/claims/context';
import { detectSectionsSteps, rescanSectionsSteps, sameBlocks, type Detected, type SectionEdit, type WindowState } from '../../src/core/claims/sections';
import { sharedPrefixLength, sharedSuffixLength, textWindows } from '../../src/core/text/windows';
import { benchPages, generatePage } from '../../bench/pages';
import { runToEnd } from '../../src/core/steps';
import { randomEditor } from './random-edits';
import { withCountedSentences } from './counted-sentences';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

function pageOf(html: string): { blocks: TextBlock[]; title: string } {
  const { document } = parseHTML(html);
  const { page } = extractPageData(document as unknown as Document, null);
  return { blocks: page.blocks, title: page.title };
}

function run(blocks: TextBlock[], title: string, before: Detected, edits: SectionEdit[]): Detected | null {
  return runToEnd(rescanSectionsSteps(blocks, title, before, edits));
}

/** A rescan's result, and how many steps it took: detection yields once per block it reaches, and once per window of a huge block. */
function counted(blocks: TextBlock[], title: string, before: Detected, edits: SectionEdit[]): { got: Detected | null; reached: number } {
  const steps = rescanSectionsSteps(blocks, title, before, edits);
  let reached = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) reached++;
  return { got: step.value, reached };
}

function full(blocks: TextBlock[], title: string): Detected {
  const states: SubjectState[] = [];
  const windows = new WeakMap<TextBlock, WindowState[]>();
  const matches = detectClaims(blocks, {
    title,
    onBlockEnd: (i, state) => (states[i] = state),
    onWindowEnd: (i, end, state) => {
      const b = blocks[i] as TextBlock;
      if (!windows.has(b)) windows.set(b, []);
      windows.get(b)!.push({ end, state });
    },
  });
  return { matches, about: aboutMgt(blocks, title), title, states, windows };
}

const pages: Array<[string, string]> = [
  ['seed', readFileSync(resolve(FIXTURES, 'seed.html'), 'utf8')],
  ...readdirSync(resolve(FIXTURES, 'corpus'))
    .filter((f) => f.endsWith('.html'))
    .map((f): [string, string] => [f, readFileSync(resolve(FIXTURES, 'corpus', f), 'utf8')]),
  ['bench 100 KB', generatePage(benchPages()[0]!)],
  [
    // Nested sections: a subsection's subject comes from the heading above it.
    'nested sections',
    `<html><head><title>Magnesium guide</title></head><body><main>
      <h1>Magnesium L-threonate (Magtein)</h1><p>Magtein crosses the blood-brain barrier.</p>
      <h2>Other forms of magnesium</h2><p>Some people take it for sleep.</p>
      <h3>For sleep</h3><p>It improves sleep quality.</p><p>It reduces anxiety and stress.</p><p>It helps memory.</p>
      <h2>Magnesium L-threonate and the brain</h2>
      <h3>Memory</h3><p>It improves memory in older adults.</p><p>It helps you sleep deeply.</p>
      <h3>Mood</h3><p>It lifts your mood.</p><p>Most users report calm focus.</p>
    </main></body></html>`,
  ],
];

describe('detectSectionsSteps (section windows)', () => {
  for (const [name, html] of pages) {
    it(`equals a full scan: ${name}`, () => {
      const { blocks, title } = pageOf(html);
      const expected = full(blocks, title);
      // A page with claims (one corpus page is about another form and has none).
      if (name !== 'glycinate-only.html') expect(expected.matches.length).toBeGreaterThan(0);
      // Tiny windows (every section alone) and the default.
      expect(runToEnd(detectSectionsSteps(blocks, title, 1))).toEqual(expected);
      expect(runToEnd(detectSectionsSteps(blocks, title))).toEqual(expected);
    });
  }
});

describe('rescanSectionsSteps', () => {
  for (const [name, html] of pages) {
    it(`equals a full scan after random edits: ${name}`, () => {
      const { blocks: original, title } = pageOf(html);
      const edit = randomEditor(original, name.length * 7919);
      const blocks = [...original];
      let state = full(blocks, title);
      let incremental = 0;
      for (let round = 0; round < 40; round++) {
        const edits = edit(blocks);
        const expected = full(blocks, title);
        const got = run(blocks, title, state, edits);
        if (got !== null) {
          incremental++;
          expect(got.matches).toEqual(expected.matches);
          expect(got.about).toBe(expected.about);
          // And the state after every block, which the next rescan resumes from: the
          // rounds chain rescans, each from the one before.
          expect(got.states).toEqual(expected.states);
        }
        state = got ?? expected;
      }
      // Most edits (no heading touched, no flip of "about MgT") take the fast path.
      expect(incremental).toBeGreaterThan(10);
    });
  }

  it('a new title: kept, with no edit, while the page stays (not) about MgT; a full scan when it flips that', () => {
    // One mention, no heading naming MgT: only a title naming it makes the page about MgT.
    const { blocks } = pageOf('<html><head><title>Shop</title></head><body><main><p>Magtein improves memory.</p><p>It helps you sleep.</p></main></body></html>');
    const state = full(blocks, 'Shop');
    expect(state.about).toBe(false);
    // A chat's "(1) New message" in the title, twice: no edit to the blocks.
    const notified = run(blocks, '(1) Shop', state, []);
    expect(notified).toEqual(full(blocks, '(1) Shop'));
    expect(run(blocks, '(2) Shop', notified!, [])).toEqual(full(blocks, '(2) Shop'));
    // A title naming MgT makes the page about it: the rescan cannot keep the matches.
    expect(run(blocks, 'Magtein — Shop', state, [])).toBeNull();
    const about = full(blocks, 'Magtein — Shop');
    expect(about.about).toBe(true);
    expect(run(blocks, 'Shop', about, [])).toBeNull();
    // About MgT through its blocks too: the title's going changes nothing.
    const twice = pageOf('<html><body><main><p>Magtein improves memory.</p><p>Magtein helps you sleep.</p></main></body></html>').blocks;
    expect(run(twice, 'Shop', full(twice, 'Magtein — Shop'), [])).toEqual(full(twice, 'Shop'));
  });

  it('resumes right before the change: a paragraph added after a huge block does not detect the block again', async () => {
    // A page whose text is one huge block (a plain-text file), and a paragraph added after it.
    const huge = 'Magtein is magnesium L-threonate. The weather was mild and the shop opened at nine. '.repeat(25_000);
    const blocks: TextBlock[] = [
      { text: 'Notes', tag: 'h1', headingLevel: 1, region: 'main' },
      { text: huge, tag: 'pre', headingLevel: 0, region: 'main' },
    ];
    const state = full(blocks, 'Notes');
    const para: TextBlock = { text: 'It improves memory.', tag: 'p', headingLevel: 0, region: 'main' };
    const next = [...blocks, para];
    let split = 0;
    await withCountedSentences(
      () => import('../../src/core/claims/sections'),
      (sections, counter) => {
        const got = runToEnd(sections.rescanSectionsSteps(next, 'Notes', state, [{ at: 2, removed: [], added: [para] }]));
        split = counter.chars;
        // "It" is MgT, carried from the last sentence of the huge block that named it.
        expect(got?.matches).toEqual(full(next, 'Notes').matches);
        expect(got?.matches.at(-1)?.claim).toBe('memory');
        expect(got?.states).toEqual(full(next, 'Notes').states);
      },
    );
    expect(split).toBeLessThan(100);
  });

  it('a paragraph added before a huge block, leaving the subject as it was: the huge block is not detected again', () => {
    // A plain-text file in a <pre> after an introduction; a note added between them.
    const huge = 'The shop opened at nine. Magtein improves memory. '.repeat(20_000);
    const blocks: TextBlock[] = [
      { text: 'Notes', tag: 'h1', headingLevel: 1, region: 'main' },
      { text: 'Magtein is magnesium L-threonate.', tag: 'p', headingLevel: 0, region: 'main' },
      { text: huge, tag: 'pre', headingLevel: 0, region: 'main' },
    ];
    const state = full(blocks, 'Notes');
    const para: TextBlock = { text: 'The weather was mild.', tag: 'p', headingLevel: 0, region: 'main' };
    const next = [...blocks];
    next.splice(2, 0, para);
    const { got, reached } = counted(next, 'Notes', state, [{ at: 2, removed: [], added: [para] }]);
    const expected = full(next, 'Notes');
    expect(got?.matches).toEqual(expected.matches);
    expect(got?.matches.length).toBe(20_000);
    expect(got?.states).toEqual(expected.states);
    // The paragraph alone; the huge block's ~60 windows would be as many steps more.
    expect(reached).toBeLessThan(5);
  });

  it('a paragraph that changes the subject for one block: detection ends at the block that sets it back, before a huge block', () => {
    const huge = 'It helps you sleep. The shop opened at nine. '.repeat(20_000);
    const blocks: TextBlock[] = [
      { text: 'Notes', tag: 'h1', headingLevel: 1, region: 'main' },
      { text: 'Magtein is magnesium L-threonate.', tag: 'p', headingLevel: 0, region: 'main' },
      { text: 'Magnesium citrate is cheaper.', tag: 'p', headingLevel: 0, region: 'main' },
      { text: huge, tag: 'pre', headingLevel: 0, region: 'main' },
    ];
    const state = full(blocks, 'Notes');
    // The new paragraph changes what "it" is (glycinate, not MgT) up to the next block, which names citrate as before.
    const para: TextBlock = { text: 'Magnesium glycinate is gentler.', tag: 'p', headingLevel: 0, region: 'main' };
    const next = [...blocks];
    next.splice(2, 0, para);
    const { got, reached } = counted(next, 'Notes', state, [{ at: 2, removed: [], added: [para] }]);
    const expected = full(next, 'Notes');
    expect(got?.matches).toEqual(expected.matches);
    expect(got?.states).toEqual(expected.states);
    // The paragraph and the block after it; the huge block's ~60 windows would be as many steps more.
    expect(reached).toBeLessThan(8);
  });

  // A log in one <pre>: claims all through it, and subjects carried across window
  // cuts (after "Magnesium citrate …", "It" is citrate, and no claim about MgT).
  const dayOfLog = (i: number): string =>
    i % 7 === 3
      ? `Day ${i}: magnesium citrate is cheap. It improves sleep. The weather was mild. `
      : `Day ${i}: Magtein is magnesium L-threonate. It improves memory. The shop opened at nine. `;
  const log = Array.from({ length: 4_000 }, (_, i) => dayOfLog(i)).join('');
  const pre = (text: string): TextBlock => ({ text, tag: 'pre', headingLevel: 0, region: 'main' });

  it('resumes inside a huge block read again, after its last window that is as it was', async () => {
    const heading: TextBlock = { text: 'Notes', tag: 'h1', headingLevel: 1, region: 'main' };
    const after: TextBlock = { text: 'It reduces anxiety.', tag: 'p', headingLevel: 0, region: 'main' };
    let blocks = [heading, pre(log), after];
    let state = full(blocks, 'Notes');
    expect(textWindows(log).length).toBeGreaterThan(8);
    const edited = [
      log + 'Day 4000: it reduces stress. ', // appended: "it" is carried from the window before
      log + 'Day 4000: it reduces stress. Day 4001: magnesium citrate is cheap. It helps you sleep. ',
      log.slice(0, 150_000) + 'Magnesium L-threonate is not a laxative. ' + log.slice(150_000), // in the middle
      log.slice(0, 250_000), // cut short (a log rotated)
      'Magnesium citrate is cheap. It improves memory. ' + log, // at the start: no window is as it was
    ];
    const split: number[] = [];
    for (const text of edited) {
      await withCountedSentences(
        () => import('../../src/core/claims/sections'),
        (sections, counter) => {
          const old = blocks[1] as TextBlock;
          const fresh = pre(text);
          const next = [heading, fresh, after];
          const edit: SectionEdit = { at: 1, removed: [old], added: [fresh], unchangedPrefix: sharedPrefixLength(old.text, text) };
          const got = runToEnd(sections.rescanSectionsSteps(next, 'Notes', state, [edit]));
          const expected = full(next, 'Notes');
          expect(got?.matches).toEqual(expected.matches);
          expect(got?.states).toEqual(expected.states);
          expect(got?.windows.get(fresh)).toEqual(expected.windows.get(fresh));
          split.push(counter.chars);
          blocks = next;
          state = got!;
        },
      );
    }
    expect(state.matches.filter((m) => m.claim === 'memory').length).toBeGreaterThan(3_000);
    // Appended: around the candidates of the last window or two (~16–32 K each) and the
    // paragraph; in the middle: from the window there on; at the start: all of it.
    expect(split[0]).toBeLessThan(70_000);
    expect(split[1]).toBeLessThan(70_000);
    expect(split[2]).toBeLessThan(split[4]! * 0.7);
    expect(split[3]).toBeLessThan(100_000); // (the windows near the new end may be cut anew)
  });

  it('a block put in the middle of a huge block: detection resumes inside the first half, after its last window that is as it was', async () => {
    const heading: TextBlock = { text: 'Notes', tag: 'h1', headingLevel: 1, region: 'main' };
    const whole = pre(log);
    const blocks = [heading, whole];
    const state = full(blocks, 'Notes');
    const cut = log.indexOf('Day 2000:');
    const [first, second] = [pre(log.slice(0, cut)), pre(log.slice(cut))];
    const note: TextBlock = { text: 'It reduces anxiety, and magnesium citrate is cheap.', tag: 'div', headingLevel: 0, region: 'main' };
    const next = [heading, first, note, second];
    const expected = full(next, 'Notes');
    const chars: number[] = [];
    for (const unchangedPrefix of [sharedPrefixLength(whole.text, first.text), undefined]) {
      await withCountedSentences(
        () => import('../../src/core/claims/sections'),
        (sections, counter) => {
          const edit: SectionEdit = { at: 1, removed: [whole], added: [first, note, second], ...(unchangedPrefix !== undefined ? { unchangedPrefix } : {}) };
          const got = runToEnd(sections.rescanSectionsSteps(next, 'Notes', state, [edit]));
          expect(got?.matches).toEqual(expected.matches);
          expect(got?.states).toEqual(expected.states);
          expect(got?.windows.get(first)).toEqual(expected.windows.get(first));
          chars.push(counter.chars);
        },
      );
    }
    // The first half's windows before the cut are not split into sentences again.
    expect(chars[0]).toBeLessThan(chars[1]! * 0.7);
  });

  it('sharedPrefixLength: the first characters two texts share', () => {
    const a = 'x'.repeat(200_000);
    for (const at of [0, 1, 15, 16, 17, 65_535, 65_536, 65_537, 131_071, 199_999]) {
      const b = a.slice(0, at) + 'y' + a.slice(at + 1);
      expect(sharedPrefixLength(a, b)).toBe(at);
      expect(sharedPrefixLength(b, a)).toBe(at);
    }
    expect(sharedPrefixLength(a, a + 'tail')).toBe(a.length);
    expect(sharedPrefixLength(a.slice(0, 70_000), a)).toBe(70_000);
    expect(sharedPrefixLength('', a)).toBe(0);
  });

  it('sharedSuffixLength: the last characters two texts share', () => {
    const a = 'x'.repeat(200_000);
    for (const at of [0, 1, 15, 16, 17, 65_535, 65_536, 65_537, 131_071, 199_999]) {
      const b = a.slice(0, a.length - at - 1) + 'y' + a.slice(a.length - at);
      expect(sharedSuffixLength(a, b)).toBe(at);
      expect(sharedSuffixLength(b, a)).toBe(at);
    }
    expect(sharedSuffixLength(a, 'head' + a)).toBe(a.length);
    expect(sharedSuffixLength(a.slice(0, 70_000), a)).toBe(70_000);
    expect(sharedSuffixLength('', a)).toBe(0);
  });

  it('takes a section subject from the headings above the window', () => {
    const nested = pages.find(([n]) => n === 'nested sections')![1];
    const { blocks, title } = pageOf(nested);
    const state = full(blocks, title);
    // Paragraphs under "Other forms of magnesium" > "For sleep": "It" is another form there.
    const at = blocks.findIndex((b) => b.text.includes('It helps memory')) + 1;
    const para: TextBlock = { text: 'It reduces anxiety.', tag: 'p', headingLevel: 0, region: 'main' };
    const next = [...blocks];
    next.splice(at, 0, para);
    const got = run(next, title, state, [{ at, removed: [], added: [para] }]);
    expect(got).not.toBeNull();
    expect(got?.matches).toEqual(detectClaims(next, { title }));
    expect(got?.matches.some((m) => m.claim === 'anxiety-stress')).toBe(false);
  });

  it('a heading added or removed: detects up to the heading that closes it, not the whole page', () => {
    const { blocks, title } = pageOf(pages.find(([n]) => n === 'nested sections')![1]);
    const state = full(blocks, title);
    // "Other forms" opens a section about other forms: "It improves memory" under "Memory",
    // now inside it, is no longer MgT's.
    const heading: TextBlock = { text: 'Other forms', tag: 'h2', headingLevel: 2, region: 'main' };
    const at0 = blocks.findIndex((b) => b.text === 'Memory');
    const next = [...blocks];
    next.splice(at0, 0, heading);
    const added = run(next, title, state, [{ at: at0, removed: [], added: [heading] }]);
    expect(added?.matches).toEqual(detectClaims(next, { title }));
    expect(added?.matches.length).toBeLessThan(state.matches.length);
    expect(run(blocks, title, added!, [{ at: at0, removed: [heading], added: [] }])?.matches).toEqual(state.matches);

    // A heading's text set anew: only its own section, while it gives it the same
    // subject; up to the heading that closes it when it does not (its <h3>s too).
    const h2 = blocks.findIndex((b) => b.text === 'Magnesium L-threonate and the brain');
    const read = ['Magnesium L-threonate for the brain', 'Other forms and the brain'].map((text) => {
      const renamed = blocks.map((b, i) => (i === h2 ? { ...b, text } : b));
      let n = 0;
      const rescan = rescanSectionsSteps(renamed, title, state, [{ at: h2, removed: [blocks[h2]!], added: [renamed[h2]!] }]);
      let r = rescan.next();
      for (; !r.done; r = rescan.next()) n++;
      expect(r.value?.matches, text).toEqual(detectClaims(renamed, { title }));
      return n;
    });
    // Detection yields once per block it reads: the first reads the <h2>'s own section only.
    expect(read[0]).toBeLessThan(read[1]!);

    // A product card appended to a shop page of many (infinite scroll): its <h3> is closed
    // by the next card's, so only a few blocks are detected again.
    const shop = pageOf(generatePage(benchPages()[0]!));
    const before = full(shop.blocks, shop.title);
    const at = shop.blocks.findIndex((b, i) => i > shop.blocks.length / 2 && b.tag === 'h3');
    const card: TextBlock[] = [
      { text: 'Magtein capsules 90', tag: 'h3', headingLevel: 3, region: 'main' },
      { text: 'Magnesium L-threonate improves memory.', tag: 'p', headingLevel: 0, region: 'main' },
    ];
    const after = [...shop.blocks];
    after.splice(at, 0, ...card);
    let steps = 0;
    const rescan = rescanSectionsSteps(after, shop.title, before, [{ at, removed: [], added: card }]);
    let r = rescan.next();
    for (; !r.done; r = rescan.next()) steps++;
    expect(r.value?.matches).toEqual(detectClaims(after, { title: shop.title }));
    // Detection yields once per block it reads: a full one reads them all.
    expect(steps).toBeLessThan(after.length / 20);
  });

  it('rescans only the section when the added headings were there all along (a sparse index)', () => {
    const nested = pages.find(([n]) => n === 'nested sections')![1];
    const { blocks: whole, title } = pageOf(nested);
    // The index lacks the "Other forms" section (nothing under it mattered yet).
    const from = whole.findIndex((b) => b.text === 'Other forms of magnesium');
    const to = whole.findIndex((b, i) => i > from && b.headingLevel === 2);
    const blocks = [...whole.slice(0, from), ...whole.slice(to)];
    const state = full(blocks, title);
    // A paragraph appears under it: the heading is indexed with it.
    const para: TextBlock = { text: 'It improves sleep.', tag: 'p', headingLevel: 0, region: 'main' };
    const added = [whole[from]!, para];
    const next = [...blocks];
    next.splice(from, 0, ...added);
    const got = run(next, title, state, [{ at: from, removed: [], added, headingsWereThere: true }]);
    expect(got).not.toBeNull();
    expect(got?.matches).toEqual(detectClaims(next, { title }));
    // Without the promise, a new heading is detected up to the heading that closes it; so is a heading that went away.
    expect(run(next, title, state, [{ at: from, removed: [], added }])?.matches).toEqual(detectClaims(next, { title }));
    const gone = [...next];
    const removed = gone.splice(from, 2, para);
    expect(run(gone, title, full(next, title), [{ at: from, removed, added: [para], headingsWereThere: true }])?.matches).toEqual(
      detectClaims(gone, { title }),
    );
  });

  it('rescans only the section when a re-read block holds an unchanged heading', () => {
    const { blocks, title } = pageOf(generatePage(benchPages()[0]!));
    const state = full(blocks, title);
    // A product card re-read after a paragraph was added to it: its heading comes back as it was.
    const h = blocks.findIndex((b, i) => i > blocks.length / 2 && b.tag === 'h3');
    const para: TextBlock = { text: 'Magnesium L-threonate improves memory.', tag: 'p', headingLevel: 0, region: 'main' };
    const removed = blocks.slice(h, h + 3);
    const added = [...removed, para];
    const next = [...blocks];
    next.splice(h, 3, ...added);
    const got = run(next, title, state, [{ at: h, removed, added }]);
    expect(got).not.toBeNull();
    expect(got?.matches).toEqual(detectClaims(next, { title }));
  });

  // A page without headings is one section: everything after a paragraph added
  // mid-page was detected again. Detection now stops once the subject carried is as it was.
  const noHeadings = (n: number, text: (i: number) => string): TextBlock[] =>
    Array.from({ length: n }, (_, i) => ({ text: text(i), tag: 'p', headingLevel: 0, region: 'main' }));

  it('a paragraph added mid-page on a page without headings: detection stops once the subject carried is as it was', () => {
    // A thread about MgT: posts naming it, notes between them.
    const blocks = noHeadings(2_000, (i) => (i % 2 === 0 ? `Magtein helped me sleep, post ${i}.` : `The shop ships in two days, note ${i}.`));
    const state = full(blocks, 'Notes');
    const para: TextBlock = { text: 'Magnesium citrate is cheaper, though.', tag: 'p', headingLevel: 0, region: 'main' };
    const at = 1_001; // (after a note: the next block names MgT again)
    const next = [...blocks];
    next.splice(at, 0, para);
    const { got, reached } = counted(next, 'Notes', state, [{ at, removed: [], added: [para] }]);
    const expected = full(next, 'Notes');
    expect(got?.matches).toEqual(expected.matches);
    expect(got?.matches.length).toBe(1_000);
    expect(got?.states).toEqual(expected.states);
    // The new paragraph and the few blocks after it, not the ~1,000 after.
    expect(reached).toBeLessThan(30);
  });

  it('a paragraph added mid-page that makes the blocks after it about MgT: detected again up to the block that changes the subject', () => {
    // "It" after the new paragraph is MgT up to the next block naming another form.
    const blocks = noHeadings(600, (i) => (i % 50 === 0 ? `Magnesium citrate is cheap, says post ${i}.` : `It helps you sleep, says post ${i}.`));
    const state = full(blocks, 'Notes');
    expect(state.matches).toEqual([]);
    const para: TextBlock = { text: 'Magtein is magnesium L-threonate.', tag: 'p', headingLevel: 0, region: 'main' };
    const next = [...blocks];
    next.splice(301, 0, para);
    const got = run(next, 'Notes', state, [{ at: 301, removed: [], added: [para] }]);
    const expected = full(next, 'Notes');
    expect(got?.matches).toEqual(expected.matches);
    expect(got?.states).toEqual(expected.states);
    // Blocks 302–350 (posts 301–349) now say MgT helps sleep; post 350 names another form.
    expect(got?.matches.map((m) => m.block)).toEqual(Array.from({ length: 49 }, (_, k) => 302 + k));
  });

  it('a paragraph added after the last heading of a long page: the blocks looked at are those near it, not every block to the end', () => {
    const posts = (from: number): TextBlock[] => noHeadings(3_000, (i) => (i % 2 === 0 ? `Magtein helped me sleep, post ${from + i}.` : `The shop ships in two days, note ${from + i}.`));
    const heading: TextBlock = { text: 'Notes', tag: 'h1', headingLevel: 1, region: 'main' };
    const blocks = [...posts(0), heading, ...posts(3_000)];
    const state = full(blocks, 'Magtein');
    const para: TextBlock = { text: 'Magnesium citrate is cheaper, though.', tag: 'p', headingLevel: 0, region: 'main' };
    const at = 3_002; // (after the heading and a post naming MgT)
    const next = [...blocks];
    next.splice(at, 0, para);
    // Every block the rescan reads, by index.
    let reads = 0;
    const watched = new Proxy(next, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const got = runToEnd(rescanSectionsSteps(watched, 'Magtein', state, [{ at, removed: [], added: [para] }]));
    const expected = full(next, 'Magtein');
    expect(got?.matches).toEqual(expected.matches);
    expect(got?.states).toEqual(expected.states);
    // Finding where the section ends read every block after the change (~3,000).
    expect(reads).toBeLessThan(100);
  });

  it("a paragraph added near the end of a page of 3,000 claims: the rescan looks at few matches' blocks, not every match", () => {
    const blocks = noHeadings(6_000, (i) => (i % 2 === 0 ? `Magtein helped me sleep, post ${i}.` : `The shop ships in two days, note ${i}.`));
    const state = full(blocks, 'Magtein');
    expect(state.matches.length).toBe(3_000);
    // Every read of a match's block (finding, keeping and shifting the matches around the change).
    let reads = 0;
    const watched = {
      ...state,
      matches: state.matches.map(
        (m) =>
          new Proxy(m, {
            get(target, key, receiver) {
              if (key === 'block') reads++;
              return Reflect.get(target, key, receiver);
            },
          }),
      ),
    };
    const para: TextBlock = { text: 'Magnesium citrate is cheaper, though.', tag: 'p', headingLevel: 0, region: 'main' };
    const at = 5_990;
    const next = [...blocks];
    next.splice(at, 0, para);
    const got = runToEnd(rescanSectionsSteps(next, 'Magtein', watched, [{ at, removed: [], added: [para] }]));
    const byRescan = reads;
    expect(got?.matches).toEqual(full(next, 'Magtein').matches);
    // A pass over every match, and two filters over them at the end: ~9,000 reads.
    expect(byRescan).toBeLessThan(200);
  });

  it('keeps every other match, shifted, when a paragraph is inserted', () => {
    const { blocks, title } = pageOf(generatePage(benchPages()[0]!));
    const state = full(blocks, title);
    const para: TextBlock = { text: 'Magnesium L-threonate improves memory.', tag: 'p', headingLevel: 0, region: 'main' };
    const at = Math.floor(blocks.length / 2);
    const next = [...blocks];
    next.splice(at, 0, para);
    const got = run(next, title, state, [{ at, removed: [], added: [para] }]);
    expect(got?.matches.length).toBe(state.matches.length + 1);
    expect(got?.matches.some((m) => m.block === at && m.claim === 'memory')).toBe(true);
  });
});

describe('sameBlocks: whether matches found in one block list hold in another', () => {
  const p = (text: string): TextBlock => ({ text, tag: 'p', headingLevel: 0, region: 'main' });
  const read = [p('Magtein improves memory.'), { text: 'Reviews', tag: 'h2', headingLevel: 2, region: 'main' } as TextBlock, p('It helps you sleep.')];

  it('the same blocks read again (new objects, same text, level, region and tag): yes', () => {
    expect(sameBlocks(read, read.map((b) => ({ ...b })))).toBe(true);
  });

  it('a block more or less, other text, or a heading of another level, region or tag: no', () => {
    expect(sameBlocks(read, [read[0]!, p('I sleep on the sofa.'), ...read.slice(1)])).toBe(false);
    expect(sameBlocks(read, read.slice(1))).toBe(false);
    expect(sameBlocks(read, [p('Magtein improves memory!'), ...read.slice(1)])).toBe(false);
    for (const change of [{ headingLevel: 3 }, { region: 'footer' }, { tag: 'h3' }] as Partial<TextBlock>[]) {
      expect(sameBlocks(read, [read[0]!, { ...read[1]!, ...change }, read[2]!])).toBe(false);
    }
  });
});
