// fast-check generators of realistic page text for the property tests: sentences
// built from fragments of real MgT claim wordings, neutral filler, inline markup
// and invisible characters. Rendering decisions are read from a "tape" of random
// numbers, so the same tape always gives the same HTML and fast-check can shrink it.
import fc from 'fast-check';

/** Ways pages name MgT (each one matched by the detector's MGT_NAME). */
export const MGT_NAMES = [
  'Magnesium L-threonate',
  'Magnesium L-Threonate (Magtein®)',
  'Magtein®',
  'Magtein',
  'MgT',
  'Neuro-Mag',
  'magnesium threonate',
] as const;

/**
 * A name of MgT spelled any way a page might: one to five words of its names (and
 * one stray word) joined by random separators (none, spaces, hyphens typeset or
 * fullwidth, no-break and thin spaces, soft hyphens, zero-width spaces, a full stop,
 * a line break), each in lower, upper, title or fullwidth case. Many are not names
 * at all; the tests compare what two parts of the code make of each.
 */
export const spelledMgtName: fc.Arbitrary<string> = (() => {
  const words = ['magnesium', 'mg', 'l', 'threonate', 'threonine', 'threonic', 'acid', 'salt', 'mgt', 'mag', 't', 'magtein', 'neuro', 'magtech', 'tams', 'mmfs', '01', 'x'];
  const separators = ['', ' ', '  ', '-', '\u00A0', '\u2009', '\u2011', '\u2013', '\u2212', '\u00AD', '\u200B', '\uFF0D', '.', '\n'];
  const word = fc.tuple(fc.constantFrom(...words), fc.constantFrom('lower', 'upper', 'title', 'fullwidth')).map(([w, c]) => {
    const cased = c === 'upper' ? w.toUpperCase() : c === 'title' ? w.charAt(0).toUpperCase() + w.slice(1) : w;
    return c === 'fullwidth' ? cased.replace(/[a-z0-9]/gi, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)) : cased;
  });
  return fc.array(fc.tuple(word, fc.constantFrom(...separators)), { minLength: 1, maxLength: 5 }).map((xs) => xs.map(([w, sep]) => w + sep).join(''));
})();

/** Subjects that are not MgT: another magnesium form, another supplement. */
export const OTHER_SUBJECTS = ['Magnesium glycinate', 'Vitamin D3', 'Magnesium citrate', 'Zinc'] as const;

/** Claim predicates as pages word them (one per claim family). */
export const PREDICATES = [
  'crosses the blood-brain barrier',
  'raises brain magnesium levels',
  'improves memory',
  'enhances short- and long-term memory',
  'boosts cognitive function',
  'is not a laxative',
  'is gentle on the stomach',
  'may support sleep',
  'supports restful sleep',
  'reduces stress and anxiety',
  'supports a positive mood',
  'is clinically proven',
  'is safe for everyone',
  'is a patented form',
  'is non-GMO',
  'may be stacked with calcium',
  'was developed at MIT',
  'protects against cognitive decline',
  'is superior to other forms of magnesium',
  'increases synaptic density',
] as const;

/** What can come before the subject: nothing, a denial, a hedge. */
export const PREFIXES = [
  '',
  '',
  '',
  'There is no evidence that ',
  'Studies suggest that ',
  'It is a myth that ',
  'Some sellers say ',
] as const;

/** Sentences about nothing MgT-related (no magnesium, no MgT name). */
export const FILLERS = [
  'Vitamin D3 supports bone health',
  'Free shipping on orders over $50',
  'Buy 2 & save 10%',
  'Rated 4.8 > 4.5 average by 1,200 customers',
  'Customers love the taste',
  'Each bottle holds 90 capsules',
  'Store in a cool, dry place',
  'Our team answers emails within 24 hours',
  'Read the reviews below',
  'Orders ship from our warehouse in Ohio',
] as const;

export const SENTENCE_ENDS = ['.', '.', '.', '!', '?'] as const;
/** How sentences are joined inside one paragraph. */
export const JOINERS = [' ', ' ', '  ', '\n', '\n  '] as const;

export interface SentenceParts {
  prefix: string;
  subject: string;
  predicate: string;
  end: string;
}

export function sentenceText(p: SentenceParts): string {
  return `${p.prefix}${p.subject} ${p.predicate}${p.end}`;
}

