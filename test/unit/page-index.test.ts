// The content script's text index: after a change it re-reads only the blocks
// under the changed nodes (found by binary search); the result must equal a
// fresh read of the whole page.
import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import type { PageIndex as PageIndexType } from '../../src/content/page-index';
import { extractPageData } from '../../src/extract';
import { benchPages, generatePage, rng } from '../../bench/pages';

const { window } = parseHTML('<html></html>');
// markers.ts (used by the index to skip our markers) reads Node.ELEMENT_NODE.
(globalThis as { Node?: unknown }).Node ??= (window as unknown as { Node: unknown }).Node;
const { PageIndex } = await import('../../src/content/page-index');
const { changedNodes, removesNodes } = await import('../../src/content/observer');
const { noteRemoval, removalCount } = await import('../../src/content/removals');

/** What the observer makes of `records`: the removal clock moved (removals.ts), and the changed nodes. */
function observed(records: readonly MutationRecord[]): Node[] {
  if (removesNodes(records)) noteRemoval();
  return changedNodes(records);
}
const { HeadingIndex, HEADING_SELECTOR } = await import('../../src/content/sparse-read');

/** The MutationRecord a browser would give for this change. */
function record(target: Node, change: { added?: Node[]; removed?: Node[]; previousSibling?: Node | null; nextSibling?: Node | null }): MutationRecord {
  return {
    type: 'childList',
    target,
    addedNodes: (change.added ?? []) as unknown as NodeList,
    removedNodes: (change.removed ?? []) as unknown as NodeList,
    previousSibling: change.previousSibling ?? null,
    nextSibling: change.nextSibling ?? null,
  } as unknown as MutationRecord;
}

/** Removes `node` and gives the record a browser would give for it. */
function removal(node: ChildNode): MutationRecord {
  const parent = node.parentNode as Node;
  const previousSibling = node.previousSibling;
  const nextSibling = node.nextSibling;
  node.remove();
  return record(parent, { removed: [node], previousSibling, nextSibling });
}

// linkedom's compareDocumentPosition gets "a descendant of an earlier sibling"
// wrong (says FOLLOWING); browsers follow the spec. Tree order, done plainly:
function path(n: Node): Node[] {
  const out: Node[] = [];
  for (let x: Node | null = n; x !== null; x = x.parentNode) out.unshift(x);
  return out;
}
(window as unknown as { Node: { prototype: Node } }).Node.prototype.compareDocumentPosition = function (
  this: Node,
  other: Node,
): number {
  if (this === other) return 0;
  const a = path(this);
  const b = path(other);
  if (a[0] !== b[0]) return 1 | 32; // DISCONNECTED | IMPLEMENTATION_SPECIFIC
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length) return 16 | 4; // other is inside this: CONTAINED_BY | FOLLOWING
  if (i === b.length) return 8 | 2; // this is inside other: CONTAINS | PRECEDING
  const siblings = Array.from((a[i - 1] as Node).childNodes);
  return siblings.indexOf(b[i] as ChildNode) > siblings.indexOf(a[i] as ChildNode) ? 4 : 2;
};

// linkedom's getElementsByTagName('*') finds nothing; the index counts elements with it.
const elementProto = (window as unknown as { Element: { prototype: Element } }).Element.prototype;
const byTagName = elementProto.getElementsByTagName;
elementProto.getElementsByTagName = function (this: Element, name: string) {
  return (name === '*' ? this.querySelectorAll('*') : byTagName.call(this, name)) as unknown as HTMLCollectionOf<Element>;
} as typeof byTagName;

type Segs = { node: Text; start: number }[][];

/** Same blocks, and every segment the same text node (by identity) at the same offset. */
function expectSame(blocks: { text: string }[], segments: Segs, fresh: { text: string }[], freshSegments: Segs): void {
  expect(blocks.map((b) => b.text)).toEqual(fresh.map((b) => b.text));
  expect(segments.map((s) => s.map((x) => x.start))).toEqual(freshSegments.map((s) => s.map((x) => x.start)));
  const sameNodes = segments.every((s, i) => s.every((x, j) => x.node === freshSegments[i]?.[j]?.node));
  expect(sameNodes).toBe(true);
}

describe('PageIndex.update', () => {
  it('equals a fresh read after random insertions, removals and text edits', () => {
    const { document } = parseHTML(generatePage({ ...benchPages(0.3)[0]!, claimParagraphs: 3 }));
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const rand = rng(42);
    let partial = 0;
    for (let round = 0; round < 150; round++) {
      const all = Array.from(doc.querySelectorAll('main p, main h3, main td, main div, main span, main b'));
      const target = all[Math.floor(rand() * all.length)] as Element;
      const r = rand();
      let records: MutationRecord[];
      if (r < 0.4) {
        // Sometimes a block inside an inline run (splits its block), sometimes between blocks.
        const p = doc.createElement(rand() < 0.5 ? 'p' : 'span');
        p.innerHTML = `New <b>text</b> ${round}. Magnesium L-threonate improves memory.`;
        target.after(p);
        records = [record(p.parentNode as Node, { added: [p], previousSibling: p.previousSibling, nextSibling: p.nextSibling })];
      } else if (r < 0.6) {
        records = [removal(target)];
      } else if (r < 0.75) {
        // Moved elsewhere (a carousel, a re-sorted list): removed here, added there, in one batch.
        const to = all[Math.floor(rand() * all.length)] as Element;
        if (to === target || target.contains(to) || !to.parentNode) continue;
        const parent = target.parentNode as Node;
        const previousSibling = target.previousSibling;
        const nextSibling = target.nextSibling;
        to.after(target);
        records = [
          record(parent, { removed: [target], previousSibling, nextSibling }),
          record(target.parentNode as Node, { added: [target], previousSibling: target.previousSibling, nextSibling: target.nextSibling }),
        ];
      } else if (r < 0.85) {
        // What pages add all the time and extraction never reads (`changesNoText` in extract/blocks.ts):
        // named by no record, so the index must already equal a fresh read.
        const kinds = [
          () => Object.assign(doc.createElement('script'), { textContent: 'window.x = 1;' }),
          () => doc.createElement('img'),
          () => doc.createElement('iframe'),
          () => doc.createComment('ad slot'),
          () => doc.createElement('i'),
          () => Object.assign(doc.createElement('button'), { textContent: 'Add to cart' }),
        ];
        const node = (kinds[Math.floor(rand() * kinds.length)] as () => Node)();
        const where = rand() < 0.5 ? target : (doc.body as Element);
        if (where === target) target.after(node);
        else where.append(node);
        records = [record(node.parentNode as Node, { added: [node], previousSibling: node.previousSibling, nextSibling: node.nextSibling })];
        expect(changedNodes(records)).toEqual([]);
      } else {
        const text = doc.createTextNode(` more ${round}`);
        target.append(text);
        records = [record(target, { added: [text], previousSibling: text.previousSibling })];
      }
      const changed = changedNodes(records);
      const edits = index.update(changed);
      if (edits === null) continue;
      partial++;
      const fresh = extractPageData(doc, null);
      expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
    }
    expect(partial).toBeGreaterThan(90);
  });
});

