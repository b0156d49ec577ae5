// Property-based tests (fast-check) over the shared extraction code and the claim
// detector: realistic generated pages (see arbitraries.ts) instead of hand-picked ones.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import { scanPage } from '../../src/core/scan';
import type { ClaimMatch, TextBlock } from '../../src/core/types';
import { extractBlocks, extractPageData, offsetToPosition } from '../../src/extract';
import type { TextSegment } from '../../src/extract';
import {
  MGT_NAMES,
  TapeReader,
  buildTree,
  escapeHtml,
  fillerParagraph,
  mixedParagraph,
  nonMgtParagraph,
  pageHtml,
  ZERO_WIDTH,
  renderInline,
  sprinkleAnywhere,
  sprinkleInvisibles,
  tape,
  treeArb,
  visibleText,
} from './arbitraries';

const RUNS = { numRuns: 150 };

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function para(text: string): TextBlock {
  return { text, tag: 'p', headingLevel: 0, region: 'main' };
}

function heading(text: string): TextBlock {
  return { text, tag: 'h1', headingLevel: 1, region: 'main' };
}

/** What a reader is shown per claim: which claim, how it is put, and the sentence. */
const triples = (ms: readonly ClaimMatch[]) => ms.map((m) => ({ claim: m.claim, stance: m.stance, quote: m.quote }));

/** Every Text node under `root`, in document order. */
function textNodesIn(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c !== null; c = c.nextSibling) {
      if (c.nodeType === 3) out.push(c as Text);
      else walk(c);
    }
  };
  walk(root);
  return out;
}

/** The text the DOM holds between two (Text node, offset) positions, read node by node. */
function domTextBetween(all: readonly Text[], a: { node: Text; offset: number }, b: { node: Text; offset: number }): string {
  const i = all.indexOf(a.node);
  const j = all.indexOf(b.node);
  if (i < 0 || j < 0 || j < i) throw new Error(`bad range: node ${i} .. node ${j}`);
  if (i === j) return a.node.data.slice(a.offset, b.offset);
  let s = a.node.data.slice(a.offset);
  for (let k = i + 1; k < j; k++) s += (all[k] as Text).data;
  return s + b.node.data.slice(0, b.offset);
}

const ZERO_WIDTH_RE = new RegExp(`[${ZERO_WIDTH.join('')}]`, 'g');
/** Text as read: zero-width characters removed, whitespace collapsed. */
const readable = (s: string) => s.replace(ZERO_WIDTH_RE, '').replace(/\s+/g, ' ').trim();

/** A page about MgT: an optional heading naming it, then paragraphs. */
const mgtPage = fc.record({
  name: fc.option(fc.constantFrom(...MGT_NAMES), { nil: undefined }),
  paragraphs: fc.array(mixedParagraph, { minLength: 1, maxLength: 4 }),
});

describe('property 1: every match maps to exactly the text it quotes', () => {
  it('quote, trigger span and DOM positions agree, through random markup and invisible characters', () => {
    let checked = 0;
    fc.assert(
      fc.property(mgtPage, tape, tape, ({ name, paragraphs }, t1, t2) => {
        const marks = new TapeReader(t1);
        const inv = new TapeReader(t2);
        const body = [
          name ? `<h1>${renderInline(sprinkleInvisibles(`${name} review`, inv), marks)}</h1>` : '',
          ...paragraphs.map((p) => `<p>${renderInline(sprinkleInvisibles(p, inv), marks)}</p>`),
        ].join('');
        const doc = parse(pageHtml('Shop', body));
        const { page, segments } = extractPageData(doc, 'https://shop.example/p');
        const all = textNodesIn(doc.body);
        for (const m of scanPage(page).matches) {
          checked++;
          const block = page.blocks[m.block] as TextBlock;
          const segs = segments[m.block] as TextSegment[];
          // The quote is the sentence with whitespace collapsed (zero-width characters may
          // be kept or dropped: compare without them).
          expect(readable(m.quote)).toBe(readable(block.text.slice(m.start, m.end)));
          expect(m.quote).toBe(m.quote.replace(/\s+/g, ' ').trim());
          expect(m.quote).not.toBe('');
          expect(m.start).toBeLessThanOrEqual(m.matchStart);
          expect(m.matchStart).toBeLessThan(m.matchEnd);
          expect(m.matchEnd).toBeLessThanOrEqual(m.end);
          const trigger = block.text.slice(m.matchStart, m.matchEnd);
          const dom = domTextBetween(
            all,
            offsetToPosition(segs, m.matchStart, 'start'),
            offsetToPosition(segs, m.matchEnd, 'end'),
          );
          expect(dom).toBe(trigger);
          const sentence = domTextBetween(all, offsetToPosition(segs, m.start, 'start'), offsetToPosition(segs, m.end, 'end'));
          expect(sentence).toBe(block.text.slice(m.start, m.end));
        }
      }),
      RUNS,
    );
    // The generator must actually produce claims, or the property says nothing.
    expect(checked).toBeGreaterThan(150);
  });
});