const sentenceWith = (subjects: readonly string[], prefixes: readonly string[] = PREFIXES): fc.Arbitrary<string> =>
  fc
    .record({
      prefix: fc.constantFrom(...prefixes),
      subject: fc.constantFrom(...subjects),
      predicate: fc.constantFrom(...PREDICATES),
      end: fc.constantFrom(...SENTENCE_ENDS),
    })
    .map(sentenceText);

/** A sentence whose subject is MgT, named in the sentence. */
export const mgtSentence = sentenceWith(MGT_NAMES);
/** A claim sentence about something else ("Magnesium glycinate improves memory."). */
export const otherSentence = sentenceWith(OTHER_SUBJECTS);
/** A sentence whose subject is "It" (carries the subject of the sentence before). */
export const pronounSentence = sentenceWith(['It'], ['']);
export const fillerSentence = fc
  .tuple(fc.constantFrom(...FILLERS), fc.constantFrom(...SENTENCE_ENDS))
  .map(([s, e]) => s + e);

const joinSentences = (sentences: fc.Arbitrary<string[]>): fc.Arbitrary<string> =>
  sentences.chain((ss) =>
    fc.array(fc.constantFrom(...JOINERS), { minLength: ss.length, maxLength: ss.length }).map((js) =>
      ss.map((s, i) => (i === 0 ? s : (js[i] as string) + s)).join(''),
    ),
  );

/** A paragraph mixing MgT claims, pronoun sentences, other subjects and filler. */
export const mixedParagraph: fc.Arbitrary<string> = joinSentences(
  fc.array(
    fc.oneof(
      { weight: 4, arbitrary: mgtSentence },
      { weight: 1, arbitrary: pronounSentence },
      { weight: 1, arbitrary: otherSentence },
      { weight: 2, arbitrary: fillerSentence },
    ),
    { minLength: 1, maxLength: 5 },
  ),
);

/** A paragraph of filler only (vitamin D, shipping, reviews). */
export const fillerParagraph: fc.Arbitrary<string> = joinSentences(
  fc.array(fillerSentence, { minLength: 1, maxLength: 3 }),
);

/** A paragraph that names no MgT anywhere: claims about other subjects, and filler. */
export const nonMgtParagraph: fc.Arbitrary<string> = joinSentences(
  fc.array(fc.oneof(otherSentence, fillerSentence, pronounSentence), { minLength: 1, maxLength: 4 }),
);

/** Random numbers that drive the renderers below. */
export const tape = fc.array(fc.nat({ max: 1 << 20 }), { minLength: 0, maxLength: 60 });

/**
 * Reads a tape, cycling through it (a short tape still marks up a long paragraph).
 * The empty tape reads 0 everywhere: plain text, which is what fast-check shrinks to.
 */
export class TapeReader {
  private i = 0;
  constructor(private readonly values: readonly number[]) {}
  next(mod: number): number {
    if (this.values.length === 0) return 0;
    const v = this.values[this.i++ % this.values.length] as number;
    return v % mod;
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const INLINE_OPEN: Record<string, string> = {
  b: '<b>',
  i: '<i>',
  a: '<a href="#">',
  span: '<span>',
  em: '<em>',
  strong: '<strong>',
};
const INLINE_TAGS = Object.keys(INLINE_OPEN);

/**
 * Renders `text` as HTML split at random character positions (inside words too) into
 * nested inline elements, with an occasional <wbr> or comment between pieces. The
 * text content of the result is exactly `text`.
 * Links are never nested in links (the HTML parser would restructure them).
 */
export function renderInline(text: string, r: TapeReader, depth = 0, inLink = false): string {
  const cuts = r.next(4);
  if (depth >= 3 || cuts === 0 || text.length === 0) return escapeHtml(text);
  const points = new Set<number>();
  for (let k = 0; k < cuts; k++) points.add(r.next(text.length + 1));
  const sorted = [...points].sort((a, b) => a - b);
  const pieces: string[] = [];
  let last = 0;
  for (const p of [...sorted, text.length]) {
    pieces.push(text.slice(last, p));
    last = p;
  }
  return pieces
    .map((piece) => {
      // Between pieces, now and then, something that holds no text: <wbr> or a comment.
      const gap = ['<wbr>', '<!-- x -->'][r.next(8)] ?? '';
      const t = r.next(INLINE_TAGS.length + 2);
      const tag = INLINE_TAGS[t];
      if (tag === undefined || (tag === 'a' && inLink)) return gap + escapeHtml(piece);
      return `${gap}${INLINE_OPEN[tag]}${renderInline(piece, r, depth + 1, inLink || tag === 'a')}</${tag}>`;
    })
    .join('');
}

export const INVISIBLES = ['\u00AD', '\u200B'] as const;

/**
 * Sprinkles soft hyphens and zero-width spaces between two non-space characters, and
 * turns some spaces into no-break spaces. Removing U+00AD/U+200B and mapping U+00A0
 * back to a space gives `text` again.
 */
export function sprinkleInvisibles(text: string, r: TapeReader): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === ' ') {
      out += r.next(3) === 1 ? '\u00A0' : ' ';
      continue;
    }
    out += ch;
    const next = text[i + 1];
    if (next !== undefined && /\S/.test(ch) && /\S/.test(next)) {
      const k = r.next(6);
      if (k === 1) out += '\u00AD';
      else if (k === 2) out += '\u200B';
    }
  }
  return out;
}

