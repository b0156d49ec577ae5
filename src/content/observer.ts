// Watches the page after the first pass. A change after a quiet spell (500 ms
// without one) is handled at once; changes in quick succession collapse: they
// are collected and handled once, ~50 ms after the last one when one of them may
// add a claim (500 ms at most), else after a quiet spell (2 s at most). Our own writes
// (markers, split text nodes) are discarded with takeRecords() right after we
// make them, and markers are ignored if their records slip through.
import { dropCopiedMarkers, isMarkerElement } from './markers';
import { BLOCK_TAGS, ariaLevelOf, firstRole } from '../extract/tags';
import { changesNoText, roleEffect, skipsSubtree } from '../extract/blocks';
import { mayHoldCandidate } from '../core/claims/prefilter';
import { dropStaleSplits } from './render';
import { DOCUMENT_FRAGMENT_NODE, ELEMENT_NODE, TEXT_NODE } from '../extract/node-types';
import { noteRemoval } from './removals';
import { hostsIn } from './shadow-hosts';

const DEBOUNCE_MS = 50;
/** The longest a change that may add a claim waits while the page keeps changing. */
const MAX_WAIT_MS = 500;
/**
 * A change after this long without one is handled at once; in a storm, changes that
 * cannot add a claim wait for this long without one.
 */
const QUIET_MS = 500;
/**
 * The longest a change that cannot add a claim (a removal, a word that may turn a
 * claim into a denial) waits while the page keeps changing, as a ticker does.
 */
const MAX_IDLE_WAIT_MS = 2000;
/**
 * Attributes whose change can show or hide text to extraction: a tab panel or an
 * accordion opened (`hidden`, inline `display:none`). Not `aria-hidden`: dialogs
 * set it on the whole page behind them while it stays in view, and re-reading the
 * page on every dialog would cost more than it tells.
 */
const SHOWING_ATTRIBUTES = ['hidden', 'style'] as const;
/**
 * Attributes whose change can make an element a heading or not, change its level,
 * or take it into or out of the page's menus, header or footer (extract/blocks.ts).
 */
const STRUCTURE_ATTRIBUTES = ['role', 'aria-level'] as const;
const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributeFilter: [...SHOWING_ATTRIBUTES, ...STRUCTURE_ATTRIBUTES],
  attributeOldValue: true,
};

/** An HTML `<title>` element (an SVG's `<title>` is a tooltip, not the page's). */
function isTitle(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && (node as Element).localName === 'title' && (node as Element).namespaceURI === 'http://www.w3.org/1999/xhtml';
}

function ours(node: Node): boolean {
  return isMarkerElement(node);
}

const BLANK = /^\s*$/;

function isBlockElement(node: Node | null): boolean {
  return node !== null && node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).localName);
}

/**
 * Nothing that joins a block's text: no node, blank text, or a block element. (Comments
 * and other nodes that change no text are looked past before this is asked: `beside`.)
 */
function separates(node: Node | null): boolean {
  if (node === null || isBlockElement(node)) return true;
  return node.nodeType === TEXT_NODE && BLANK.test((node as Text).data);
}

/**
 * The nearest sibling past nodes that change no block's text (scripts, frames,
 * pixels, comments: `changesNoText`). Pages add those all the time, mostly straight
 * into <body>, whose block is the whole page; extraction steps over them without
 * ending a run, so a block added after a page's trailing <script>s stands alone
 * exactly when it would without them (it named <body>: the whole 5 MB bench page
 * re-read, ~270–310 ms), and one added between comments inside a run of text does not.
 */
function beside(node: Node | null, next: boolean): Node | null {
  let n = node;
  while (n !== null && changesNoText(n)) n = next ? n.nextSibling : n.previousSibling;
  return n;
}

/** A parent whose own text runs start and end at its child blocks. */
function blockParent(node: Node | null): boolean {
  return node !== null && (isBlockElement(node) || node.nodeType === DOCUMENT_FRAGMENT_NODE);
}

/** Whether `records` take any node of the page's (not a marker of ours) out of its place. */
export function removesNodes(records: readonly MutationRecord[]): boolean {
  for (const r of records) {
    if (r.type !== 'childList') continue;
    for (let i = 0; i < r.removedNodes.length; i++) if (!ours(r.removedNodes[i] as Node)) return true;
  }
  return false;
}

