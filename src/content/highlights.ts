// Highlights through the CSS Custom Highlight API: no wrapper elements, the
// page's text stays as it is. One <style> in <head> holds only
// ::highlight(evidence-lens-…) rules; shadow roots with marked text adopt the
// same rules (document styles do not reach into shadow trees).
//
// The rules apply only to elements carrying ORIGIN_ATTRIBUTE: the element around
// each marked range (its text inherits the highlight style from there). A rule
// for every element (`::highlight(x)` alone) makes the browser restyle the whole
// page when the <style> arrives, and every element carry the highlight styles: on
// the 5 MB bench page (136,000 elements) that was ~700 ms of style recalculation,
// in one task after our last slice; present from the page's start, the same rules
// made its first style pass 590 → 1,085 ms.
import type { Stance, Verdict } from '../core/types';
import { VERDICTS } from '../core/types';
import { VERDICT_STYLES } from '../core/evidence/verdicts';
import { appearance } from './mark-settings';

const PREFIX = 'evidence-lens-';
export const QUIET = `${PREFIX}quiet`;
const FLASH = `${PREFIX}flash`;
const STYLE_ID = 'evidence-lens-highlight-style';
/** On the element around each marked range: the only elements our ::highlight rules match. */
export const ORIGIN_ATTRIBUTE = 'data-evidence-lens-hl';
const ON = `[${ORIGIN_ATTRIBUTE}]`;

/** Highlight name for a claim: asserted claims by verdict, hedged/negated all quiet grey. */
export function highlightName(verdict: Verdict, stance: Stance): string {
  return stance === 'asserted' ? PREFIX + verdict : QUIET;
}

function alpha(hex: string, a: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

function rules(): string {
  const flash = `${ON}::highlight(${FLASH}){background-color:rgba(250, 204, 21, 0.55);}`;
  const { markStyle, hidden } = appearance();
  if (hidden) return flash; // all marks hidden (the shortcut): only a "reveal" flash shows
  // "underline" setting: the line only, no tinted background.
  const bg = (fg: string, a: number) => (markStyle === 'underline' ? '' : `background-color:${alpha(fg, a)};`);
  const light: string[] = [];
  const dark: string[] = [];
  for (const v of VERDICTS) {
    const s = VERDICT_STYLES[v];
    light.push(`${ON}::highlight(${PREFIX}${v}){${bg(s.light.fg, 0.1)}text-decoration:underline solid 2px ${s.light.fg};}`);
    dark.push(`${ON}::highlight(${PREFIX}${v}){${bg(s.dark.fg, 0.16)}text-decoration:underline solid 2px ${s.dark.fg};}`);
  }
  // Hedged or denied claims: a dotted neutral line, never the verdict colour.
  light.push(`${ON}::highlight(${QUIET}){text-decoration:underline dotted 1px #6b7280;}`);
  dark.push(`${ON}::highlight(${QUIET}){text-decoration:underline dotted 1px #9ca3af;}`);
  return `${light.join('')}${flash}@media (prefers-color-scheme: dark){${dark.join('')}}`;
}

let cssText: string | null = null;
let sheet: CSSStyleSheet | null = null;

export function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function ensureDocumentStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = (cssText ??= rules());
  (doc.head ?? doc.documentElement).appendChild(style);
}

const styledRoots = new WeakSet<ShadowRoot>();

function ensureShadowStyle(root: ShadowRoot): void {
  if (styledRoots.has(root)) return;
  styledRoots.add(root);
  try {
    if (sheet === null) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync((cssText ??= rules()));
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Constructable sheets unavailable here: fall back to a <style> in the shadow root.
    const style = root.ownerDocument.createElement('style');
    style.textContent = (cssText ??= rules());
    root.appendChild(style);
  }
}

/** After a settings change (look, or hidden by the shortcut): rewrites the one rule set in place. */
export function restyleHighlights(doc: Document): void {
  cssText = rules();
  const style = doc.getElementById(STYLE_ID);
  if (style) style.textContent = cssText;
  try {
    sheet?.replaceSync(cssText);
  } catch {
    // Shadow roots on the <style> fallback keep the old look until reload.
  }
}

/** The element whose highlight style a range's text takes (its nearest element around the whole range). */
function originOf(range: Range): Element | null {
  const c = range.commonAncestorContainer;
  return c.nodeType === Node.ELEMENT_NODE ? (c as Element) : c.parentElement;
}

/**
 * How many of our highlighted ranges each element is the origin of: the elements
 * we gave ORIGIN_ATTRIBUTE (the flash keeps its own). Counted, so a pass touches
 * only the origins of the ranges it adds or removes.
 */
const origins = new Map<Element, number>();
let flashOrigin: Element | null = null;

function addOrigin(el: Element): void {
  const n = origins.get(el) ?? 0;
  origins.set(el, n + 1);
  if (n === 0 && !el.hasAttribute(ORIGIN_ATTRIBUTE)) el.setAttribute(ORIGIN_ATTRIBUTE, '');
}

function removeOrigin(el: Element): void {
  const n = origins.get(el);
  if (n === undefined) return;
  if (n > 1) {
    origins.set(el, n - 1);
    return;
  }
  origins.delete(el);
  if (el !== flashOrigin) el.removeAttribute(ORIGIN_ATTRIBUTE);
}