describe('property 2: detection is idempotent', () => {
  it('scanning the same page twice, or a re-parsed copy of its HTML, gives the same claims', () => {
    fc.assert(
      fc.property(mgtPage, tape, ({ name, paragraphs }, t) => {
        const r = new TapeReader(t);
        const body = [
          name ? `<h2>${escapeHtml(name)}</h2>` : '',
          ...paragraphs.map((p) => `<p>${renderInline(p, r)}</p>`),
        ].join('');
        const html = pageHtml(name ?? 'Shop', body);
        const doc = parse(html);
        const { page } = extractPageData(doc, null);
        const first = scanPage(page);
        expect(scanPage(page)).toEqual(first);
        expect(detectClaims(page.blocks, { title: page.title })).toEqual(first.matches);

        const again = scanPage(extractPageData(parse(html), null).page);
        expect(triples(again.matches)).toEqual(triples(first.matches));
        // Serialized and parsed back: the same claims again.
        const reparsed = scanPage(extractPageData(parse(doc.toString()), null).page);
        expect(triples(reparsed.matches)).toEqual(triples(first.matches));
      }),
      RUNS,
    );
  });
});

describe('property 3: inline markup does not change detection', () => {
  it('a paragraph split at random characters into nested b/i/a/span/em/strong reads like the plain <p>', () => {
    let claims = 0;
    fc.assert(
      fc.property(mgtPage, tape, ({ name, paragraphs }, t) => {
        const r = new TapeReader(t);
        const head = name ? `<h1>${escapeHtml(name)}</h1>` : '';
        const plain = head + paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
        const split = head + paragraphs.map((p) => `<p>${renderInline(p, r)}</p>`).join('');
        const a = extractPageData(parse(pageHtml('Shop', plain)), null).page;
        const b = extractPageData(parse(pageHtml('Shop', split)), null).page;
        expect(b.blocks).toEqual(a.blocks);
        const ma = triples(scanPage(a).matches);
        claims += ma.length;
        expect(triples(scanPage(b).matches)).toEqual(ma);
      }),
      RUNS,
    );
    expect(claims).toBeGreaterThan(150);
  });
});