describe('PageIndex.update, inline content straight under <body> or in a large block', () => {
  const html = (filler: string): string =>
    `<!doctype html><html><body>Intro <b>bold</b> text. <span id="s">Magnesium L-threonate improves memory.</span><main>${filler}</main>` +
    ' Tail text <i>here</i>.<script>1</script><footer><p>Help</p></footer> End <a href="#">link</a>.</body></html>';
  // The same loose text inside an app's <main>, whose paragraphs make it too large to re-read at once.
  const htmlInMain = (filler: string): string =>
    `<!doctype html><html><body><header><p>Top</p></header><main>Intro <b>bold</b> text. <span id="s">Magnesium L-threonate improves memory.</span><section>${filler}</section>` +
    ' Tail text <i>here</i>.<script>1</script><footer><p>Help</p></footer> End <a href="#">link</a>.</main><p>After.</p></body></html>';

  for (const where of ['<body>', 'a large <main>'] as const) {
    for (const sparse of [false, true]) {
      it(`re-reads only the run around the change, and equals a fresh read after random changes (${where}, ${sparse ? 'sparse' : 'whole'} index)`, async () => {
        const { runToEnd } = await import('../../src/core/steps');
        const inMain = where !== '<body>';
        // Sparse: past SPARSE_MIN_CHARS of text, the index keeps only blocks that may hold a claim.
        const filler = Array.from({ length: sparse || inMain ? 3000 : 40 }, (_, i) => `<p>Paragraph ${i} of the shop.</p>`).join('');
        const { document } = parseHTML((inMain ? htmlInMain : html)(filler));
        const doc = document as unknown as Document;
        const box = inMain ? (doc.querySelector('main') as Element) : doc.body;
        const readIndex = (): ReturnType<typeof PageIndex.read> => (sparse ? runToEnd(PageIndex.readAutoSteps(doc, null)) : PageIndex.read(doc));
        const index = readIndex();
        expect(index.sparse).toBe(sparse);
        const rand = rng(11);
        let partial = 0;
        const rounds = inMain ? 40 : sparse ? 50 : 120;
        for (let round = 0; round < rounds; round++) {
          const inline = Array.from(box.childNodes).filter((n) => n.nodeType === 3 || !['MAIN', 'SECTION', 'FOOTER', 'DIV', 'SCRIPT'].includes((n as Element).tagName));
          const at = (inline[Math.floor(rand() * inline.length)] ?? box.lastChild) as ChildNode;
          const r = rand();
          let records: MutationRecord[];
          let splitsRun = false;
          if (r < 0.35) {
            // A counter, a chat bubble's text, a script's output: inline, appended or inserted beside inline text.
            const node = rand() < 0.5 ? doc.createTextNode(` ${round} Magtein is clinically proven.`) : doc.createElement('span');
            if (node.nodeType === 1) (node as Element).innerHTML = `Item <b>${round}</b>. Magnesium L-threonate crosses the blood-brain barrier.`;
            if (rand() < 0.5) box.append(node);
            else at.after(node);
            records = [record(box, { added: [node], previousSibling: node.previousSibling, nextSibling: node.nextSibling })];
          } else if (r < 0.55 && at.nodeType === 3) {
            (at as Text).data += ` edit ${round}, Magtein.`;
            records = [{ type: 'characterData', target: at } as unknown as MutationRecord];
          } else if (r < 0.7) {
            // Text added inside an inline element of the run.
            const el = inline.find((n) => n.nodeType === 1) as Element | undefined;
            if (el === undefined) continue;
            const text = doc.createTextNode(` more ${round}`);
            el.append(text);
            records = [record(el, { added: [text], previousSibling: text.previousSibling })];
          } else if (r < 0.8) {
            // A block between inline nodes splits their run: it is named with its neighbours, whose runs are read
            // again (since round 27; the large block was named, and the page read again).
            const div = doc.createElement('div');
            div.textContent = `Block ${round}.`;
            at.after(div);
            records = [record(box, { added: [div], previousSibling: div.previousSibling, nextSibling: div.nextSibling })];
            splitsRun = true;
          } else {
            // Removed: a neighbour left beside it names the run (or it was the run, and is dropped).
            records = [removal(at)];
          }
          const edits = index.update(changedNodes(records));
          // Nothing re-reads the page (a block splitting a run did, until round 27).
          expect(edits, `round ${round}${splitsRun ? ' (a block splitting a run)' : ''}`).not.toBeNull();
          if (edits === null) {
            // A full re-read, as the observer does then.
            const rebuilt = readIndex();
            index.page = rebuilt.page;
            index.segments = rebuilt.segments;
            continue;
          }
          partial++;
          // Only the run's blocks change: never the paragraphs.
          expect(edits.every((e) => e.removed.concat(e.added).every((b) => !b.text.startsWith('Paragraph')))).toBe(true);
          const fresh = extractPageData(doc, null);
          if (!sparse) {
            expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
            continue;
          }
          // Sparse: every indexed block is the fresh read's block that starts at the same text node, in
          // page order, and every fresh block naming MgT outside the paragraphs is indexed.
          const place = new Map(fresh.segments.map((segs, i) => [segs[0]?.node, i]));
          const places = index.segments.map((segs) => place.get(segs[0]?.node) ?? -1);
          expect(places.every((p, i) => p >= 0 && (i === 0 || p > (places[i - 1] as number))), `round ${round}: in page order`).toBe(true);
          expect(places.map((p) => fresh.page.blocks[p]?.text)).toEqual(index.page.blocks.map((b) => b.text));
          const texts = new Set(index.page.blocks.map((b) => b.text));
          for (const b of fresh.page.blocks) if (/Magtein|threonate/.test(b.text)) expect(texts.has(b.text), b.text).toBe(true);
        }
        expect(partial).toBeGreaterThan(rounds * 0.7);
      });
    }
  }

  it('a span appended to <body> names itself, and only its run is read', () => {
    const { document } = parseHTML(html('<p>Shop.</p>'));
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const span = doc.createElement('span');
    span.textContent = ' 1 new message';
    doc.body.append(span);
    const changed = changedNodes([record(doc.body, { added: [span], previousSibling: span.previousSibling })]);
    expect(changed).toEqual([span]);
    const edits = index.update(changed);
    expect(edits).not.toBeNull();
    expect(edits!.map((e) => [e.removed.map((b) => b.text), e.added.map((b) => b.text)])).toEqual([[[' End link.'], [' End link. 1 new message']]]);
  });

  it('inline text removed before the page\'s trailing scripts: named past them, or dropped when it was the run\'s only text', () => {
    for (const tail of [' End <a href="#">link</a>.', '']) {
      const { document } = parseHTML(`<!doctype html><html><body><main><p>Shop.</p></main><span id="x">Magtein is clinically proven.</span><script>1</script><!--c-->${tail}</body></html>`);
      const doc = document as unknown as Document;
      const index = PageIndex.read(doc);
      const span = doc.getElementById('x') as Element;
      const changed = changedNodes([removal(span)]);
      // A script cannot name a run (the index reads nothing in it): the text past it does.
      expect(changed).toEqual([tail === '' ? span : (doc.querySelector('script')?.nextSibling?.nextSibling as Node)]);
      expect(index.update(changed)).not.toBeNull();
      const fresh = extractPageData(doc, null);
      expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
    }
  });

  it('a button\'s label under <body> changing reads nothing; a <span> hidden and shown again reads its run', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><main><p>Shop.</p></main>Chat: <span id="x">Magtein is clinically proven.</span><button>Cart (0)</button> end.</body></html>',
    );
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const label = doc.querySelector('button')!.firstChild as Text;
    label.data = 'Cart (1)';
    expect(index.update(changedNodes([{ type: 'characterData', target: label } as unknown as MutationRecord]))).toEqual([]);
    const span = doc.getElementById('x') as Element;
    for (const hidden of [true, false]) {
      const oldValue = span.getAttribute('hidden');
      if (hidden) span.setAttribute('hidden', '');
      else span.removeAttribute('hidden');
      const changed = changedNodes([{ type: 'attributes', target: span, attributeName: 'hidden', oldValue } as unknown as MutationRecord]);
      expect(changed).toEqual([span]);
      const edits = index.update(changed);
      expect(edits).not.toBeNull();
      expect(edits!.flatMap((e) => e.added.map((b) => b.text))).toEqual([hidden ? 'Chat:  end.' : 'Chat: Magtein is clinically proven. end.']);
      const fresh = extractPageData(doc, null);
      expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
    }
  });

  it('text changed inside a role=heading element among loose text reads that heading alone, in <body> or a large <main>', async () => {
    const { runToEnd } = await import('../../src/core/steps');
    for (const [inMain, sparse] of [[false, false], [true, false], [false, true], [true, true]]) {
      const heading = '<span role="heading" aria-level="2" id="h">Magtein <b id="b">facts</b></span>';
      const loose = `Intro text. ${heading} Magnesium L-threonate improves memory. <i>More</i> words.`;
      const filler = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i} of the shop.</p>`).join('');
      const { document } = parseHTML(
        inMain ? `<!doctype html><html><body><main>${loose}<section>${filler}</section></main></body></html>` : `<!doctype html><html><body>${loose}<main>${filler}</main></body></html>`,
      );
      const doc = document as unknown as Document;
      const index = sparse ? runToEnd(PageIndex.readAutoSteps(doc, null)) : PageIndex.read(doc);
      expect(index.sparse).toBe(sparse);
      const bold = doc.getElementById('b') as Element;
      const text = doc.createTextNode(' and dose');
      bold.append(text);
      const edits = index.update(changedNodes([record(bold, { added: [text], previousSibling: text.previousSibling })]));
      expect(edits, inMain ? '<main>' : '<body>').not.toBeNull();
      // The heading's block, and nothing around it: the loose text either side is its own block.
      expect(edits!.map((e) => [e.removed.map((b) => b.text), e.added.map((b) => b.text)])).toEqual([[['Magtein facts'], ['Magtein facts and dose']]]);
      (bold.firstChild as Text).data = 'studies';
      expect(index.update(changedNodes([{ type: 'characterData', target: bold.firstChild } as unknown as MutationRecord]))).not.toBeNull();
      const fresh = extractPageData(doc, null);
      // A sparse index keeps only the blocks that may hold a claim (the heading, the loose text naming MgT).
      if (!sparse) expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
      expect(index.page.blocks.map((b) => b.text)).toContain('Magtein studies and dose');
    }
  });

  it('a run too large to re-read at once gives a full re-read', () => {
    const spans = Array.from({ length: 3100 }, (_, i) => `<span>w${i} </span>`).join('');
    const { document } = parseHTML(`<!doctype html><html><body><main><p>Shop.</p></main>${spans}</body></html>`);
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const text = doc.createTextNode(' tail');
    doc.body.append(text);
    expect(index.update(changedNodes([record(doc.body, { added: [text], previousSibling: text.previousSibling })]))).toBeNull();
  });
});

describe('PageIndex.update, changes in <head>', () => {
  it('a new title is taken without reading a block; a style sheet written rule by rule reads nothing', () => {
    const { document } = parseHTML('<!doctype html><html><head><title>Shop</title><style>.a{}</style></head><body><main><p>Magtein improves memory.</p></main></body></html>');
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    expect(index.page.title).toBe('Shop');
    const title = doc.querySelector('title')!.firstChild as Text;
    title.data = '(1) Shop';
    // Both named <html> on their way up, and the whole page was read again.
    expect(index.update(changedNodes([{ type: 'characterData', target: title } as unknown as MutationRecord]))).toEqual([]);
    expect(index.page.title).toBe('(1) Shop');
    const style = doc.querySelector('style')!;
    const rule = doc.createTextNode('.b{}');
    style.append(rule);
    expect(index.update(changedNodes([record(style, { added: [rule], previousSibling: rule.previousSibling })]))).toEqual([]);
    expect(index.page.blocks.map((b) => b.text)).toEqual(['Magtein improves memory.']);
  });

  it('the <title> element taken away or replaced is taken too (a title naming MgT decides what claims naming no form are about)', () => {
    const { document } = parseHTML('<!doctype html><html><head><title>Magnesium L-threonate review</title></head><body><main><ul><li>Improves memory.</li></ul><svg><title>icon</title></svg></main></body></html>');
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    expect(index.page.title).toBe('Magnesium L-threonate review');
    const head = doc.head;
    const replacement = doc.createElement('title');
    replacement.textContent = 'Brain supplements';
    const old = doc.querySelector('title')!;
    old.replaceWith(replacement);
    // A pass starts only for what changedNodes names: <head>, read for its title alone.
    const replaced = changedNodes([record(head, { added: [replacement], removed: [old] })]);
    expect(replaced).toEqual([head]);
    expect(index.update(replaced)).toEqual([]);
    expect(index.page.title).toBe('Brain supplements');
    replacement.remove();
    const removed = changedNodes([record(head, { removed: [replacement] })]);
    expect(removed).toEqual([head]);
    expect(index.update(removed)).toEqual([]);
    expect(index.page.title).toBe('');
    // An icon's <title> (SVG) is not the page's: nothing to do.
    const icon = doc.querySelector('svg title')!;
    const svg = icon.parentNode as Node;
    icon.remove();
    expect(changedNodes([record(svg, { removed: [icon] })])).toEqual([]);
  });
});

describe('changedNodes', () => {
  it('a heading\'s text set is one edit, the heading replaced: the added text names it, not the removed', () => {
    const { document } = parseHTML('<!doctype html><html><body><main><h1>Supplements</h1><p>Magtein improves memory.</p></main></body></html>');
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const h1 = doc.querySelector('h1')!;
    const old = h1.firstChild as Text;
    h1.textContent = 'Supplements on sale';
    const changed = changedNodes([record(h1, { added: [h1.firstChild as Node], removed: [old] })]);
    expect(changed).toEqual([h1.firstChild]);
    // Two edits (the old text's block dropped, the heading read again) read as a heading
    // taken away and one added: detected to the end of the page.
    const edits = index.update(changed);
    expect(edits?.map((e) => [e.removed.map((b) => b.text), e.added.map((b) => b.text)])).toEqual([[['Supplements'], ['Supplements on sale']]]);
  });

  it('a block added after the page\'s trailing scripts names only itself, not <body>', () => {
    const { document } = parseHTML('<!doctype html><html><body><main><p>Shop text.</p></main><script>1</script><script src="a.js"></script></body></html>');
    const doc = document as unknown as Document;
    const div = doc.createElement('div');
    div.textContent = 'Chat with us';
    doc.body.append(div);
    // Before, the script beside it counted as text next to it, and <body>, the whole page, was named.
    expect(changedNodes([record(doc.body, { added: [div], previousSibling: div.previousSibling })])).toEqual([div]);
  });

  it('a toast removed from before the page\'s trailing scripts names itself, not <body>', () => {
    const { document } = parseHTML('<!doctype html><html><body><main><p>Shop text.</p></main><footer>Help</footer><div id="toast">Added to cart</div><script>1</script></body></html>');
    const doc = document as unknown as Document;
    const toast = doc.getElementById('toast') as Element;
    expect(changedNodes([removal(toast)])).toEqual([toast]);
  });

  it('a banner removed beside a huge <main> drops its blocks without reading <main> again', () => {
    // Naming the block beside it (as before) re-read <main>: past 3,000 elements, the whole page.
    const spans = Array.from({ length: 3100 }, (_, i) => `<span>word ${i} </span>`).join('');
    const { document } = parseHTML(
      `<!doctype html><html><body><main><h2>Reviews</h2><p>${spans}</p></main><div id="consent"><h3>Cookies</h3><p>Magnesium L-threonate improves memory.</p></div><script>1</script></body></html>`,
    );
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const banner = doc.getElementById('consent') as Element;
    const edits = index.update(changedNodes([removal(banner)]));
    expect(edits).not.toBeNull();
    expect(edits!.flatMap((e) => e.removed.map((b) => b.text))).toEqual(['Magnesium L-threonate improves memory.', 'Cookies']);
    const fresh = extractPageData(doc, null);
    expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
  });

  it('a block added between comments inside a run of text names itself and the text on each side, past the comments: it splits the run', () => {
    const { document } = parseHTML('<!doctype html><html><body><section>Before <!--a--><!--b--> after</section></body></html>');
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const section = doc.querySelector('section') as Element;
    const [before, , , after] = Array.from(section.childNodes);
    const div = doc.createElement('div');
    div.textContent = 'Inserted';
    section.insertBefore(div, section.childNodes[2] as Node);
    const changed = changedNodes([record(section, { added: [div], previousSibling: div.previousSibling, nextSibling: div.nextSibling })]);
    expect(changed).toEqual([div, before, after]);
    expect(index.update(changed)).not.toBeNull();
    const fresh = extractPageData(doc, null);
    expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
    expect(index.page.blocks.map((b) => b.text)).toEqual(['Before ', 'Inserted', ' after']);
  });

  it('a paragraph appended to a <body> ending in loose text reads that text\'s run and the paragraph, not the page', () => {
    const filler = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i} of the shop.</p>`).join('');
    const { document } = parseHTML(`<!doctype html><html><body>Magtein first. <div>${filler}</div>Closing words, <b>and</b> Magtein again.</body></html>`);
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const p = doc.createElement('p');
    p.textContent = 'Magnesium L-threonate improves memory.';
    doc.body.append(p);
    const changed = changedNodes([record(doc.body, { added: [p], previousSibling: p.previousSibling })]);
    expect(changed).toEqual([p, p.previousSibling]);
    const edits = index.update(changed);
    expect(edits).not.toBeNull();
    // The run before it and the paragraph: none of the 200 paragraphs read again.
    expect(edits!.flatMap((e) => e.added.map((b) => b.text))).toEqual(['Closing words, and Magtein again.', 'Magnesium L-threonate improves memory.']);
    const fresh = extractPageData(doc, null);
    expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
  });
});