/**
 * Each highlighted range's origin, looked up once: a pass after a change keeps
 * most ranges, and asking the page for each one's common ancestor and tree again
 * cost ~0.3 ms of the 5 MB page's late pass. A kept range's origin stays: our own
 * marker splits and joins leave its text nodes under the same element, and a page
 * change that moves its ends also changes its text, so that mark is made anew.
 */
const originCache = new WeakMap<Range, Element | null>();

function cachedOrigin(r: Range): Element | null {
  let el = originCache.get(r);
  if (el === undefined) {
    el = originOf(r);
    originCache.set(r, el);
    const root = r.startContainer.getRootNode();
    if (root instanceof ShadowRoot) ensureShadowStyle(root);
  }
  return el;
}

/** Every name our highlights go under. */
const NAMES: readonly string[] = [...VERDICTS.map((v) => PREFIX + v), QUIET];

/** The highlight we registered under each name, and the ranges we put in it. */
const registered = new Map<string, { highlight: Highlight; ranges: Set<Range> }>();

/** A claim's highlighted range, under its highlight's name (`highlightName`). */
export interface HighlightEntry {
  name: string;
  range: Range;
}

/** What a pass changes in our highlights. */
export interface HighlightChange {
  /** Ranges that go in (the claims marked in this pass). */
  added: readonly HighlightEntry[];
  removed: readonly HighlightEntry[];
  /** Every range that should be highlighted after the change, by name: asked only when a highlight must be built whole. */
  all: () => Map<string, Range[]>;
}

/**
 * Applies a pass's change to our highlights and to the origins' attribute. A
 * highlight still registered as we left it (same object, same size) takes only the
 * ranges added and removed: a change's pass adds a claim or two to groups of a
 * hundred, and building a group's highlight again cost ~1.5 ms of a late
 * paragraph's pass on the 5 MB bench page in Firefox, going through every range
 * of every group to find what changed ~0.5–1 more. One the page took away,
 * replaced or emptied/filled is built again, whole, from `change.all()`, one per
 * step: in Firefox, registering them all at once took 11–17 ms of one slice for
 * the 179 claims of the 5 MB bench article.
 */
export function* updateHighlightsSteps(doc: Document, change: HighlightChange): Generator<void, void, void> {
  if (!supported()) return;
  ensureDocumentStyle(doc);
  const edits = new Map<string, { add: Range[]; remove: Range[] }>();
  const editOf = (name: string) => {
    let e = edits.get(name);
    if (e === undefined) edits.set(name, (e = { add: [], remove: [] }));
    return e;
  };
  // Added first: where a pass replaces a mark by another in the same element, the
  // element keeps its attribute (not taken off and written again, which the page would see).
  for (const { name, range } of change.added) {
    const el = cachedOrigin(range);
    if (el) addOrigin(el);
    editOf(name).add.push(range);
  }
  for (const { name, range } of change.removed) {
    const el = cachedOrigin(range);
    if (el) removeOrigin(el);
    editOf(name).remove.push(range);
  }
  let all: Map<string, Range[]> | null = null;
  for (const name of NAMES) {
    const ours = registered.get(name);
    const present = CSS.highlights.get(name);
    const edit = edits.get(name);
    // (Ours, and holding what we left in it: a page may empty or fill it too.)
    if (ours !== undefined && present === ours.highlight && ours.highlight.size === ours.ranges.size) {
      if (edit === undefined) continue;
      for (const r of edit.remove) if (ours.ranges.delete(r)) ours.highlight.delete(r);
      for (const r of edit.add) {
        if (ours.ranges.has(r)) continue;
        ours.ranges.add(r);
        ours.highlight.add(r);
      }
      if (ours.ranges.size === 0) {
        CSS.highlights.delete(name);
        registered.delete(name);
      }
      continue;
    }
    // Nothing under this name before (ours or the page's): only what this pass adds.
    const ranges = ours === undefined && present === undefined ? (edit?.add ?? []) : ((all ??= change.all()).get(name) ?? []);
    if (ranges.length === 0) {
      if (present !== undefined) CSS.highlights.delete(name);
      registered.delete(name);
      continue;
    }
    yield;
    const highlight = new Highlight(...ranges);
    CSS.highlights.set(name, highlight);
    registered.set(name, { highlight, ranges: new Set(ranges) });
  }
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Briefly highlights a range (after "reveal" from the popup). */
export function flash(doc: Document, range: Range, ms = 1600): void {
  if (!supported()) return;
  ensureDocumentStyle(doc);
  const root = range.startContainer.getRootNode();
  if (root instanceof ShadowRoot) ensureShadowStyle(root);
  const h = new Highlight(range);
  h.priority = 1;
  CSS.highlights.set(FLASH, h);
  clearTimeout(flashTimer);
  endFlashOrigin();
  flashOrigin = originOf(range);
  flashOrigin?.setAttribute(ORIGIN_ATTRIBUTE, '');
  flashTimer = setTimeout(() => {
    CSS.highlights.delete(FLASH);
    endFlashOrigin();
  }, ms);
}

function endFlashOrigin(): void {
  const el = flashOrigin;
  flashOrigin = null;
  if (el && !origins.has(el)) el.removeAttribute(ORIGIN_ATTRIBUTE);
}
