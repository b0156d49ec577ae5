// Reads a DOM subtree once into text blocks plus, per block, a table of
// (Text node, start offset) so offsets found in the block text map back to DOM
// positions (see offsets.ts).
//
// Rules, decided by tag and attributes only (no getComputedStyle, so it runs on
// linkedom too, and fast):
// - The nearest block-level ancestor (tags.ts BLOCK_TAGS, or role=heading) owns
//   a text node. Inline elements (b, a, span, sup…) never split a block.
// - Text sitting directly in a block that also holds nested blocks forms
//   separate blocks before and after each nested one (like CSS anonymous boxes).
// - <br> ends the current block and starts a new one. Block text is the exact
//   concatenation of its text nodes, so a <br> cannot become a space (a space
//   would have no DOM position); a label and value split by <br> become two blocks.
// - Skipped subtrees: tags.ts SKIP_TAGS (script, style, form controls, buttons,
//   SVG/MathML, our own <evidence-lens-marker>…), [hidden] (except
//   "until-found"), [aria-hidden="true"], editable regions ([contenteditable]
//   "", "true", "plaintext-only"), and inline style display:none /
//   visibility:hidden.
// - Open shadow roots are read before the host's light children. A shadow root
//   starts and ends a block: a DOM Range cannot span the shadow boundary.
// - Blocks with only whitespace are dropped. Text is kept raw (no trimming).
import type { Region, TextBlock } from '../core/types';
import type { ExtractedBlocks, TextSegment } from './types';
import { BLOCK_TAGS, SECTIONING_TAGS, SKIP_TAGS, ariaHeadingLevel, firstRole, headingLevelOfTag } from './tags';
import { CDATA_SECTION_NODE, COMMENT_NODE, DOCUMENT_FRAGMENT_NODE, DOCUMENT_NODE, ELEMENT_NODE, TEXT_NODE } from './node-types';
import { longStepNext, runToEnd } from '../core/steps';

/** State carried down the tree, so no text node needs a closest() lookup. */
export interface Context {
  /** Tag of the block that owns text here. */
  tag: string;
  headingLevel: number;
  region: Region;
  /** Inside article/aside/main/nav/section (header/footer there are not landmarks). */
  sectioned: boolean;
}

interface Frame {
  next: Node | null;
  ctx: Context;
  /** Leaving this frame ends the current block. */
  closes: boolean;
}

const DETACHED_CONTEXT: Context = { tag: 'div', headingLevel: 0, region: 'main', sectioned: false };
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * What extraction makes of a `role` attribute's value: a heading, a region (nav,
 * header, footer…), or nothing. The observer re-reads an element whose role changed
 * only when this changed.
 */
export function roleEffect(value: string | null): string | null {
  if (value === null) return null;
  const role = firstRole(value);
  return role === 'heading' ? role : regionOfRole(role);
}

function regionOfRole(role: string): Region | null {
  switch (role) {
    case 'navigation':
    case 'menu':
    case 'menubar':
      return 'nav';
    case 'banner':
      return 'header';
    case 'contentinfo':
      return 'footer';
    case 'complementary':
      return 'aside';
    case 'main':
      return 'main';
    default:
      return null;
  }
}

function regionOfTag(tag: string, sectioned: boolean): Region | null {
  switch (tag) {
    case 'nav':
      return 'nav';
    case 'aside':
      return 'aside';
    case 'main':
      return 'main';
    case 'header':
      return sectioned ? null : 'header';
    case 'footer':
      return sectioned ? null : 'footer';
    default:
      return null;
  }
}

/** Attributes that can skip a subtree or change its role; most elements have none of them. */
const RELEVANT_ATTRIBUTES = new Set(['hidden', 'aria-hidden', 'contenteditable', 'style', 'role']);

function hasRelevantAttribute(el: Element): boolean {
  // One call for all names: each getAttribute is a trip into the DOM.
  for (const name of el.getAttributeNames()) if (RELEVANT_ATTRIBUTES.has(name)) return true;
  return false;
}

/**
 * Elements that can host a shadow root (attachShadow's list, plus custom
 * elements, whose names hold a dash): only these are asked for one.
 */
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'main', 'nav', 'p', 'section', 'span',
]);

/** Whether an element named `tag` (its `localName`) can host a shadow root. */
export function mayHostShadow(tag: string): boolean {
  return SHADOW_HOSTS.has(tag) || tag.includes('-');
}

function shadowRootOf(el: Element, tag: string): ShadowRoot | null {
  return mayHostShadow(tag) ? (el.shadowRoot ?? null) : null;
}