/** A large generated shop page (half the 1 MB bench page, 12 claim paragraphs), indexed sparsely. */
async function sparseBenchIndex(): Promise<{ doc: Document; index: PageIndexType }> {
  const { runToEnd } = await import('../../src/core/steps');
  const { document } = parseHTML(generatePage({ ...benchPages(0.5)[1]!, claimParagraphs: 12 }));
  const doc = document as unknown as Document;
  const index = runToEnd(PageIndex.readAutoSteps(doc, null));
  expect(index.sparse).toBe(true);
  return { doc, index };
}

describe('PageIndex.update on a sparse index (a large page)', () => {
  it('stays in page order, each block as a fresh read has it, after random changes', async () => {
    const { doc, index } = await sparseBenchIndex();
    const rand = rng(7);
    let partial = 0;
    let added = 0;
    let moved = 0;
    for (let round = 0; round < 80; round++) {
      const all = Array.from(doc.querySelectorAll('main p, main h3, main h4, main td, main span'));
      const target = all[Math.floor(rand() * all.length)] as Element;
      const r = rand();
      let records: MutationRecord[];
      if (r < 0.6) {
        // A claim paragraph: kept, with the headings open above it that the index lacks.
        const p = doc.createElement('p');
        p.innerHTML = `Round ${round}: <b>Magnesium L-threonate</b> improves <em>memory</em>.`;
        target.after(p);
        records = [record(p.parentNode as Node, { added: [p], previousSibling: p.previousSibling, nextSibling: p.nextSibling })];
        added++;
      } else if (r < 0.75) {
        // A claim paragraph moved (a re-sorted list): indexed where it was, so only a node
        // the index has held can be a move; a new one skips that look (dropReadElsewhere).
        const moving = all.filter((e) => e.textContent?.startsWith('Round '));
        const el = moving[Math.floor(rand() * moving.length)];
        if (el === undefined || el === target || el.contains(target)) continue;
        const parent = el.parentNode as Node;
        const previousSibling = el.previousSibling;
        const nextSibling = el.nextSibling;
        target.after(el);
        records = [
          record(parent, { removed: [el], previousSibling, nextSibling }),
          record(el.parentNode as Node, { added: [el], previousSibling: el.previousSibling, nextSibling: el.nextSibling }),
        ];
        moved++;
      } else {
        records = [removal(target)];
      }
      const edits = index.update(observed(records));
      if (edits === null) continue;
      partial++;
      // Every indexed block is the fresh read's block that starts at the same text node, in the same order.
      const fresh = extractPageData(doc, null);
      const at = new Map(fresh.segments.map((segs, i) => [segs[0]?.node, i]));
      const places = index.segments.map((segs) => at.get(segs[0]?.node) ?? -1);
      expect(places.every((p, i) => p >= 0 && (i === 0 || p > (places[i - 1] as number))), `round ${round}: in page order`).toBe(true);
      const sameSegs = places.every((p, i) => JSON.stringify(index.segments[i]?.map((x) => x.start)) === JSON.stringify(fresh.segments[p]?.map((x) => x.start)));
      expect(sameSegs, `round ${round}: same segments`).toBe(true);
      expect(places.map((p) => fresh.page.blocks[p]?.text)).toEqual(index.page.blocks.map((b) => b.text));
    }
    expect(partial).toBeGreaterThan(50);
    expect(moved).toBeGreaterThan(5);
    // Every claim paragraph still in the page is indexed.
    const claimParas = Array.from(doc.querySelectorAll('main p')).filter((p) => p.textContent?.startsWith('Round '));
    expect(claimParas.length).toBeGreaterThan(added / 2);
    const texts = new Set(index.page.blocks.map((b) => b.text));
    for (const p of claimParas) expect(texts.has((p.textContent ?? '').trim()), p.textContent ?? '').toBe(true);
  }, 30_000); // ~4.6 s in linkedom on this machine: over vitest's 5 s default when the machine is busy
});

