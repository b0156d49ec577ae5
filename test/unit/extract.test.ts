import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractBlocks, extractPageData, offsetToPosition } from '../../src/extract';
import type { TextSegment } from '../../src/extract';

function doc(html: string): Document {
  return parseHTML(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`)
    .document as unknown as Document;
}

function texts(html: string): string[] {
  const d = doc(html);
  return extractBlocks(d.body).blocks.map((b) => b.text);
}

describe('extractBlocks: block boundaries', () => {
  it('keeps a sentence split across inline elements in one block', () => {
    expect(
      texts('<p>Magnesium <b>L-Threonate</b> <a href="#">crosses the <em>blood-brain</em> barrier</a><sup>1</sup>.</p>'),
    ).toEqual(['Magnesium L-Threonate crosses the blood-brain barrier1.']);
  });

  it('splits block elements and keeps raw whitespace', () => {
    expect(texts('<div>\n  <p>  One. </p>\n  <li>Two</li><h2>Three</h2></div>')).toEqual([
      '  One. ',
      'Two',
      'Three',
    ]);
  });

  it('gives text sitting directly in a div its own blocks around nested blocks', () => {
    expect(texts('<div>Before <b>bold</b><p>inner</p>after</div>')).toEqual(['Before bold', 'inner', 'after']);
  });

  it('treats <br> as a block break', () => {
    expect(texts('<p>Serving Size: 3 capsules<br>Servings Per Container: 30</p>')).toEqual([
      'Serving Size: 3 capsules',
      'Servings Per Container: 30',
    ]);
  });

  it('makes table cells separate blocks with their tags', () => {
    const d = doc('<table><tr><th>Amount</th><td>144 <small>mg</small></td></tr></table>');
    const { blocks } = extractBlocks(d.body);
    expect(blocks.map((b) => [b.tag, b.text])).toEqual([
      ['th', 'Amount'],
      ['td', '144 mg'],
    ]);
  });

  it('drops whitespace-only blocks', () => {
    expect(texts('<div>   \n  </div><p> </p><p>x</p>')).toEqual(['x']);
  });
});

describe('extractBlocks: skipped regions', () => {
  it('skips scripts, styles, controls, hidden, aria-hidden, editable, markers and SVG', () => {
    const html = [
      '<p>keep 1</p>',
      '<script>var claim = "memory";</script><style>p{}</style><noscript>ns</noscript>',
      '<template><p>tpl</p></template><textarea>ta</textarea><select><option>opt</option></select>',
      '<button>Add to cart</button>',
      '<p hidden>hidden</p><p aria-hidden="true">aria</p><p aria-hidden="false">keep 2</p>',
      '<div contenteditable>ce1</div><div contenteditable="true">ce2</div>',
      '<div contenteditable="plaintext-only">ce3</div><div contenteditable="false">keep 3</div>',
      '<p>keep <evidence-lens-marker>MARK</evidence-lens-marker>4</p>',
      '<svg><text>svg text</text></svg><p style="display: none">styled</p>',
      '<div hidden="until-found">keep 5</div>',
    ].join('');
    expect(texts(html)).toEqual(['keep 1', 'keep 2', 'keep 3', 'keep 4', 'keep 5']);
  });

  it('returns nothing when the root sits inside a skipped subtree', () => {
    const d = doc('<div contenteditable="true"><p id="x">typed</p></div>');
    expect(extractBlocks(d.getElementById('x') as Element).blocks).toEqual([]);
  });
});

describe('extractBlocks: regions and headings', () => {
  it('assigns regions from landmarks and roles', () => {
    const d = doc(
      [
        '<header><p>banner</p><nav><a>menu link</a></nav></header>',
        '<div role="navigation"><span>role nav</span></div>',
        '<ul role="menubar"><li>menubar item</li></ul>',
        '<main><article><header><h1>Article title</h1></header><p>body</p>',
        '<footer>article footer</footer></article></main>',
        '<aside><p>aside</p></aside><div role="complementary">compl</div>',
        '<div role="banner">role banner</div>',
        '<footer><p>site footer</p></footer><div role="contentinfo">ci</div>',
      ].join(''),
    );
    const got = extractBlocks(d.body).blocks.map((b) => [b.text, b.region]);
    expect(got).toEqual([
      ['banner', 'header'],
      ['menu link', 'nav'],
      ['role nav', 'nav'],
      ['menubar item', 'nav'],
      ['Article title', 'main'],
      ['body', 'main'],
      ['article footer', 'main'],
      ['aside', 'aside'],
      ['compl', 'aside'],
      ['role banner', 'header'],
      ['site footer', 'footer'],
      ['ci', 'footer'],
    ]);
  });

  it('gives heading levels for h1-h6 and role=heading', () => {
    const d = doc('<h1>a</h1><h4>b <i>c</i></h4><div role="heading" aria-level="3">d</div><div role="heading">e</div><p>f</p>');
    expect(extractBlocks(d.body).blocks.map((b) => [b.text, b.headingLevel])).toEqual([
      ['a', 1],
      ['b c', 4],
      ['d', 3],
      ['e', 2],
      ['f', 0],
    ]);
  });

  it('carries the region of the ancestors when called on a subtree', () => {
    const d = doc('<footer><div><p id="x">deep</p></div></footer>');
    const { blocks } = extractBlocks(d.getElementById('x') as Element);
    expect(blocks).toEqual([{ text: 'deep', tag: 'p', headingLevel: 0, region: 'footer' }]);
  });
});

describe('offsets map back to text nodes', () => {
  function checkEveryChar(blockText: string, segs: TextSegment[]): void {
    for (let i = 0; i < blockText.length; i++) {
      const pos = offsetToPosition(segs, i);
      expect(pos.node.data[pos.offset]).toBe(blockText[i]);
      // The segment table agrees with the DOM: start + offset is i.
      const seg = segs.find((s) => s.node === pos.node) as TextSegment;
      expect(seg.start + pos.offset).toBe(i);
    }
  }

  it('maps every character of every block to the right node', () => {
    const d = doc(
      '<p>Mag<b>nes</b>ium <a href="#">L-<i>Thre</i>onate</a> is <span>a <em>form</em></span>.</p>' +
        '<ul><li>one <strong>two</strong></li><li><span>th</span>ree</li></ul><div>x<p>y</p>z</div>',
    );
    const { blocks, segments } = extractBlocks(d.body);
    expect(blocks.length).toBe(6);
    blocks.forEach((b, i) => {
      const segs = segments[i] as TextSegment[];
      expect(segs.map((s) => s.node.data).join('')).toBe(b.text);
      checkEveryChar(b.text, segs);
    });
  });

  it('uses end affinity at node boundaries and clamps past the end', () => {
    const d = doc('<p>ab<b>cd</b></p>');
    const segs = extractBlocks(d.body).segments[0] as TextSegment[];
    expect(offsetToPosition(segs, 2)).toMatchObject({ offset: 0 });
    expect(offsetToPosition(segs, 2).node.data).toBe('cd');
    const end = offsetToPosition(segs, 2, 'end');
    expect([end.node.data, end.offset]).toEqual(['ab', 2]);
    const past = offsetToPosition(segs, 99);
    expect([past.node.data, past.offset]).toEqual(['cd', 2]);
    expect(() => offsetToPosition([], 0)).toThrow(RangeError);
  });
});

describe('shadow roots', () => {
  it('reads open shadow roots as their own blocks, with nodes in the shadow tree', () => {
    const d = doc('<p>Before <x-card>light child</x-card> after</p>');
    const host = d.querySelector('x-card') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>Magnesium <b>L-threonate</b> in shadow</span>';
    const { blocks, segments } = extractBlocks(d.body);
    expect(blocks.map((b) => b.text)).toEqual(['Before ', 'Magnesium L-threonate in shadow', 'light child after']);
    const shadowSegs = segments[1] as TextSegment[];
    const pos = offsetToPosition(shadowSegs, 10);
    expect(pos.node.data).toBe('L-threonate');
    expect(pos.node.getRootNode()).toBe(shadow);
  });
});

describe('extractPageData', () => {
  it('reads title, meta and JSON-LD and blocks of the body', () => {
    const { document } = parseHTML(
      '<!doctype html><html><head><title> Neuro-Mag </title>' +
        '<meta property="OG:Title" content="Neuro-Mag®"><meta name="description" content="d">' +
        '<meta property="og:title" content="second">' +
        '<script type="application/ld+json">{"@type":"Product"}</script>' +
        '<script type=" Application/LD+JSON ">[1]</script><script>var x</script></head>' +
        '<body><h1>Title</h1><script type="application/ld+json">{"b":1}</script></body></html>',
    );
    const { page, segments } = extractPageData(document as unknown as Document, 'https://example.com/p');
    expect(page).toEqual({
      url: 'https://example.com/p',
      title: 'Neuro-Mag',
      meta: { 'og:title': 'Neuro-Mag®', description: 'd' },
      jsonLd: ['{"@type":"Product"}', '[1]', '{"b":1}'],
      blocks: [{ text: 'Title', tag: 'h1', headingLevel: 1, region: 'main' }],
    });
    expect(segments.length).toBe(1);
  });

  it('extracts a 1 MB page quickly', () => {
    const para =
      '<p>Magnesium <b>L-threonate</b> is a <a href="#">form</a> of magnesium <span>studied</span> in rats.</p>';
    const html = `<main>${'<div><h2>Heading</h2><ul><li>item <i>one</i></li></ul>'.concat(para.repeat(8), '</div>').repeat(1200)}</main>`;
    expect(html.length).toBeGreaterThan(1_000_000);
    const d = doc(html);
    const t0 = performance.now();
    const { blocks } = extractBlocks(d.body);
    const ms = performance.now() - t0;
    expect(blocks.length).toBe(1200 * 10);
    // Generous bound for slow CI machines; linkedom is slower than a browser DOM.
    expect(ms).toBeLessThan(1000);
  });
});