describe('property 4: invisible characters do not change detection', () => {
  it('soft hyphens and zero-width spaces inside words, no-break spaces between them: same claims', () => {
    fc.assert(
      fc.property(mgtPage, tape, ({ name, paragraphs }, t) => {
        const r = new TapeReader(t);
        const plain: TextBlock[] = [...(name ? [heading(name)] : []), ...paragraphs.map(para)];
        const sprinkled = plain.map((b) => ({ ...b, text: sprinkleInvisibles(b.text, r) }));
        const key = (ms: ClaimMatch[]) =>
          ms.map((m) => ({ claim: m.claim, stance: m.stance, block: m.block, quote: visibleText(m.quote) }));
        expect(key(detectClaims(sprinkled))).toEqual(key(detectClaims(plain)));
      }),
      RUNS,
    );
  });

  it('any zero-width character anywhere (U+FEFF and bidi marks too): same claims, stances and blocks', () => {
    fc.assert(
      fc.property(mgtPage, tape, ({ name, paragraphs }, t) => {
        const r = new TapeReader(t);
        const plain: TextBlock[] = [...(name ? [heading(name)] : []), ...paragraphs.map(para)];
        const sprinkled = plain.map((b) => ({ ...b, text: sprinkleAnywhere(b.text, r) }));
        const key = (ms: ClaimMatch[]) => ms.map((m) => ({ claim: m.claim, stance: m.stance, block: m.block }));
        expect(key(detectClaims(sprinkled))).toEqual(key(detectClaims(plain)));
      }),
      RUNS,
    );
  });

  // Quotes drop the invisible characters normalize() drops (a stray U+FEFF once became a space).
  it('quotes read the same with any zero-width character anywhere', quotesIgnoreZeroWidth);
});

/** Quotes, with zero-width characters removed, are unchanged. */
function quotesIgnoreZeroWidth(): void {
  fc.assert(
    fc.property(mgtPage, tape, ({ name, paragraphs }, t) => {
      const r = new TapeReader(t);
      const plain: TextBlock[] = [...(name ? [heading(name)] : []), ...paragraphs.map(para)];
      const sprinkled = plain.map((b) => ({ ...b, text: sprinkleAnywhere(b.text, r) }));
      const key = (ms: ClaimMatch[]) => ms.map((m) => ({ claim: m.claim, quote: readable(m.quote) }));
      expect(key(detectClaims(sprinkled))).toEqual(key(detectClaims(plain)));
    }),
    RUNS,
  );
}

/** Names MgT in the sentence itself (the MGT_NAMES the generator uses). */
const NAMES_MGT = /magnesium l-threonate|magnesium threonate|magtein|\bmgt\b|neuro-mag/i;