describe('PageIndex.update on a sparse index: a removed block still listed', () => {
  // A helper's probe (a storm on a page with a web component): a block removed beside
  // inline content names its parent, and its block stays in the list, its text gone,
  // until that part is read. A text edit in the same batch, further on, had its
  // heading placed before the removed block, found "missing" there and indexed again;
  // the parent's read then stopped at the copy and left the removed block, whose two
  // claims stayed counted.
  it('a text edit under a heading right after it: the heading is not indexed twice, the removed block goes', async () => {
    const { runToEnd } = await import('../../src/core/steps');
    const filler = Array.from({ length: 25 }, (_, i) => `<p>Ordinary shop text number ${i} about shipping, returns, flavours, capsules and prices.</p>`).join('');
    const { document } = parseHTML(
      `<html><head><title>Supplements</title></head><body><main><h1>Supplements</h1><section class="grid"><section class="claim"><span>New</span><p>Magnesium L-Threonate is the only form of magnesium proven to raise brain magnesium.</p></section><article class="review"><h4>Magnesium citrate</h4><p>Magtein magnesium L-threonate crosses the blood-brain barrier and does not improve memory.</p></article></section><div class="more">${filler}</div></main></body></html>`,
    );
    const doc = document as unknown as Document;
    const index = runToEnd(PageIndex.readAutoSteps(doc, null));
    expect(index.sparse).toBe(true);
    const review = doc.querySelector('article p')!.firstChild as Text;
    review.data = review.data.replace('crosses the blood-brain barrier and does not improve', 'does not cross the blood-brain barrier and may improve');
    const edit = { type: 'characterData', target: review } as unknown as MutationRecord;
    const records = [edit, removal(doc.querySelector('section.claim p')!)];
    expect(index.update(observed(records))).not.toBeNull();
    const texts = index.page.blocks.map((b) => b.text);
    expect(texts.filter((t) => t === 'Magnesium citrate')).toHaveLength(1);
    expect(texts.some((t) => t.includes('the only form'))).toBe(false);
    const fresh = extractPageData(doc, null);
    const at = new Map(fresh.segments.map((segs, i) => [segs[0]?.node, i]));
    const places = index.segments.map((segs) => at.get(segs[0]?.node) ?? -1);
    expect(places.every((p, i) => p >= 0 && (i === 0 || p > (places[i - 1] as number)))).toBe(true);
  });
});

describe('PageIndex.readAutoSteps on the gate\'s text in runs of siblings (a huge page)', () => {
  it('finds the same blocks, text nodes and offsets as a read in pieces', async () => {
    const { runToEnd } = await import('../../src/core/steps');
    const { PageText } = await import('../../src/content/page-text');
    const { document } = parseHTML(generatePage({ ...benchPages(0.5)[1]!, claimParagraphs: 12 }));
    const doc = document as unknown as Document;
    const grid = doc.querySelector('section.grid') as Element;
    // What a list holds besides its items: comments (no text) and loose text.
    const rand = rng(11);
    for (const item of Array.from(grid.children)) {
      const r = rand();
      if (r < 0.05) grid.insertBefore(doc.createComment('ad slot'), item);
      else if (r < 0.1) grid.insertBefore(doc.createTextNode(' sponsored '), item);
    }
    // The gate's pieces: each child of <body> and <main> whole, the grid's children in
    // runs of 1 to 60 (what a Range over them reads: their texts, comments none).
    const parts: string[] = [];
    const nodes: Node[] = [];
    const starts: number[] = [];
    const runs: boolean[] = [];
    let length = 0;
    const add = (node: Node, text: string, run: boolean): void => {
      if (text.length === 0) return;
      parts.push(text);
      nodes.push(node);
      starts.push(length);
      runs.push(run);
      length += text.length;
    };
    const own = (n: Node): string => (n.nodeType === 8 ? '' : (n.textContent ?? ''));
    const main = doc.querySelector('main') as Element;
    for (const child of Array.from(doc.body.childNodes)) {
      if (child !== main) add(child, own(child), false);
      else
        for (const part of Array.from(main.childNodes)) {
          if (part !== grid) add(part, own(part), false);
          else {
            const items = Array.from(grid.childNodes);
            for (let i = 0; i < items.length; ) {
              const end = Math.min(items.length, i + 1 + Math.floor(rand() * 60));
              add(items[i] as Node, items.slice(i, end).map(own).join(''), true);
              i = end;
            }
          }
        }
    }
    expect(parts.join('')).toBe(doc.body.textContent);
    expect(runs.filter(Boolean).length).toBeGreaterThan(20);
    const inRuns = runToEnd(PageIndex.readAutoSteps(doc, new PageText(parts, nodes, starts, runs)));
    const inPieces = runToEnd(PageIndex.readAutoSteps(doc, null));
    expect([inRuns.sparse, inPieces.sparse]).toEqual([true, true]);
    expect(inRuns.page.blocks.filter((b) => /threonate|neuro-mag/i.test(b.text)).length).toBe(12);
    expectSame(inRuns.page.blocks, inRuns.segments as Segs, inPieces.page.blocks, inPieces.segments as Segs);
  });
});

describe('PageIndex.readAutoSteps on a page of one huge paragraph', () => {
  it('takes the paragraph\'s text nodes into its index a few thousand a step', async () => {
    // The 5 MB one-paragraph page's 32,000 text nodes went into the sparse index's map
    // in one step (in Firefox, with the paragraph's text joined in it too, ~20 ms).
    const { runToEnd } = await import('../../src/core/steps');
    const claim = 'Magnesium L-threonate is the only form of magnesium that crosses the blood-brain barrier. ';
    const { document } = parseHTML(`<html><head><title>Shop</title></head><body><main><p>${claim}${'one <b>two</b> '.repeat(20_000)}${claim}</p></main></body></html>`);
    const doc = document as unknown as Document;
    const set = Map.prototype.set;
    let sets = 0;
    Map.prototype.set = function <K, V>(this: Map<K, V>, key: K, value: V) {
      sets++;
      return set.call(this, key, value) as Map<K, V>;
    };
    let most = 0;
    let index: PageIndexType;
    try {
      const steps = PageIndex.readAutoSteps(doc, null);
      for (;;) {
        sets = 0;
        const r = steps.next();
        most = Math.max(most, sets);
        if (r.done) {
          index = r.value;
          break;
        }
      }
    } finally {
      Map.prototype.set = set;
    }
    expect(index.sparse).toBe(true);
    const whole = runToEnd(PageIndex.readSteps(doc));
    expect(index.page.blocks.map((b) => b.text)).toEqual(whole.page.blocks.map((b) => b.text));
    expect(index.segments[0]!.length).toBeGreaterThan(40_000);
    expect(most).toBeLessThanOrEqual(4_200);
  });
});