/**
 * Whether extraction reads no text from `node` and ends no run of text at it, so its
 * coming or going changes no block: a comment, a subtree the walk skips by its tag
 * (a script, an iframe, a button, our marker), or an empty inline element (an
 * image, a tracking pixel, an icon). A <br>, an empty block or heading, and a shadow
 * host do end a run, or may hold text.
 */
export function changesNoText(node: Node): boolean {
  if (node.nodeType === COMMENT_NODE) return true;
  if (node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  const tag = el.localName;
  if (SKIP_TAGS.has(tag) || tag.startsWith('evidence-lens-marker')) return true;
  return el.firstChild === null && tag !== 'br' && !BLOCK_TAGS.has(tag) && !el.hasAttribute('role') && shadowRootOf(el, tag) === null;
}

/** Whether an element whose attribute `name` has this value is skipped with its subtree. */
export function skipsSubtree(name: 'hidden' | 'aria-hidden' | 'contenteditable' | 'style', value: string | null): boolean {
  if (value === null) return false;
  switch (name) {
    case 'hidden':
      return value.toLowerCase() !== 'until-found';
    case 'aria-hidden':
      return value === 'true';
    case 'contenteditable': {
      const v = value.toLowerCase();
      return v === '' || v === 'true' || v === 'plaintext-only';
    }
    case 'style':
      return HIDDEN_STYLE.test(value);
  }
}

function isSkippedByAttributes(el: Element): boolean {
  return (
    skipsSubtree('hidden', el.getAttribute('hidden')) ||
    skipsSubtree('aria-hidden', el.getAttribute('aria-hidden')) ||
    skipsSubtree('contenteditable', el.getAttribute('contenteditable')) ||
    skipsSubtree('style', el.getAttribute('style'))
  );
}

/** Whether entering `el` starts a new block (by tag or role=heading). */
interface Entered {
  ctx: Context;
  isBlock: boolean;
}

/** Applies one element's rules to the context; null when its subtree is skipped. */
function enter(el: Element, tag: string, ctx: Context): Entered | null {
  // Our markers, including the suffixed fallback tags used when a page took the name.
  if (SKIP_TAGS.has(tag) || tag.startsWith('evidence-lens-marker')) return null;
  let isBlock = BLOCK_TAGS.has(tag);
  let region = regionOfTag(tag, ctx.sectioned);
  let headingLevel = isBlock ? headingLevelOfTag(tag) : -1;
  if (el.hasAttributes() && hasRelevantAttribute(el)) {
    if (isSkippedByAttributes(el)) return null;
    const roleAttr = el.getAttribute('role');
    if (roleAttr !== null) {
      const role = firstRole(roleAttr);
      region = regionOfRole(role) ?? region;
      if (role === 'heading') {
        isBlock = true;
        headingLevel = ariaHeadingLevel(el);
      }
    }
  }
  const sectioned = ctx.sectioned || SECTIONING_TAGS.has(tag);
  if (!isBlock && region === null && sectioned === ctx.sectioned) return { ctx, isBlock };
  return {
    isBlock,
    ctx: {
      tag: isBlock ? tag : ctx.tag,
      headingLevel: isBlock ? Math.max(headingLevel, 0) : ctx.headingLevel,
      region: region ?? ctx.region,
      sectioned,
    },
  };
}

/** Context at `root` from its ancestors (crossing shadow boundaries); null if inside a skipped subtree. */
function contextAt(root: Node): Entered | null {
  const chain: Element[] = [];
  for (let n: Node | null = root; n !== null; ) {
    if (n.nodeType === ELEMENT_NODE) chain.push(n as Element);
    if (n.nodeType === DOCUMENT_FRAGMENT_NODE) n = (n as ShadowRoot).host ?? null;
    else n = n.parentNode;
  }
  let entered: Entered = { ctx: DETACHED_CONTEXT, isBlock: false };
  for (let i = chain.length - 1; i >= 0; i--) {
    const el = chain[i] as Element;
    const next = enter(el, el.localName, entered.ctx);
    if (next === null) return null;
    entered = next;
  }
  return entered;
}

/** Nodes visited between two steps of `extractBlocksSteps` (a step is well under a millisecond). */
const NODES_PER_STEP = 2000;
/** A block's parts joined into one chunk at a step's end once there are this many (walkSteps). */
const CHUNK_PARTS = 512;

/** Splits the text under `root` into blocks; see the rules at the top of this file. */
export function extractBlocks(root: Node): ExtractedBlocks {
  return runToEnd(extractBlocksSteps(root));
}

/**
 * `extractBlocks` in steps, so a caller on the main thread can yield between
 * them on a long page. If the page changes between steps the result may mix
 * old and new state; callers re-read what their MutationObserver reports.
 */
export function* extractBlocksSteps(root: Node): Generator<void, ExtractedBlocks, void> {
  const start = contextAt(root);
  if (start === null) return { blocks: [], segments: [] };
  return yield* walkSteps(root, root, start.ctx, false);
}

/**
 * The walk itself, in the context `ctx` it starts in: the subtree under `first`
 * (= `last`), or with `run`, the siblings from `first` to `last` themselves.
 */
function* walkSteps(first: Node, last: Node, ctx: Context, run: boolean): Generator<void, ExtractedBlocks, void> {
  const root = run ? last : first; // the walk stops after it
  const blocks: TextBlock[] = [];
  const segments: TextSegment[][] = [];

  // The block being collected. Parts are joined at the end of the block, and, in a
  // block of many text nodes, a step's worth at a time into `chunks`: the 5 MB
  // one-paragraph page's 32,000 parts joined at once were a step of 20 ms in
  // Firefox. Joining the chunks is still long (~10 ms there), so a block with
  // chunks ends at the top of the walk's next round (or after the walk), after
  // `yield longStepNext()`: the step that joins them starts a slice of its own.
  let parts: string[] = [];
  let chunks: string[] = [];
  /** A block with chunks ended: it is pushed at the top of the next round, after that yield. */
  let joinAhead = false;
  let segs: TextSegment[] = [];
  let length = 0;
  let hasText = false;
  let runCtx: Context = DETACHED_CONTEXT;

  /** Ends the block being collected (one with chunks: see `joinAhead`). */
  const flush = (): void => {
    if (chunks.length > 0) joinAhead = true;
    else endBlock();
  };
  const endBlock = (): void => {
    joinAhead = false;
    if (length > 0) {
      if (hasText) {
        blocks.push({
          text: joined(),
          tag: runCtx.tag,
          headingLevel: runCtx.headingLevel,
          region: runCtx.region,
        });
        segments.push(segs);
      }
      parts = [];
      chunks = [];
      segs = [];
      length = 0;
      hasText = false;
    }
  };
  const joined = (): string => {
    if (chunks.length === 0) return parts.length === 1 ? (parts[0] as string) : parts.join('');
    chunks.push(...parts);
    return chunks.join('');
  };

  const stack: Frame[] = [];
  const rootType = root.nodeType;
  if (!run && (rootType === ELEMENT_NODE || rootType === DOCUMENT_NODE || rootType === DOCUMENT_FRAGMENT_NODE)) {
    stack.push({ next: root.firstChild, ctx, closes: true });
    const sr = rootType === ELEMENT_NODE ? (root as Element).shadowRoot : null;
    if (sr) stack.push({ next: sr.firstChild, ctx, closes: true });
  } else {
    // A lone text node, or a run of siblings: walk just those.
    stack.push({ next: first, ctx, closes: true });
  }

  let budget = NODES_PER_STEP;
  while (stack.length > 0) {
    if (joinAhead) {
      yield longStepNext();
      endBlock();
    }
    if (--budget === 0) {
      budget = NODES_PER_STEP;
      if (parts.length >= CHUNK_PARTS) {
        chunks.push(parts.join(''));
        parts = [];
      }
      yield;
    }
    const frame = stack[stack.length - 1] as Frame;
    const node = frame.next;
    if (node === null) {
      stack.pop();
      if (frame.closes) flush();
      continue;
    }
    frame.next = node === root || node === last ? null : node.nextSibling;

    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      if (length === 0) runCtx = frame.ctx;
      parts.push(data);
      segs.push({ node: node as Text, start: length });
      length += data.length;
      if (!hasText && /\S/.test(data)) hasText = true;
      continue;
    }
    if (type !== ELEMENT_NODE) continue;

    const el = node as Element;
    const tag = el.localName;
    if (tag === 'br') {
      flush();
      continue;
    }
    const entered = enter(el, tag, frame.ctx);
    if (entered === null) continue;
    if (entered.isBlock) flush();
    const sr = shadowRootOf(el, tag);
    if (sr !== null) {
      // Light children after the shadow tree; the shadow tree is its own block run.
      stack.push({ next: el.firstChild, ctx: entered.ctx, closes: entered.isBlock });
      flush();
      stack.push({ next: sr.firstChild, ctx: entered.ctx, closes: true });
    } else if (el.firstChild !== null) {
      stack.push({ next: el.firstChild, ctx: entered.ctx, closes: entered.isBlock });
    }
  }
  flush();
  if (joinAhead) {
    yield longStepNext();
    endBlock();
  }
  return { blocks, segments };
}