/**
 * Nodes whose blocks need re-reading after a batch of records (markers left out).
 * The index re-reads the nearest block around each. A block element added or
 * removed between other blocks changes no other block, so only it is named (a
 * removed one is no longer in the page: the index drops what it read inside it);
 * anything else names the parent, whose block's text it joined or left. Inline
 * content added to or removed from a block is named by itself or a neighbour: in a
 * large block (<body>, an app's root) the index reads the run of inline siblings
 * around it; in a small one, the block.
 */
export function changedNodes(records: readonly MutationRecord[]): Node[] {
  const out: Node[] = [];
  for (const r of records) {
    if (r.type === 'characterData') {
      out.push(r.target);
      continue;
    }
    if (r.type === 'attributes') {
      if (shownOrHidden(r) !== null || restructures(r)) out.push(r.target);
      continue;
    }
    // Nodes that change no block's text (a <script> added to <body> named the whole
    // page: ~175 ms of work on the 5 MB bench page) are left out.
    const added = Array.from(r.addedNodes).filter((n) => !ours(n) && !changesNoText(n));
    const removed = Array.from(r.removedNodes).filter((n) => !ours(n) && !changesNoText(n));
    // The page's <title> added, taken away or replaced (its text set is a text change,
    // seen above): it holds no block's text, but the title decides what the page is about.
    if (added.length === 0 && removed.length === 0 && (Array.from(r.addedNodes).some(isTitle) || Array.from(r.removedNodes).some(isTitle))) out.push(r.target);
    if (added.length === 0 && removed.length === 0) continue;
    const clean = blockParent(r.target);
    for (const n of added) {
      if (!n.isConnected) continue;
      // Inline content added straight into a block is named itself: in a large block
      // (<body>, an app's root, a <main> of thousands of elements) the index re-reads
      // only the run of inline siblings around it, where the block is most of the page.
      if (!clean || !isBlockElement(n)) {
        out.push(clean ? n : r.target);
        continue;
      }
      // A block ends the run of inline content beside it, or splits one in two: it is
      // named with those neighbours, whose runs (in a small block, the block) are read
      // again. Naming the parent read a large block whole: a <p> appended to a <body>
      // ending in loose text re-read the 5 MB page (~140–200 ms).
      out.push(n);
      const before = beside(n.previousSibling, false);
      const after = beside(n.nextSibling, true);
      if (!separates(before)) out.push(before as Node);
      if (!separates(after)) out.push(after as Node);
    }
    if (removed.length === 0) continue;
    const cleanRemoval =
      clean && removed.every(separates) && separates(beside(r.previousSibling, false)) && separates(beside(r.nextSibling, true));
    // Blocks that stood alone: their going changes no other block, so they are named
    // themselves and the index drops what it read inside them. (Naming a neighbour
    // re-read it: the page's whole <main>, beside a cookie banner that closed.)
    if (cleanRemoval) out.push(...removed.filter(isBlockElement));
    else if (clean && !removed.some(isBlockElement)) {
      // Inline text replaced (a heading's or a label's text set): the inline node added in
      // its place names the same run, whose old blocks go with it. Naming the removed text
      // too dropped the block and read it again as two edits: a heading "removed".
      if (!added.some((n) => n.isConnected && !isBlockElement(n))) out.push(...inlineRemoved(r, removed));
    } else out.push(r.target);
  }
  return out;
}

/**
 * What changedNodes names for a shadow tree found with content already in it (a
 * component given its root and filled with no record we saw: PageIndex.attachedRoots),
 * as if the page had put that content in now.
 */
export function treeContentNodes(root: ShadowRoot): Node[] {
  const none = root.ownerDocument.createDocumentFragment().childNodes;
  const record: Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes' | 'previousSibling' | 'nextSibling'> = {
    type: 'childList',
    target: root,
    addedNodes: root.childNodes,
    removedNodes: none,
    previousSibling: null,
    nextSibling: null,
  };
  return changedNodes([record as MutationRecord]);
}

/**
 * Inline nodes removed straight from a block (`r.target`): a neighbour left in the
 * run they were in names it (the index reads the run around it), looking past
 * scripts and comments, which the index cannot name; with blocks (or nothing) on
 * both sides they were the run's only text, and are named themselves (the index
 * drops what it read inside them). A large block would be most of the page.
 */