describe('PageIndex.update, headings added in two parts at once (a sparse index)', () => {
  it('says of neither part that its heading was there all along', async () => {
    const { doc, index } = await sparseBenchIndex();
    const cards = Array.from(doc.querySelectorAll('.grid > .card'));
    const records = [cards[10], cards[cards.length - 10]].map((card, k) => {
      const div = doc.createElement('div');
      div.innerHTML = `<h2>New ${k}</h2><p>Magnesium L-threonate improves memory.</p>`;
      (card as Element).after(div);
      return record(div.parentNode as Node, { added: [div], previousSibling: div.previousSibling, nextSibling: div.nextSibling });
    });
    const edits = index.update(changedNodes(records));
    const withNew = (edits ?? []).filter((e) => e.added.some((b) => b.text.startsWith('New ')));
    expect(withNew.length).toBe(2);
    // The list of headings, made again for the first part, held the second's: it was taken
    // for a heading that had been on the page, and its sections for unchanged.
    expect(withNew.map((e) => e.headingsWereThere ?? false)).toEqual([false, false]);
  });
});

/** Counts `compareDocumentPosition` calls in `doc` (linkedom keeps it on one prototype of its nodes). */
function comparisons(doc: Document): { count(): number; restore(): void } {
  let proto: object | null = doc.createTextNode('x');
  while (proto !== null && !Object.prototype.hasOwnProperty.call(proto, 'compareDocumentPosition')) proto = Object.getPrototypeOf(proto);
  const spy = vi.spyOn(proto as { compareDocumentPosition: Node['compareDocumentPosition'] }, 'compareDocumentPosition');
  return { count: () => spy.mock.calls.length, restore: () => spy.mockRestore() };
}

/** Counts how often a HeadingIndex makes its list (one query of the whole page's headings). */
function headingQueries(): { count(of?: object): number; restore(): void } {
  const spy = vi.spyOn(HeadingIndex.prototype, 'loadSteps');
  return { count: (of) => spy.mock.contexts.filter((c) => of === undefined || c === of).length, restore: () => spy.mockRestore() };
}

describe('PageIndex.update, 20 cards appended to a sparse index (infinite scroll)', () => {
  it('finds the headings open above them by counts, not by comparisons across the long list', async () => {
    const { doc, index } = await sparseBenchIndex();
    const grid = doc.querySelector('.grid') as Element;
    const records = Array.from({ length: 20 }, (_, k) => {
      const card = doc.createElement('div');
      card.className = 'card';
      card.innerHTML = `<h3>Card ${k}</h3><p>Magnesium L-threonate improves memory.</p>`;
      grid.append(card);
      return record(grid, { added: [card], previousSibling: card.previousSibling, nextSibling: null });
    });
    const compare = comparisons(doc);
    const query = headingQueries();
    const edits = index.update(changedNodes(records));
    const calls = compare.count();
    compare.restore();
    // The 20 new <h3>s are placed in the heading list by short walks back: no new query of the page.
    expect(query.count()).toBe(0);
    query.restore();
    expect((edits ?? []).filter((e) => e.added.some((b) => b.text.startsWith('Card '))).length).toBe(20);
    // A binary search over the index for the heading open above each card: ~300 calls
    // (~0.1 ms each on a huge page in Chromium); by counts, ~80.
    expect(calls).toBeLessThan(150);
  });
});

describe('PageIndex.update, a paragraph appended below headings already indexed', () => {
  it('finds those headings in the index, not by comparing places in the page', async () => {
    const { doc, index } = await sparseBenchIndex();
    // After the page's last claim: its section's headings are indexed.
    const claims = Array.from(doc.querySelectorAll('main p')).filter((el) => /threonate/i.test(el.textContent ?? ''));
    const last = claims.at(-1) as Element;
    const p = doc.createElement('p');
    p.innerHTML = 'Late: <b>Magnesium L-threonate</b> improves <em>memory</em>.';
    last.after(p);
    const parent = p.parentNode as Node;
    const before = index.page.blocks.length;
    const compare = comparisons(doc);
    const edits = index.update(changedNodes([record(parent, { added: [p], previousSibling: p.previousSibling, nextSibling: p.nextSibling })]));
    const calls = compare.count();
    compare.restore();
    // Only the paragraph went in: every heading open above it was indexed.
    expect(edits?.map((e) => e.added.map((b) => b.text))).toEqual([['Late: Magnesium L-threonate improves memory.']]);
    expect(index.page.blocks.length).toBe(before + 1);
    expect(index.page.blocks.at(-1)?.text).toBe('Late: Magnesium L-threonate improves memory.');
    // The paragraph's own place: two comparisons. Each heading searched for as well: 7.
    expect(calls).toBeLessThanOrEqual(3);
  });
});

describe('PageIndex.update on a large changed part', () => {
  it('asks for a re-read in slices (null) instead of reading thousands of elements at once', () => {
    const spans = Array.from({ length: 3100 }, (_, i) => `<span>word ${i} </span>`).join('');
    const { document } = parseHTML(`<html><body><main><div id="big">${spans}</div><p id="small">Small <b>part</b>.</p></main></body></html>`);
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const inBig = doc.querySelector('#big span')!.firstChild as Text;
    inBig.data = 'changed';
    expect(index.update([inBig])).toBeNull();
    const inSmall = doc.querySelector('#small b')!.firstChild as Text;
    inSmall.data = 'piece';
    expect(index.update([inSmall])).not.toBeNull();
  });
});

describe('PageIndex.resplit', () => {
  it('follows text nodes split by a marker without re-reading', () => {
    const { document } = parseHTML('<html><body><p>One two three. Four five.</p></body></html>');
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const text = doc.querySelector('p')!.firstChild as Text;
    // What Range.insertNode does at offset 15 (linkedom has no splitText).
    const rest = doc.createTextNode(text.data.slice(15));
    text.data = text.data.slice(0, 15);
    text.after(doc.createElement('evidence-lens-marker'), rest);
    expect(index.resplit([0])).toBe(true);
    const segs = index.segments[0]!;
    expect(segs.map((s) => s.start)).toEqual([0, 15]);
    expect(segs[0]!.node === text && segs[1]!.node === rest).toBe(true);
    // A page change that breaks the text: not lined up any more.
    rest.data = 'x';
    expect(index.resplit([0])).toBe(false);
  });

  it('keeps the segments of the nodes no marker split as they were, and follows the split one', () => {
    const { document } = parseHTML('<html><body><p>One <b>two</b> three. Four five.</p></body></html>');
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const before = index.segments[0]!;
    expect(before.map((s) => s.start)).toEqual([0, 4, 7]);
    const last = before[2]!.node;
    const rest = doc.createTextNode(last.data.slice(8));
    last.data = last.data.slice(0, 8);
    last.after(doc.createElement('evidence-lens-marker'), rest);
    expect(index.resplit([0])).toBe(true);
    const segs = index.segments[0]!;
    expect(segs.map((s) => s.start)).toEqual([0, 4, 7, 15]);
    expect(segs[0] === before[0] && segs[1] === before[1]).toBe(true);
    expect(segs[2]!.node === last && segs[3]!.node === rest).toBe(true);
  });
});

