// The focusable marker after each claim: an <evidence-lens-marker> element with
// its UI in its own shadow root. Chrome gives content scripts no custom element
// registry (window.customElements is null in the isolated world), so the tag is
// never defined: an undefined autonomous custom element can still host a shadow
// root, and nothing runs in the page's world. If the page itself defined the tag,
// a suffixed tag is used instead.
import type { ClaimId, Stance, Verdict } from '../core/types';
import { VERDICT_STYLES } from '../core/evidence/verdicts';
import { t, verdictLabel } from '../shared/i18n';
import { appearance } from './mark-settings';

export const BASE_TAG = 'evidence-lens-marker';

let chosenTag: string | null = null;

/** The tag name we use in this document: the base name unless the page owns it. */
export function markerTag(doc: Document): string {
  if (chosenTag !== null) return chosenTag;
  let tag = BASE_TAG;
  for (let i = 2; i < 50 && isTaken(doc, tag); i++) tag = `${BASE_TAG}-${i}`;
  chosenTag = tag;
  return tag;
}

function isTaken(doc: Document, tag: string): boolean {
  try {
    const probe = doc.createElement(tag);
    // A defined (upgraded) element belongs to the page; it may have its own shadow root.
    return probe.matches(':defined') || probe.shadowRoot !== null;
  } catch {
    return true;
  }
}

export function isMarkerElement(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && isMarkerName((node as Element).localName);
}

/** Whether an element's `localName` is one of our markers' (its name read already). */
export function isMarkerName(localName: string): boolean {
  return localName.startsWith(BASE_TAG);
}

/** What a marker shows (its claim's place in the pass's list is the Mark's, not the marker's: it moves with every claim added before it). */
export interface MarkerData {
  claim: ClaimId;
  stance: Stance;
  verdict: Verdict;
  /** Short human label of the claim. */
  label: string;
}

export interface Marker {
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement;
  data: MarkerData;
}

function stanceWords(stance: Stance): string {
  return stance === 'hedged' ? t('markerHedged') : stance === 'negated' ? t('markerNegated') : '';
}

export function ariaLabel(data: MarkerData): string {
  return t('markerLabel', verdictLabel(data.verdict), data.label) + stanceWords(data.stance);
}

/**
 * Every marker made in this document, to show or hide them all at once (the
 * shortcut). Held weakly: a marker leads to its paragraph and the part of the page
 * around it, and one the page removed (with its card, or a view it replaced) must
 * not keep that part alive. Held strongly, up to 400 of them did (a card with three
 * claims added and removed 100 times kept ~9 KB of the page's DOM each time).
 */
const made = new Set<WeakRef<HTMLElement>>();

/** The marker `ref` holds, if it is still in the page; otherwise forgets it. */
function liveMarker(ref: WeakRef<HTMLElement>): HTMLElement | null {
  const host = ref.deref();
  if (host?.isConnected) return host;
  made.delete(ref);
  return null;
}

/** Every marker host made here, kept or not: ours, as against copies the page made of them. */
const mine = new WeakSet<Element>();

function display(): string {
  return appearance().hidden ? 'none' : 'inline-block';
}

/** Applies the current "all marks hidden" state to every marker in the page. */
export function refreshMarkersHidden(): void {
  for (const ref of made) liveMarker(ref)?.style.setProperty('display', display(), 'important');
}

function markerCss(data: MarkerData): string {
  const s = VERDICT_STYLES[data.verdict];
  const quiet = data.stance !== 'asserted';
  const light = quiet ? { fg: '#4b5563', bg: '#f3f4f6' } : s.light;
  const dark = quiet ? { fg: '#d1d5db', bg: '#2b2f36' } : s.dark;
  const border = quiet ? 'dotted' : 'solid';
  return `
:host{all:initial;display:inline-block;position:relative;vertical-align:baseline;line-height:1;margin:0 0 0 2px;}
button{all:initial;box-sizing:border-box;display:inline-flex;align-items:center;justify-content:center;
  min-width:16px;height:16px;padding:0 3px;border:1px ${border} ${light.fg};border-radius:8px;
  background:${light.bg};color:${light.fg};cursor:pointer;
  font:600 11px/1 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
  vertical-align:1px;}
button:focus-visible{outline:2px solid ${light.fg};outline-offset:2px;}
@media (prefers-color-scheme: dark){
  button{border-color:${dark.fg};background:${dark.bg};color:${dark.fg};}
  button:focus-visible{outline-color:${dark.fg};}
}`;
}

/**
 * Removes the copies of our markers that the page added: a paragraph cloned with
 * `cloneNode`, or a part re-rendered with `el.innerHTML = el.innerHTML`, copies a
 * marker's element and its `data-evidence-*` attributes but not its shadow root.
 * Such a copy shows nothing, yet it would name a claim in the page that no marker
 * shows, and a page re-rendering that way would pile them up. Returns whether any
 * went (those removals are our own changes).
 */
export function dropCopiedMarkers(records: readonly MutationRecord[]): boolean {
  const tag = chosenTag;
  if (tag === null) return false; // no marker made in this document: nothing to copy
  let dropped = false;
  for (const r of records) {
    if (r.type !== 'childList') continue;
    for (const node of Array.from(r.addedNodes)) {
      if (node.nodeType !== Node.ELEMENT_NODE || !node.isConnected) continue;
      const el = node as Element;
      // A native walk of the added subtree, only when it has child elements at all.
      const found = el.localName === tag ? [el] : el.firstElementChild === null ? [] : Array.from(el.getElementsByTagName(tag));
      for (const copy of found) {
        if (mine.has(copy)) continue; // ours, moved with its paragraph
        copy.remove();
        dropped = true;
      }
    }
  }
  return dropped;
}

/**
 * Builds a marker (not yet in the page), its data written once: a mark is kept only
 * by a claim with its key (id, stance and quote), which fixes its verdict and label,
 * so a kept marker never needs writing again. Its index is not written: it moves
 * whenever a claim is added or removed before it, and keeping an attribute in step
 * rewrote every later marker's at each such change (mutations the page's observers
 * see; ~0.6 ms of a late paragraph's pass on the 5 MB bench page in Firefox).
 */
export function createMarker(doc: Document, data: MarkerData): Marker {
  const host = doc.createElement(markerTag(doc));
  // Inline !important beats any page rule on our tag; :host{all:initial} resets inheritance.
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', display(), 'important');
  if (made.size > 400) for (const ref of made) liveMarker(ref);
  made.add(new WeakRef(host));
  mine.add(host);
  host.setAttribute('data-evidence-claim', data.claim);
  host.setAttribute('data-evidence-verdict', data.verdict);
  host.setAttribute('data-evidence-stance', data.stance);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = markerCss(data);
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', ariaLabel(data));
  const glyph = doc.createElement('span');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = data.stance === 'asserted' ? VERDICT_STYLES[data.verdict].glyph : '?';
  button.append(glyph);
  root.append(style, button);
  return { host, root, button, data };
}