/**
 * Every character normalize() drops, as pages carry them: soft hyphen, zero-width
 * space/non-joiner/joiner, left-to-right/right-to-left marks, word joiner, and the
 * zero-width no-break space U+FEFF (a stray byte-order mark).
 */
export const ZERO_WIDTH = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF'] as const;

/** Like sprinkleInvisibles, but any zero-width character, anywhere: next to spaces, punctuation, at the ends. */
export function sprinkleAnywhere(text: string, r: TapeReader): string {
  let out = '';
  for (let i = 0; i <= text.length; i++) {
    if (r.next(3) === 0) out += ZERO_WIDTH[r.next(ZERO_WIDTH.length)] as string;
    const ch = text[i];
    if (ch !== undefined) out += ch === ' ' && r.next(3) === 0 ? '\u00A0' : ch;
  }
  return out;
}

/** Removes what sprinkleInvisibles adds and collapses whitespace: the text a reader sees. */
export function visibleText(s: string): string {
  return s.replace(/[\u00AD\u200B]/g, '').replace(/\s+/g, ' ').trim();
}

export function pageHtml(title: string, body: string): string {
  return `<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

/** A DOM tree to build with createElement (no HTML parser, so no table or nesting fix-ups). */
export type TreeNode =
  | { kind: 'text'; text: string }
  | { kind: 'el'; tag: string; attr: readonly [string, string] | null; children: TreeNode[] };

/** Block containers, inline elements, skipped elements and <br>. */
export const TREE_TAGS = [
  'div', 'section', 'article', 'p', 'ul', 'ol', 'li', 'table', 'tbody', 'tr', 'td', 'th', 'h2', 'nav',
  'span', 'b', 'a', 'em', 'i', 'strong', 'sup',
  'script', 'style', 'textarea', 'button',
  'br',
] as const;

/** Attributes that hide a subtree, attributes that look similar but do not, and role=heading. */
export const TREE_ATTRS: ReadonlyArray<readonly [string, string] | null> = [
  null, null, null, null, null, null,
  ['hidden', ''],
  ['hidden', 'until-found'],
  ['aria-hidden', 'true'],
  ['aria-hidden', 'false'],
  ['contenteditable', ''],
  ['contenteditable', 'true'],
  ['contenteditable', 'plaintext-only'],
  ['contenteditable', 'false'],
  ['style', 'display: none'],
  ['style', 'visibility:hidden'],
  ['style', 'color: red'],
  ['role', 'heading'],
  ['class', 'x'],
];

const TREE_TEXTS = [
  '', ' ', '\n  ', '\t', 'Magtein', 'improves memory. ', ' It is safe', 'a', 'x y', '\u00A0', 'Vitamin D3 ', '. ',
  'Free shipping', '  spaced  out  ',
];

export const treeArb: fc.Arbitrary<TreeNode[]> = fc.letrec<{ node: TreeNode; nodes: TreeNode[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), text: fc.constantFrom(...TREE_TEXTS) }),
    fc.record({
      kind: fc.constant('el' as const),
      tag: fc.constantFrom(...TREE_TAGS),
      attr: fc.constantFrom(...TREE_ATTRS),
      children: tie('nodes'),
    }),
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }),
})).nodes;

export function buildTree(doc: Document, parent: Node, nodes: readonly TreeNode[]): void {
  for (const n of nodes) {
    if (n.kind === 'text') {
      parent.appendChild(doc.createTextNode(n.text));
      continue;
    }
    const el = doc.createElement(n.tag);
    if (n.attr) el.setAttribute(n.attr[0], n.attr[1]);
    if (n.tag !== 'br') buildTree(doc, el, n.children);
    parent.appendChild(el);
  }
}