describe('HeadingIndex.countBefore', () => {
  /** Headings before `node` in document order, one holding it not counted: by walking everything. */
  function bruteForce(doc: Document, node: Node): number {
    let count = 0;
    const walker = doc.createTreeWalker(doc.body, 1 | 4);
    for (let n = walker.nextNode(); n !== null && n !== node; n = walker.nextNode()) {
      if (n.nodeType === 1 && (n as Element).matches(HEADING_SELECTOR) && !n.contains(node)) count++;
    }
    return count;
  }

  const cases: Array<[string, string]> = [
    // Headings every few nodes: the walk back to the nearest one.
    ['a bench page', generatePage(benchPages(0.05)[0]!)],
    // Long stretches without a heading, and text inside headings: the binary search.
    [
      'far-apart headings',
      `<html><body><h1>Top</h1>${'<p>Words here.</p>'.repeat(300)}<h2>Mid <b>bold</b></h2><div role="heading">Role</div>${'<p>More.</p>'.repeat(300)}</body></html>`,
    ],
  ];
  for (const [name, html] of cases) {
    it(`equals a count over the whole page: ${name}`, () => {
      const { document } = parseHTML(html);
      const doc = document as unknown as Document;
      const index = new HeadingIndex(doc.body);
      const walker = doc.createTreeWalker(doc.body, 4);
      let checked = 0;
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        if (checked++ % 7 !== 0) continue;
        expect(index.countBefore(n), (n as Text).data).toBe(bruteForce(doc, n));
      }
      expect(checked).toBeGreaterThan(100);
    });
  }

  it('stays equal after headings are added, removed and moved (update, not a new query)', () => {
    const { document } = parseHTML(generatePage(benchPages(0.05)[0]!));
    const doc = document as unknown as Document;
    const index = new HeadingIndex(doc.body);
    index.countBefore(doc.body.firstChild as Node); // the list, made once
    const rand = rng(5);
    const cards = (): Element[] => Array.from(doc.querySelectorAll('.grid > *'));
    for (let round = 0; round < 30; round++) {
      const all = cards();
      const card = all[Math.floor(rand() * all.length)] as Element;
      const r = rand();
      let fresh: Element[] = [];
      if (r < 0.4) {
        // A card added (infinite scroll), with a heading of its own.
        const added = doc.createElement('div');
        added.innerHTML = `<h3>New ${round}</h3><p>Words.</p>`;
        card.after(added);
        fresh = Array.from(added.querySelectorAll('h3'));
      } else if (r < 0.7) {
        card.remove();
      } else {
        // Moved (a carousel turning): its headings are read again where they went.
        const to = all[Math.floor(rand() * all.length)] as Element;
        if (to === card) continue;
        // (Taken out first: linkedom loses a node moved straight to before an earlier sibling.)
        card.remove();
        to.before(card);
        fresh = Array.from(card.querySelectorAll(HEADING_SELECTOR));
      }
      index.update(fresh);
      const listed = (index as unknown as { list: Element[] }).list;
      const queried = Array.from(doc.body.querySelectorAll(HEADING_SELECTOR));
      expect(listed.map((e) => e.textContent), `round ${round} ${r}`).toEqual(queried.map((e) => e.textContent));
      const fromScratch = new HeadingIndex(doc.body);
      const walker = doc.createTreeWalker(doc.body, 4);
      let checked = 0;
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        if (checked++ % 23 !== 0) continue;
        expect(index.countBefore(n), `round ${round}`).toBe(bruteForce(doc, n));
        expect(index.openAbove(n, 0).map((h) => h.block.text)).toEqual(fromScratch.openAbove(n, 0).map((h) => h.block.text));
      }
    }
  });

  it('places many headings at once (cards appended, moved together) by walks back, without a new query', () => {
    const { document } = parseHTML(generatePage(benchPages(0.05)[0]!));
    const doc = document as unknown as Document;
    const index = new HeadingIndex(doc.body);
    index.countBefore(doc.body.firstChild as Node); // the list, made once
    const query = headingQueries();
    const rand = rng(11);
    const cards = (): Element[] => Array.from(doc.querySelectorAll('.grid > *'));
    for (let round = 0; round < 16; round++) {
      const all = cards();
      const fresh: Element[] = [];
      // One to three places at once, each with up to 24 cards (an infinite scroll's page),
      // some holding a second, nested-level heading.
      for (let place = 1 + Math.floor(rand() * 3); place > 0; place--) {
        const at = all[Math.floor(rand() * all.length)] as Element;
        const added: Element[] = [];
        for (let k = 1 + Math.floor(rand() * 24); k > 0; k--) {
          const card = doc.createElement('div');
          card.innerHTML = rand() < 0.3 ? `<h3>New ${round}.${k}</h3><div><h4>Sub ${k}</h4><p>Words.</p></div>` : `<h3>New ${round}.${k}</h3><p>Words.</p>`;
          added.push(card);
        }
        at.after(...added);
        for (const card of added) fresh.push(...Array.from(card.querySelectorAll(HEADING_SELECTOR)));
      }
      if (rand() < 0.5) {
        // A run of cards moved together: their headings are read again where they went.
        const from = Math.floor(rand() * (all.length - 6));
        const run = all.slice(from, from + 1 + Math.floor(rand() * 5));
        const to = all[Math.floor(rand() * all.length)] as Element;
        if (!run.includes(to)) {
          for (const card of run) card.remove();
          to.before(...run);
          for (const card of run) fresh.push(...Array.from(card.querySelectorAll(HEADING_SELECTOR)));
        }
      }
      if (rand() < 0.3) {
        // A card taken away whose heading no block we read holds: nothing tells the list.
        const gone = cards()[Math.floor(rand() * cards().length)] as Element;
        if (!fresh.some((h) => gone.contains(h))) gone.remove();
      }
      // The order the parts were read in says nothing of the page's order.
      fresh.sort(() => rand() - 0.5);
      index.update(fresh);
      const listed = (index as unknown as { list: Element[] | null }).list;
      expect(listed, `round ${round}: the list was dropped`).not.toBeNull();
      const queried = Array.from(doc.body.querySelectorAll(HEADING_SELECTOR));
      // Headings taken away may stay listed until a change drops one of ours; the rest are in the page's order.
      expect(listed!.filter((e) => e.isConnected).map((e) => e.textContent), `round ${round}`).toEqual(queried.map((e) => e.textContent));
      const fromScratch = new HeadingIndex(doc.body);
      const walker = doc.createTreeWalker(doc.body, 4);
      let checked = 0;
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        if (checked++ % 97 !== 0) continue;
        const stale = listed!.slice(0, index.countBefore(n)).filter((e) => !e.isConnected).length;
        expect(index.countBefore(n) - stale, `round ${round}`).toBe(bruteForce(doc, n));
        expect(index.openAbove(n, 0).map((h) => h.block.text), `round ${round}`).toEqual(fromScratch.openAbove(n, 0).map((h) => h.block.text));
      }
    }
    expect(query.count(index)).toBe(0);
    query.restore();
  });

  it('answers again for a node it counted, without a walk, until the page removes nodes (a move)', () => {
    const { document } = parseHTML(
      `<html><body>${Array.from({ length: 20 }, (_, i) => `<h2>Part ${i}</h2><p>Words ${i}.</p>`).join('')}</body></html>`,
    );
    const doc = document as unknown as Document;
    const index = new HeadingIndex(doc.body);
    const paragraphs = Array.from(doc.querySelectorAll('p'));
    const text = (i: number): Text => (paragraphs[i] as Element).firstChild as Text;
    expect(index.countBefore(text(3))).toBe(4);
    const walks = vi.spyOn(HeadingIndex.prototype as unknown as { headingBefore(): unknown }, 'headingBefore');
    expect(index.countBefore(text(3))).toBe(4);
    expect(index.countNear(text(3))).toBe(4);
    expect(walks).not.toHaveBeenCalled();
    // Inserting moves nothing already there: still no walk.
    const added = doc.createElement('p');
    added.textContent = 'New.';
    (paragraphs[0] as Element).after(added);
    expect(index.countBefore(text(3))).toBe(4);
    expect(walks).not.toHaveBeenCalled();
    // Moved under part 15, the count found before would be wrong; the observer has seen a removal.
    const before = removalCount();
    const records = [removal(paragraphs[3] as ChildNode)];
    (paragraphs[15] as Element).after(paragraphs[3] as Element);
    observed(records);
    expect(removalCount()).toBe(before + 1);
    expect(index.countBefore(text(3))).toBe(16);
    expect(walks).toHaveBeenCalled();
    walks.mockRestore();
  });

  it('counts a heading\'s own text as the headings before it when it hands the heading out (openAbove), unless headings nest there', () => {
    const { document } = parseHTML(
      // (Over 16 headings: fewer are counted by a binary search, no walk.)
      `<html><body><h1>Top</h1>${Array.from({ length: 20 }, (_, i) => `<h2>Part ${i}</h2><p>Words ${i}.</p>`).join('')}` +
        `<div role="heading" aria-level="2"><h3>Inner</h3> and more</div><p>Body.</p><h2>Last</h2><p>End.</p></body></html>`,
    );
    const doc = document as unknown as Document;
    const index = new HeadingIndex(doc.body);
    const paragraphs = Array.from(doc.querySelectorAll('p'));
    const end = (paragraphs[paragraphs.length - 1] as Element).firstChild as Text;
    const open = index.openAbove(end, 0);
    expect(open.map((r) => r.block.text)).toEqual(['Top', 'Last']);
    const walks = vi.spyOn(HeadingIndex.prototype as unknown as { headingBefore(): unknown }, 'headingBefore');
    const searches = vi.spyOn(HeadingIndex.prototype as unknown as { countBySearch(): unknown }, 'countBySearch');
    // Top's and Last's text: counted when handed out, no walk.
    for (const r of open) index.countBefore(r.segments[0]!.node);
    expect(walks).not.toHaveBeenCalled();
    expect(searches).not.toHaveBeenCalled();
    walks.mockRestore();
    searches.mockRestore();
    const fresh = new HeadingIndex(doc.body);
    for (const r of open) expect(index.countBefore(r.segments[0]!.node)).toBe(fresh.countBefore(r.segments[0]!.node));
    // The nested ones are left to a count of their own, which equals a count from scratch.
    const body = (doc.querySelector('div + p') as Element).firstChild as Text;
    const nested = index.openAbove(body, 0);
    for (const r of nested) expect(index.countBefore(r.segments[0]!.node)).toBe(new HeadingIndex(doc.body).countBefore(r.segments[0]!.node));
  });
});