function inlineRemoved(r: MutationRecord, removed: Node[]): Node[] {
  for (const n of [beside(r.previousSibling, false), beside(r.nextSibling, true)]) {
    if (n !== null && n.parentNode === r.target && !isBlockElement(n)) return [n];
  }
  return removed;
}

/**
 * Whether an attribute change showed ('shown') or hid ('hidden') the element's text
 * to extraction, or neither (null). Most do neither (a carousel's style changes every
 * frame): those are dropped at once. Our markers' own style changes are not the page's.
 */
function shownOrHidden(r: MutationRecord): 'shown' | 'hidden' | null {
  const name = r.attributeName as (typeof SHOWING_ATTRIBUTES)[number];
  if (ours(r.target) || !SHOWING_ATTRIBUTES.includes(name)) return null;
  const skippedNow = skipsSubtree(name, (r.target as Element).getAttribute(name));
  if (skipsSubtree(name, r.oldValue) === skippedNow) return null;
  return skippedNow ? 'hidden' : 'shown';
}

/**
 * Whether a `role` or `aria-level` change changed what extraction makes of the
 * element (a heading or not, its level, a region or not); most set the same again.
 */
function restructures(r: MutationRecord): boolean {
  if (ours(r.target)) return false;
  const el = r.target as Element;
  if (r.attributeName === 'role') return roleEffect(r.oldValue) !== roleEffect(el.getAttribute('role'));
  if (r.attributeName !== 'aria-level') return false;
  const role = el.getAttribute('role');
  return role !== null && firstRole(role) === 'heading' && ariaLevelOf(r.oldValue) !== ariaLevelOf(el.getAttribute('aria-level'));
}

/** Whether the records add or show text that may hold a claim or name a form (the prefilter's anchors). */
function mayAddClaim(records: readonly MutationRecord[]): boolean {
  for (const r of records) {
    if (r.type === 'characterData') {
      if (mayHoldCandidate((r.target as CharacterData).data)) return true;
      continue;
    }
    if (r.type === 'attributes') {
      // A tab panel or an accordion shown (one hidden adds nothing).
      // (A heading made or changed: its section's claims may change with it.)
      if ((shownOrHidden(r) === 'shown' || restructures(r)) && mayHoldCandidate(r.target.textContent ?? '')) return true;
      continue;
    }
    for (const n of Array.from(r.addedNodes)) {
      if (!ours(n) && mayHoldCandidate(n.textContent ?? '')) return true;
    }
  }
  return false;
}

