// Highlights through the CSS Custom Highlight API: no wrapper elements, the
// page's DOM and text stay as they are. One <style> in <head> holds only
// ::highlight(evidence-lens-…) rules; shadow roots with marked text adopt the
// same rules (document styles do not reach into shadow trees).
import type { Stance, Verdict } from '../core/types';
import { VERDICTS } from '../core/types';
import { VERDICT_STYLES } from '../core/evidence/verdicts';
import { appearance } from './mark-settings';

const PREFIX = 'evidence-lens-';
export const QUIET = `${PREFIX}quiet`;
const FLASH = `${PREFIX}flash`;
const STYLE_ID = 'evidence-lens-highlight-style';

/** Highlight name for a claim: asserted claims by verdict, hedged/negated all quiet grey. */
export function highlightName(verdict: Verdict, stance: Stance): string {
  return stance === 'asserted' ? PREFIX + verdict : QUIET;
}

function alpha(hex: string, a: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

function rules(): string {
  const flash = `::highlight(${FLASH}){background-color:rgba(250, 204, 21, 0.55);}`;
  const { markStyle, hidden } = appearance();
  if (hidden) return flash; // all marks hidden (the shortcut): only a "reveal" flash shows
  // "underline" setting: the line only, no tinted background.
  const bg = (fg: string, a: number) => (markStyle === 'underline' ? '' : `background-color:${alpha(fg, a)};`);
  const light: string[] = [];
  const dark: string[] = [];
  for (const v of VERDICTS) {
    const s = VERDICT_STYLES[v];
    light.push(`::highlight(${PREFIX}${v}){${bg(s.light.fg, 0.1)}text-decoration:underline solid 2px ${s.light.fg};}`);
    dark.push(`::highlight(${PREFIX}${v}){${bg(s.dark.fg, 0.16)}text-decoration:underline solid 2px ${s.dark.fg};}`);
  }
  // Hedged or denied claims: a dotted neutral line, never the verdict colour.
  light.push(`::highlight(${QUIET}){text-decoration:underline dotted 1px #6b7280;}`);
  dark.push(`::highlight(${QUIET}){text-decoration:underline dotted 1px #9ca3af;}`);
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

/** Replaces all our highlights with these groups (name → ranges). */
export function setHighlights(doc: Document, groups: Map<string, Range[]>): void {
  if (!supported()) return;
  ensureDocumentStyle(doc);
  for (const name of [...VERDICTS.map((v) => PREFIX + v), QUIET]) {
    const ranges = groups.get(name);
    if (ranges === undefined || ranges.length === 0) CSS.highlights.delete(name);
    else CSS.highlights.set(name, new Highlight(...ranges));
  }
  for (const ranges of groups.values()) {
    for (const r of ranges) {
      const root = r.startContainer.getRootNode();
      if (root instanceof ShadowRoot) ensureShadowStyle(root);
    }
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
  flashTimer = setTimeout(() => CSS.highlights.delete(FLASH), ms);
}