describe('removesNodes (the observer)', () => {
  it('is true when the page takes a node out, false for insertions and for our own markers taken out', () => {
    const { document } = parseHTML('<html><body><p>One.</p><p>Two.</p></body></html>');
    const doc = document as unknown as Document;
    const p = doc.querySelector('p') as Element;
    const added = doc.createElement('p');
    doc.body.append(added);
    expect(removesNodes([record(doc.body, { added: [added] })])).toBe(false);
    expect(removesNodes([{ type: 'characterData', target: p.firstChild } as unknown as MutationRecord])).toBe(false);
    const marker = doc.createElement('evidence-lens-marker');
    expect(removesNodes([record(p, { removed: [marker] })])).toBe(false);
    expect(removesNodes([record(doc.body, { added: [added] }), removal(p)])).toBe(true);
  });
});

describe('a sparse read of headings in parts, or holding blocks, gives the claims a whole read gives', () => {
  // Found by comparing sparse reads with whole reads on page shapes unlike the bench's:
  // a <br> in a heading makes two heading blocks (the second closes the first's section),
  // and a block element inside a heading is an ordinary block after the heading's text.
  const pad = Array.from({ length: 20 }, (_, i) => `<p>Note ${i}: the parcel came on time and the lid was sealed, nothing else to say.</p>`).join('');
  const divPad = pad.replace(/<(\/?)p>/g, '<$1div>');
  const cases: Array<[string, string, string]> = [
    ['a <br> in a heading: its second part closes the first (no claim)', 'Supplement notes', `<h3>Magnesium L-threonate<br>Shipping</h3>${pad}<ul><li>Improves memory.</li></ul>${pad}`],
    ['a <br> in a heading: its second part opens the section', 'Magnesium L-threonate guide', `<h2>Magnesium citrate<br><small>and what else to try</small></h2>${pad}<ul><li>Improves memory.</li></ul>${pad}`],
    ['a <br> in a heading whose second part names MgT (read first, as a candidate)', 'Supplement notes', `<h3>Benefits<br>of magnesium L-threonate</h3>${pad}<ul><li>Improves memory.</li></ul>${pad}`],
    ['a block inside a heading belongs to that heading\'s section', 'Supplement notes', `<h2>Magnesium L-threonate</h2>${pad}<h2>Alternatives<div>It improves memory.</div></h2>${pad}`],
    ['the same with role=heading elements', 'Supplement notes', `<div role="heading" aria-level="2">Magnesium L-threonate</div>${divPad}<div role="heading" aria-level="2">Alternatives<div>It improves memory.</div></div>${divPad}`],
    ['a block inside a heading, under a page about MgT', 'Magnesium L-threonate guide', `<h3>Magnesium citrate</h3>${pad}<h3>Why we like it<div>Improves memory.</div></h3>${pad}`],
    ['a block inside a heading before its text: in the section before', 'Supplement notes', `<h2>Magnesium L-threonate</h2>${pad}<h2><div>It improves memory.</div>Alternatives</h2>${pad}`],
    ['nested headings around a block', 'Supplement notes', `<h2>Magnesium L-threonate</h2>${pad}<h2>Other forms<h3>Glycinate</h3><div>It improves memory.</div></h2>${pad}<p>Magtein improves focus.</p>`],
  ];
  for (const [name, title, body] of cases) {
    it(name, async () => {
      const { runToEnd } = await import('../../src/core/steps');
      const { detectClaims } = await import('../../src/core/claims/detect');
      const html = `<html><head><title>${title}</title></head><body>${body}</body></html>`;
      const claims = (doc: Document, blocks: Parameters<typeof detectClaims>[0]): string[] =>
        detectClaims(blocks, { title: doc.title }).map((m) => `${m.claim}/${m.stance}: ${m.quote}`).sort();
      const whole = parseHTML(html).document as unknown as Document;
      const expected = claims(whole, extractPageData(whole, null).page.blocks);
      const doc = parseHTML(html).document as unknown as Document;
      const index = runToEnd(PageIndex.readAutoSteps(doc, null));
      expect(index.sparse).toBe(true);
      expect(claims(doc, index.page.blocks)).toEqual(expected);
      // And in page order, each block as the whole read has it.
      const fresh = extractPageData(doc, null);
      const at = new Map(fresh.segments.map((segs, i) => [segs[0]?.node, i]));
      const places = index.segments.map((segs) => at.get(segs[0]?.node) ?? -1);
      expect(places.every((p, i) => p >= 0 && (i === 0 || p > (places[i - 1] as number)))).toBe(true);
    });
  }
});

describe('a sparse index after a heading changes (hidden, a part of it hidden or joined, its role or level set)', () => {
  // Found by changing generated pages at random after load: the blocks of a heading
  // read in an earlier pass were kept, and handed out again as open above a later
  // block after the heading had been hidden or changed; and `role`/`aria-level`
  // changes were not seen at all.
  const pad = Array.from({ length: 20 }, (_, i) => `<p>Note ${i}: the parcel came on time and the lid was sealed, nothing else to say.</p>`).join('');
  const attribute = (target: Element, name: string, value: string | null): MutationRecord => {
    const oldValue = target.getAttribute(name);
    if (value === null) target.removeAttribute(name);
    else target.setAttribute(name, value);
    return { type: 'attributes', target, attributeName: name, oldValue } as unknown as MutationRecord;
  };
  const cases: Array<[string, string, (doc: Document) => MutationRecord[]]> = [
    ['a heading hidden', `<h2>Magnesium citrate</h2>${pad}<h3 id="h">Magnesium L-threonate</h3><ul id="u"><li>Improves memory.</li></ul>${pad}`, (doc) => [attribute(doc.getElementById('h')!, 'hidden', '')]],
    ['a heading hidden by its style', `<h2>Magnesium citrate</h2>${pad}<h3 id="h">Magnesium L-threonate</h3><ul id="u"><li>Improves memory.</li></ul>${pad}`, (doc) => [attribute(doc.getElementById('h')!, 'style', 'display: none')]],
    ['a wrapper around a heading hidden', `<h2>Magnesium citrate</h2>${pad}<div id="w"><h3>Magnesium L-threonate</h3></div><ul id="u"><li>Improves memory.</li></ul>${pad}`, (doc) => [attribute(doc.getElementById('w')!, 'hidden', '')]],
    ['a heading hidden reopens the section before it', `<h2>Magnesium citrate</h2>${pad}<h3>Magnesium L-threonate</h3>${pad}<h3 id="h">Shipping</h3><ul id="u"><li>Improves memory.</li></ul>${pad}`, (doc) => [attribute(doc.getElementById('h')!, 'hidden', '')]],
    ['a heading in a summary hidden', `<h2>Magnesium L-threonate</h2>${pad}<details><summary><h3 id="h">Alternatives</h3></summary><ul id="u"><li>Improves memory.</li></ul></details>${pad}`, (doc) => [attribute(doc.getElementById('h')!, 'hidden', '')]],
    ['a heading\'s second part hidden', `<h2>Magnesium L-threonate</h2>${pad}<h3 id="h">Magtein<span id="s"><br>Alternatives</span></h3><ul id="u"><li>Improves memory.</li></ul>${pad}`, (doc) => [attribute(doc.getElementById('s')!, 'hidden', '')]],
    ['a heading\'s <br> taken away', `<h2>Magnesium L-threonate</h2>${pad}<h3 id="h">Magtein<br>Alternatives</h3><ul id="u"><li>Improves memory.</li></ul>${pad}`, (doc) => [removal(doc.querySelector('#h br')!)]],
    ['a heading\'s aria-level changed', `<div role="heading" aria-level="2">Magnesium L-threonate</div>${pad}<div role="heading" aria-level="3" id="h">Magnesium citrate</div><ul><li>Improves memory.</li></ul><div role="heading" aria-level="3">Details</div><ul id="u"><li>Calms anxiety.</li></ul>${pad}`, (doc) => [attribute(doc.getElementById('h')!, 'aria-level', '2')]],
    ['an element made a heading by its role', `<h2>Magnesium L-threonate</h2>${pad}<div id="h">Alternatives</div><ul id="u"><li>Improves memory.</li></ul>${pad}`, (doc) => [attribute(doc.getElementById('h')!, 'role', 'heading')]],
    ['a heading\'s role taken away', `<h2>Magnesium L-threonate</h2>${pad}<div role="heading" id="h">Alternatives</div><ul id="u"><li>Improves memory.</li></ul>${pad}`, (doc) => [attribute(doc.getElementById('h')!, 'role', null)]],
  ];
  for (const [name, body, change] of cases) {
    it(name, async () => {
      const { runToEnd } = await import('../../src/core/steps');
      const { detectClaims } = await import('../../src/core/claims/detect');
      const doc = parseHTML(`<html><head><title>Supplement notes</title></head><body>${body}</body></html>`).document as unknown as Document;
      const claims = (blocks: Parameters<typeof detectClaims>[0]): string[] =>
        detectClaims(blocks, { title: doc.title }).map((m) => `${m.claim}/${m.stance}: ${m.quote}`).sort();
      const index = runToEnd(PageIndex.readAutoSteps(doc, null));
      expect(index.sparse).toBe(true);
      const expectWhole = (step: string): void => {
        const fresh = extractPageData(doc, null);
        expect(claims(index.page.blocks), step).toEqual(claims(fresh.page.blocks));
        const at = new Map(fresh.segments.map((segs, i) => [segs[0]?.node, i]));
        const places = index.segments.map((segs) => at.get(segs[0]?.node) ?? -1);
        expect(places.every((p, i) => p >= 0 && (i === 0 || p > (places[i - 1] as number))), `${step}: blocks as a fresh read has them, in order`).toBe(true);
      };
      expectWhole('first pass');
      const records = change(doc);
      if (index.update(observed(records)) === null) runToEnd(index.rebuildSteps());
      expectWhole('after the change');
      // Then a claim added under that heading, which names none: its section decides.
      const li = doc.createElement('li');
      li.textContent = 'Supports restful sleep.';
      const ul = doc.getElementById('u')!;
      ul.append(li);
      if (index.update(observed([record(ul, { added: [li], previousSibling: li.previousSibling })])) === null) runToEnd(index.rebuildSteps());
      expectWhole('after a claim added below');
    });
  }
});