/** Whether `node` ends a run of inline content in context `ctx` (the walk above would flush there). */
function breaksRun(node: Node, ctx: Context): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  const tag = el.localName;
  if (tag === 'br') return true;
  const entered = enter(el, tag, ctx);
  if (entered === null) return false; // skipped: the walk steps over it without ending the block
  return entered.isBlock || shadowRootOf(el, tag) !== null;
}

/** Siblings the walk above reads as one stretch between two breaks, and the context it reads them in. */
export interface InlineRun {
  first: Node;
  last: Node;
  /** The block element (or document, or shadow root) the run lies directly in. */
  container: Node;
  ctx: Context;
}

/**
 * The run of inline siblings around `node` inside its nearest block (or tree root).
 * Null when `node` is inside a skipped subtree (nothing there is read), or is a
 * tree's root itself. A skipped element itself gives the run around its place (the
 * walk steps over it): where its text was, if it was just hidden.
 */
export function inlineRunAround(node: Node): InlineRun | null {
  return runToEnd(inlineRunAroundSteps(node));
}

/** Siblings `inlineRunAroundSteps` looks at between two steps (a 5 MB page in one <p>: 32,000 of them). */
const SIBLINGS_PER_STEP = 512;

/** `inlineRunAround` in steps: a paragraph can have tens of thousands of inline children. */
export function* inlineRunAroundSteps(node: Node): Generator<void, InlineRun | null, void> {
  // Ancestors, outermost first, up to the document or shadow root.
  const chain: Node[] = [];
  for (let n: Node | null = node; n !== null; n = n.parentNode) chain.unshift(n);
  const top = chain[0] as Node;
  let entered: Entered = { ctx: DETACHED_CONTEXT, isBlock: false };
  if (top.nodeType === DOCUMENT_FRAGMENT_NODE) {
    const host = (top as ShadowRoot).host;
    if (!host) return null;
    const hostContext = contextAt(host);
    if (hostContext === null) return null;
    entered = hostContext;
  }
  // The run lives in the deepest block ancestor (or the tree's root).
  let container: Node = top;
  let containerCtx = entered.ctx;
  for (let i = 0; i < chain.length - 1; i++) {
    const n = chain[i] as Node;
    if (n.nodeType !== ELEMENT_NODE) continue;
    const next = enter(n as Element, (n as Element).localName, entered.ctx);
    if (next === null) return null;
    entered = next;
    if (next.isBlock) {
      container = n;
      containerCtx = next.ctx;
    }
  }
  // The container's child on the way to `node`, then its inline neighbours.
  const at = chain[chain.indexOf(container) + 1] as Node | undefined;
  if (at === undefined) return null;
  let first = at;
  let last = at;
  let seen = 0;
  for (let s = first.previousSibling; s !== null && !breaksRun(s, containerCtx); s = s.previousSibling) {
    first = s;
    if (++seen % SIBLINGS_PER_STEP === 0) yield;
  }
  for (let s = last.nextSibling; s !== null && !breaksRun(s, containerCtx); s = s.nextSibling) {
    last = s;
    if (++seen % SIBLINGS_PER_STEP === 0) yield;
  }
  return { first, last, container, ctx: containerCtx };
}

/** The blocks of a run (`inlineRunAround`), walked exactly as `extractBlocks` walks it (same text, same offsets). */
export function extractRun(run: InlineRun): ExtractedBlocks {
  return runToEnd(walkSteps(run.first, run.last, run.ctx, true));
}

/**
 * The block(s) that hold `node`, read without reading the rest of the page: the
 * run of inline siblings around it inside its nearest block. Null when the node
 * is inside a skipped subtree. Usually one block; an inline element holding a block
 * element (<span><div>…</div></span>) gives several.
 */
export function extractBlocksAround(node: Node): ExtractedBlocks | null {
  return runToEnd(extractBlocksAroundSteps(node));
}

/**
 * `extractBlocksAround` in steps: the block around a node can be a whole page (a 5 MB
 * article in one <p>, 32,000 inline children), read in one step in 60–70 ms in
 * Chromium and ~200 ms in Firefox.
 */
export function* extractBlocksAroundSteps(node: Node): Generator<void, ExtractedBlocks | null, void> {
  const run = yield* inlineRunAroundSteps(node);
  return run === null ? null : yield* walkSteps(run.first, run.last, run.ctx, true);
}