describe('property 5: filler and other subjects', () => {
  it('adding non-MgT paragraphs never removes a claim from a sentence that names MgT', () => {
    const pageArb = fc.record({
      name: fc.option(fc.constantFrom(...MGT_NAMES), { nil: undefined }),
      paragraphs: fc.array(mixedParagraph, { minLength: 1, maxLength: 4 }),
      // Filler: vitamin D, shipping, reviews; also claims about other forms ("Magnesium glycinate…").
      fillers: fc.array(fc.tuple(fc.nat(), fc.oneof(fillerParagraph, nonMgtParagraph)), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(pageArb, ({ name, paragraphs, fillers }) => {
        const head = name ? [heading(name)] : [];
        const base: TextBlock[] = [...head, ...paragraphs.map(para)];
        const padded = paragraphs.map(para);
        for (const [at, text] of fillers) padded.splice(at % (padded.length + 1), 0, para(text));
        const before = triples(detectClaims(base)).filter((c) => NAMES_MGT.test(c.quote));
        const after = triples(detectClaims([...head, ...padded]));
        for (const c of before) {
          const i = after.findIndex((x) => x.claim === c.claim && x.stance === c.stance && x.quote === c.quote);
          expect(i, JSON.stringify(c)).toBeGreaterThanOrEqual(0);
          after.splice(i, 1);
        }
      }),
      RUNS,
    );
  });

  it('a page that names MgT nowhere yields no claims', () => {
    const pageArb = fc.record({
      heading: fc.option(fc.constantFrom('Vitamin D3 benefits', 'Magnesium glycinate guide', 'Our best sellers'), {
        nil: undefined,
      }),
      paragraphs: fc.array(fc.oneof(nonMgtParagraph, fillerParagraph), { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(pageArb, ({ heading: h, paragraphs }) => {
        const blocks: TextBlock[] = [...(h ? [heading(h)] : []), ...paragraphs.map(para)];
        expect(detectClaims(blocks, { title: h ?? 'Shop' })).toEqual([]);
        const page = { url: null, title: h ?? 'Shop', meta: {}, jsonLd: [], blocks };
        expect(scanPage(page).result.claims).toEqual([]);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------
// Property 6: an independent model of the block rules, for the generated tags.

const MODEL_BLOCK = new Set(['body', 'div', 'section', 'article', 'p', 'ul', 'ol', 'li', 'table', 'tbody', 'tr', 'td', 'th', 'h2', 'nav']);
const MODEL_SKIP = new Set(['script', 'style', 'textarea', 'button']);

function modelHidden(el: Element): boolean {
  const hidden = el.getAttribute('hidden');
  if (hidden !== null && hidden !== 'until-found') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const ce = el.getAttribute('contenteditable');
  if (ce === '' || ce === 'true' || ce === 'plaintext-only') return true;
  return /display:\s*none|visibility:\s*hidden/.test(el.getAttribute('style') ?? '');
}

interface ModelBlock {
  nodes: Text[];
  tag: string;
}

/** Visible text nodes, grouped: a block element or <br> ends a group; whitespace-only groups are dropped. */
function modelBlocks(root: Element): { blocks: ModelBlock[]; visible: Text[] } {
  const blocks: ModelBlock[] = [];
  const visible: Text[] = [];
  let cur: ModelBlock = { nodes: [], tag: '' };
  const end = (): void => {
    if (cur.nodes.some((n) => /\S/.test(n.data))) blocks.push(cur);
    cur = { nodes: [], tag: '' };
  };
  const walk = (n: Node, owner: string): void => {
    for (let c = n.firstChild; c !== null; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = c as Text;
        if (t.data.length === 0) continue;
        visible.push(t);
        if (cur.nodes.length === 0) cur.tag = owner;
        cur.nodes.push(t);
        continue;
      }
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      const tag = el.localName;
      if (tag === 'br') {
        end();
        continue;
      }
      if (MODEL_SKIP.has(tag) || modelHidden(el)) continue;
      const isBlock = MODEL_BLOCK.has(tag) || el.getAttribute('role') === 'heading';
      if (isBlock) end();
      walk(el, isBlock ? tag : owner);
      if (isBlock) end();
    }
  };
  walk(root, root.localName);
  end();
  return { blocks, visible };
}

describe('property 6: extraction round trip on random DOM trees', () => {
  it('blocks hold exactly the visible text nodes, in order, and segments point at them', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const doc = parse(pageHtml('t', ''));
        buildTree(doc, doc.body, tree);
        const { blocks, segments } = extractBlocks(doc.body);
        expect(segments.length).toBe(blocks.length);

        // Every segment's node text sits at its offset, and the segments tile the block text.
        blocks.forEach((b, i) => {
          const segs = segments[i] as TextSegment[];
          expect(segs.length).toBeGreaterThan(0);
          let at = 0;
          for (const s of segs) {
            expect(s.start).toBe(at);
            expect(s.node.data.length).toBeGreaterThan(0);
            expect(b.text.slice(s.start, s.start + s.node.data.length)).toBe(s.node.data);
            at += s.node.data.length;
          }
          expect(at).toBe(b.text.length);
          expect(b.text).toMatch(/\S/);
        });

        // Blocks' text is the visible text nodes' text in document order, less whitespace-only blocks.
        const model = modelBlocks(doc.body);
        const flat = segments.flat().map((s) => s.node);
        const inBlocks = new Set(flat);
        expect(flat).toEqual(model.visible.filter((n) => inBlocks.has(n)));
        for (const n of model.visible) if (!inBlocks.has(n)) expect(n.data).not.toMatch(/\S/);
        const squash = (s: string) => s.replace(/\s+/g, '');
        expect(squash(blocks.map((b) => b.text).join(''))).toBe(squash(model.visible.map((n) => n.data).join('')));

        // And the grouping into blocks (and each block's tag) is the model's.
        expect(blocks.map((b) => ({ text: b.text, tag: b.tag }))).toEqual(
          model.blocks.map((m) => ({ text: m.nodes.map((n) => n.data).join(''), tag: m.tag })),
        );
      }),
      { numRuns: 200 },
    );
  });
});