describe('PageIndex.update: an element moved where it gives no block', () => {
  // A marked paragraph hidden, then moved into another part of the page (a tab's
  // panel folded away and re-parented): where it went it gives no block, so only the
  // block read where it was held its text, and no re-read dropped it. Its claim stayed
  // counted and marked, hidden.
  it('hidden, then moved in the same batch: its block where it was is dropped', () => {
    const { document } = parseHTML(`<html><head><title>Notes</title></head><body>
<article><p id="a">Magnesium L-threonate improves memory.</p><p>Plain text.</p></article>
<details><summary>Neuro-Mag</summary><p id="moved">It is gentle on the stomach.</p></details>
</body></html>`);
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    expect(index.page.blocks.map((b) => b.text)).toContain('It is gentle on the stomach.');
    const moved = doc.getElementById('moved') as Element;
    const details = moved.parentNode as Node;
    moved.setAttribute('hidden', '');
    const previousSibling = moved.previousSibling;
    const nextSibling = moved.nextSibling;
    (doc.getElementById('a') as Element).after(moved);
    const records = [
      { type: 'attributes', target: moved, attributeName: 'hidden', oldValue: null } as unknown as MutationRecord,
      record(details, { removed: [moved], previousSibling, nextSibling }),
      record(moved.parentNode as Node, { added: [moved], previousSibling: moved.previousSibling, nextSibling: moved.nextSibling }),
    ];
    expect(index.update(observed(records))).not.toBeNull();
    const fresh = extractPageData(doc, null);
    expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
    expect(index.page.blocks.map((b) => b.text)).not.toContain('It is gentle on the stomach.');
  });
});

describe('PageIndex.update: several parts in one batch, one of them moved', () => {
  // A batch names two parts: a paragraph added, and one moved to the end (a list
  // re-sorted while a review loads). Read first, the added paragraph was placed by
  // a binary search over a list that still held the moved one where it was, out of
  // page order now: it went in the wrong place, and claims after it took their
  // subject from the wrong blocks.
  it('an insertion read before a move in the same batch goes where it is in the page', () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) => `<p id="p${i + 1}">Paragraph ${i + 1}.</p>`).join('');
    const { document } = parseHTML(`<html><head><title>Notes</title></head><body><main>${paragraphs}</main></body></html>`);
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const main = doc.querySelector('main') as Element;
    const added = doc.createElement('p');
    added.textContent = 'Magnesium L-threonate improves memory.';
    (doc.getElementById('p8') as Element).after(added);
    const moved = doc.getElementById('p6') as Element;
    const previousSibling = moved.previousSibling;
    const nextSibling = moved.nextSibling;
    main.append(moved);
    const records = [
      record(main, { added: [added], previousSibling: added.previousSibling, nextSibling: added.nextSibling }),
      record(main, { removed: [moved], previousSibling, nextSibling }),
      record(main, { added: [moved], previousSibling: moved.previousSibling, nextSibling: null }),
    ];
    expect(index.update(observed(records))).not.toBeNull();
    const fresh = extractPageData(doc, null);
    expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
  });
});

describe('PageIndex.update: two headings renamed in one batch, an unlisted heading between them', () => {
  // Found by the after-load probe (a storm on a page of skipped heading levels): the
  // <h3>'s part was read first, and the headings open above it (the <h2>, and the
  // <h6> not listed until then) were placed by a binary search over an index that
  // still held the <h2>'s old text, gone from the page: taken for a block after the
  // new one, it sent the <h6> ~20 places too early, the <h2>'s own re-read stopped
  // there, and its old name stayed the subject of the claims below it.
  it('places them where they are in the page, and the claims below take the new name', async () => {
    const { runToEnd } = await import('../../src/core/steps');
    const { detectClaims } = await import('../../src/core/claims/detect');
    const filler = (n: number, s: string): string =>
      Array.from({ length: n }, (_, i) => `<p>${s} ${i}: shipping was quick and the bottle arrived sealed, taste is fine, would order again.</p>`).join('');
    const doc = parseHTML(`<html><head><title>Deep outline</title></head><body><main>
<h1>Outline</h1>${filler(25, 'A')}
<p id="x">Supports healthy memory and learning.</p>
<h2 id="a">Magnesium oxide</h2>${filler(2, 'B')}
<p>Pharmacy clear days too the them and pharmacy breakfast clear pharmacy clear sealed.</p>
<h6>Benefits</h6>${filler(2, 'C')}
<h3 id="b">Mag-T</h3>
<p>Improves memory.</p>${filler(5, 'D')}
</main></body></html>`).document as unknown as Document;
    const claims = (blocks: Parameters<typeof detectClaims>[0]): string[] =>
      detectClaims(blocks, { title: doc.title }).map((m) => `${m.claim}/${m.stance}: ${m.quote}`).sort();
    const index = runToEnd(PageIndex.readAutoSteps(doc, null));
    expect(index.sparse).toBe(true);
    const x = doc.getElementById('x')!.firstChild as Text;
    x.data = 'Supports healthy mood and learning.';
    expect(index.update(observed([{ type: 'characterData', target: x } as unknown as MutationRecord]))).not.toBeNull();
    const rename = (el: Element, text: string): MutationRecord => {
      const old = el.firstChild as ChildNode;
      el.textContent = text;
      return record(el, { removed: [old], added: [el.firstChild as ChildNode] });
    };
    const records = [rename(doc.getElementById('b')!, 'Magnesium L-threonate'), rename(doc.getElementById('a')!, 'Magtein')];
    expect(index.update(observed(records))).not.toBeNull();
    const fresh = extractPageData(doc, null);
    expect(claims(index.page.blocks)).toEqual(claims(fresh.page.blocks));
    expect(claims(fresh.page.blocks)).toHaveLength(4);
    const at = new Map(fresh.segments.map((segs, i) => [segs[0]?.node, i]));
    const places = index.segments.map((segs) => at.get(segs[0]?.node) ?? -1);
    expect(places.every((p, i) => p >= 0 && (i === 0 || p > (places[i - 1] as number)))).toBe(true);
  });
});

describe('PageIndex.update: many parts at once', () => {
  // 1,000 rows appended in one batch (a list rendered again) named 1,000 parts, and
  // each was compared with every other to drop those another holds: ~115 ms in one
  // task. Past 32 parts, a walk up from each part finds the same outermost ones.
  it('drops the parts another part holds, and reads each block once (past the pairwise bound)', () => {
    const sections = Array.from({ length: 40 }, (_, i) => `<section id="s${i}"><p>Section ${i}: the parcel came on time.</p></section>`).join('');
    const { document } = parseHTML(`<html><head><title>Notes</title></head><body><main>${sections}</main></body></html>`);
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const records: MutationRecord[] = [];
    for (let i = 0; i < 40; i++) {
      const section = doc.getElementById(`s${i}`) as Element;
      const div = doc.createElement('div');
      section.append(div);
      records.push(record(section, { added: [div], previousSibling: div.previousSibling }));
      const p = doc.createElement('p');
      p.textContent = i % 7 === 0 ? 'Magnesium L-threonate improves memory.' : `Row ${i}: in stock.`;
      div.append(p);
      records.push(record(div, { added: [p] }));
    }
    const changed = observed(records);
    expect(changed.length).toBeGreaterThan(32);
    const edits = index.update(changed, Infinity);
    // One part per section: each <p> is inside the <div> added with it.
    expect(edits?.length).toBe(40);
    const fresh = extractPageData(doc, null);
    expectSame(index.page.blocks, index.segments, fresh.page.blocks, fresh.segments);
  });
});