export class PageObserver {
  private readonly observer: MutationObserver;
  private pending: Node[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly observed = new WeakSet<Node>();

  constructor(
    private readonly doc: Document,
    /** `since`: when the first of these changes came (performance.now()). */
    private readonly onChange: (changed: Node[], since: number) => void,
    /** Elements the page added that may be given a shadow root later, with no record of it (shadow-hosts.ts, hostsIn). */
    private readonly onWaiting: (elements: Element[]) => void = () => undefined,
  ) {
    this.observer = new MutationObserver((records) => this.collectSafely(records));
    this.observe(doc);
  }

  /** Also watch a shadow root (the document-level observer cannot see into it). */
  observe(target: Document | ShadowRoot): void {
    if (this.observed.has(target)) return;
    this.observed.add(target);
    this.observer.observe(target, OPTIONS);
  }

  /**
   * Runs `step`, which changes the page (our markers, text-node splits), and drops
   * its records: only its own, as records waiting before it are the page's and are
   * handled first. Rendering runs each step so: the page's changes between our steps
   * are seen (they were dropped with ours while we rendered: in a storm of changes
   * during our pass, a claim shown or hidden then was missed until the next change).
   */
  ownChanges<T>(step: () => T): T {
    const waiting = this.observer.takeRecords();
    if (waiting.length > 0) this.collectSafely(waiting);
    try {
      return step();
    } finally {
      this.observer.takeRecords();
    }
  }

  disconnect(): void {
    clearTimeout(this.timer);
    this.observer.disconnect();
  }

  /** When the page last changed (performance.now()). */
  private lastChange = -Infinity;
  /** When the first waiting change that may add a claim arrived (null: none waits). */
  private urgentSince: number | null = null;
  /** When the first waiting change arrived (null: none waits). */
  private pendingSince: number | null = null;

  private collectSafely(records: readonly MutationRecord[]): void {
    try {
      this.collect(records);
    } catch {
      // never leak to the page
    }
  }

  private collect(records: readonly MutationRecord[]): void {
    if (removesNodes(records)) noteRemoval();
    const nodes = changedNodes(records);
    // Pieces of text the page replaced or removed must not outlive it (render.ts); the
    // records of that repair are our own.
    const repaired = dropStaleSplits(records);
    // Nor must copies the page made of our markers (markers.ts).
    const copiesDropped = dropCopiedMarkers(records);
    if (repaired.length > 0 || copiesDropped) this.observer.takeRecords();
    nodes.push(...repaired);
    this.watchAddedHosts(records);
    nodes.push(...this.unwatchedTrees(records.map((r) => r.target)));
    if (nodes.length === 0) return;
    this.pending.push(...nodes);
    const now = performance.now();
    const quiet = now - this.lastChange >= QUIET_MS;
    this.lastChange = now;
    this.pendingSince ??= now;
    // A change after a quiet spell is handled at once, in this callback: before the
    // page lays it out, which on a huge page takes longer than our pass. Changes
    // that follow it wait until they stop for DEBOUNCE_MS, and are handled once.
    // (Quiet is counted from the last change, not from our last pass: on a huge
    // page, the page's own layout can hold back each change of a storm for longer
    // than the debounce.)
    if (this.timer === undefined && quiet) {
      this.flush();
      return;
    }
    // A change that may add a claim waits until DEBOUNCE_MS pass without one, and at
    // most MAX_WAIT_MS, even on a page that never stops changing (a ticker, a
    // carousel). Other changes wait for quiet (QUIET_MS), at most MAX_IDLE_WAIT_MS: on
    // a huge page the page's own layout spaces a storm's changes ~250 ms apart, more
    // than the debounce, and each would otherwise start a pass of its own.
    if (this.urgentSince === null && mayAddClaim(records)) this.urgentSince = now;
    const wait =
      this.urgentSince !== null
        ? Math.min(DEBOUNCE_MS, this.urgentSince + MAX_WAIT_MS - now)
        : Math.min(QUIET_MS, this.pendingSince + MAX_IDLE_WAIT_MS - now);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
  }

  /**
   * The shadow roots in what the page added, watched from now on, even empty (a
   * component fills its tree a microtask after it is added, and its text comes as a
   * change inside it); elements there that may be given one later go to `onWaiting`.
   * Also for additions that change no text (an empty custom element, defined later).
   */
  private watchAddedHosts(records: readonly MutationRecord[]): void {
    const roots: ShadowRoot[] = [];
    const waiting: Element[] = [];
    for (const r of records) {
      if (r.type !== 'childList') continue;
      for (const n of Array.from(r.addedNodes)) if (n.nodeType === ELEMENT_NODE && n.isConnected && !ours(n)) hostsIn(n, roots, waiting);
    }
    for (const root of roots) this.observe(root);
    if (waiting.length > 0) this.onWaiting(waiting);
  }

  /**
   * The content of the open shadow roots of `hosts` not watched yet, for a pass to
   * read; each such tree is watched from now on. A widget that attaches its root to a
   * plain element still holding its fallback ("Loading…"), then empties it, makes a
   * record only on the host (`attachShadow` makes none, and such a host is not kept
   * as one that may get a root: host-queries.ts), and a sparse read does not look
   * for it. One property read per host; never our markers' trees (they hold our cards).
   */
  unwatchedTrees(hosts: Iterable<Node>): Node[] {
    let out: Node[] | null = null;
    for (const host of hosts) {
      if (host.nodeType !== ELEMENT_NODE) continue;
      const root = (host as Element).shadowRoot;
      if (root === null || this.observed.has(root) || ours(host)) continue;
      this.observe(root);
      (out ??= []).push(...treeContentNodes(root));
    }
    return out ?? [];
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const since = this.pendingSince ?? performance.now();
    this.urgentSince = null;
    this.pendingSince = null;
    const changed = this.pending;
    this.pending = [];
    this.onChange(changed, since);
  }
}
