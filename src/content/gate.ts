// The cheap gate: a page that never names MgT costs one regex test and a
// MutationObserver that looks only at added text (an app's shell, and a page that
// says magnesium, also a look into their shadow roots). Nothing else is loaded.
import { MAGNESIUM, MgtNameSearch, lookAtText, mayMentionMgt } from '../core/claims/gate';
import { PageText, hasMoreDescendants, readPageTextSteps, type ReadMode } from './page-text';
import { Slicer, measureSlice } from './timing';
import { SHADOW_LOOK_MAX_CHARS, componentTextNames, isShell, shadowTextNames, type Budget, type Seen } from './shadow-text';
import { MAX_WAITING, lookAgainLater, takeGivenRoots, type LaterLooks } from './late-roots';
import { ELEMENT_NODE } from '../extract/node-types';
import { runToEnd } from '../core/steps';

/** The core's gate (names of MgT, robust to invisible characters and fullwidth letters). */
export const mentionsMgT = mayMentionMgt;

export interface GateResult {
  named: boolean;
  /** The text read, for the scanner to reuse (null: nothing to read). */
  text: PageText | null;
  /** On an app's shell that names no form: the shadow roots looked into (watchGate's `watchShell`). */
  shadows?: ShadowRoot[];
  /** On another page that says magnesium but names no form: its components' shadow roots looked into (`watchRoots`). */
  components?: ShadowRoot[];
  /** On either: the elements looked at that may be given a shadow root later (`watchWaiting`). */
  waiting?: Element[];
}

/** HTML below this size (as loaded) is read in one call, unless the page has more elements than such HTML makes. */
const SMALL_HTML_BYTES = 1_500_000;
/**
 * HTML above this size is never read in one call, whatever its number of elements:
 * a long article or forum thread can hold 5 MB of text in 25,000 paragraphs, well
 * under the element count that otherwise decides (page-text.ts), and one
 * `textContent` call on it took 51–63 ms. At ~11 ms per MB of text, a call on less
 * stays under ~30 ms.
 */
const HUGE_HTML_BYTES = 2_500_000;

/**
 * Below this many elements a page built by script is read in one call as before: an
 * app's few thousand elements rarely hold megabytes, and reading them in runs costs
 * a walk of the tree (a 10,000-deep chain: 72 ms of it, sliced).
 */
const SCRIPT_BUILT_FLOOR = 20_000;

/**
 * A page parsed from `bytes` of HTML has fewer elements than this (one per ~37
 * bytes on the bench's shop pages). A page with more most likely built them by
 * script, and its HTML's size then says nothing of its text: one call could read
 * megabytes. A parsed page taken for one (a table of short cells, `<td>1</td>`: one
 * per 10 bytes) is only read in runs, which cost about what one call costs.
 */
function parsedElementsBound(bytes: number): number {
  return Math.max(SCRIPT_BUILT_FLOOR, Math.floor(bytes / 16));
}

/** The size of the page's HTML as it was loaded (navigation timing), or 0 when unknown. */
function loadedHtmlBytes(): number {
  try {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.decodedBodySize ?? 0;
  } catch {
    return 0;
  }
}

/**
 * How the gate reads a page whose HTML was `bytes` long (0: unknown). Most pages
 * are small and parsed: one call. Text that may be huge is read in runs: HTML over
 * HUGE_HTML_BYTES, a size we do not know, or more elements than the HTML could have
 * made. Counting elements costs ~0.02 µs each, natively; a page with a few thousand
 * is counted in well under a millisecond.
 */
function gateReadMode(root: Element, bytes: number): 'one call' | ReadMode {
  if (bytes <= 0 || bytes >= HUGE_HTML_BYTES) return 'gate-huge';
  if (bytes >= SMALL_HTML_BYTES) return 'gate';
  return hasMoreDescendants(root, parsedElementsBound(bytes)) ? 'gate-huge' : 'one call';
}

/**
 * Does the page's title or text name MgT? Reads `body.textContent`, a huge page in pieces
 * (page-text.ts), in slices measured as `evidence-lens:slice` (it is our work
 * too), so a 5 MB page is not one long task.
 */
export async function readGate(doc: Document): Promise<GateResult> {
  const root = doc.body ?? doc.documentElement;
  if (!root) return { named: false, text: null };
  const slicer = new Slicer();
  slicer.phase('gate');
  const mode = gateReadMode(root, loadedHtmlBytes());
  // The title counts as detection counts it (a page titled with MgT is about MgT).
  const titled = mentionsMgT(doc.title);
  let text: PageText;
  let named: boolean;
  /** Whether the page says magnesium (learnt in the same scan as the names, and only while none is found). */
  let magnesium: boolean;
  if (mode === 'one call') {
    text = PageText.whole(root);
    const look = titled ? { named: true, magnesium: false } : lookAtText(text.text);
    named = look.named;
    magnesium = look.magnesium;
  } else {
    // A huge page is tested piece by piece as it is read: no joining megabytes, or
    // normalizing them, in one go; and how the rest is read depends on it (page-text.ts).
    const names = new MgtNameSearch(titled);
    text = (await slicer.drain(readPageTextSteps(root, mode, undefined, names))) as PageText; // (no `known`: never null)
    named = names.found;
    magnesium = names.magnesium;
  }
  // An app's shell: its words may all be in open shadow roots (shadow-text.ts); on
  // another page that says magnesium, some may be in its web components' roots (a
  // product described by one, the site's menus around it).
  let shadows: ShadowRoot[] | undefined;
  let components: ShadowRoot[] | undefined;
  const roots: ShadowRoot[] = [];
  const waiting: Element[] = [];
  const seen: Seen = { root: (shadow) => roots.push(shadow), waiting: (el) => waiting.push(el) };
  if (!named && isShell(root, text)) {
    named = await slicer.drain(shadowTextNames(root, mentionsMgT, seen));
    if (!named) shadows = roots;
  } else if (!named && (magnesium || MAGNESIUM.test(doc.title))) {
    // (On a large page the query is one long native call: a slice of its own.)
    named = await slicer.drain(componentTextNames(root, mentionsMgT, seen, undefined, text.length >= SHADOW_LOOK_MAX_CHARS));
    if (!named && roots.length > 0) components = roots;
  }
  slicer.end();
  return { named, text, ...(shadows ? { shadows } : {}), ...(components ? { components } : {}), ...(!named && waiting.length > 0 ? { waiting } : {}) };
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export interface GateWatch {
  stop(): void;
  /** Whether the page changed since watching began (text read before then may be stale). */
  changed(): boolean;
  /**
   * The page is an app's shell (readGate looked into its shadow roots): watch those
   * roots too, and look into the shadow roots of what is added, where a component's
   * words arrive (a shop rendered after its data came).
   */
  watchShell(shadows: readonly ShadowRoot[]): void;
  /** Watch these shadow roots too (a page's components, where their words may arrive later), and nothing more. */
  watchRoots(shadows: readonly ShadowRoot[]): void;
  /**
   * Look at these elements again a few times (late-roots.ts): a root given to one
   * (a component defined late) is looked into, and watched.
   */
  watchWaiting(elements: readonly Element[]): void;
}

/** Elements the added nodes' shadow roots are looked through, at most, per change (within a MutationObserver callback: no slices there). */
const ADDED_BUDGET = 2_000;

/**
 * Before any MgT text was seen: look only at added text, and call `onMatch` once
 * when some of it names MgT, with the elements seen given a root after load whose
 * trees the scan's first pass may not read (a plain element's: `inGivenRoot`).
 */
export function watchGate(doc: Document, onMatch: (givenRoots: readonly Element[]) => void): GateWatch {
  let changed = false;
  let shell = false;
  const watched = new WeakSet<ShadowRoot>();
  const watch = (shadow: ShadowRoot): void => {
    if (watched.has(shadow)) return;
    watched.add(shadow);
    observer.observe(shadow, OPTIONS);
  };
  let budget: Budget = { left: ADDED_BUDGET };
  /** On a shell: whether the shadow roots of an added node (or under it) name MgT; watches them from now on. */
  const inShadows = (n: Node): boolean =>
    shell && n.nodeType === ELEMENT_NODE && runToEnd(shadowTextNames(n as Element, mentionsMgT, { root: watch }, budget));
  /** The hosts inGivenRoot found, for the scan to read (onMatch). */
  const given: Element[] = [];
  /**
   * Whether a record's element holds an open root not watched yet whose text (nested
   * trees too) names MgT; watches it from now on. A widget that attaches its root to
   * a plain element holding its fallback, then empties it, makes a record only on the
   * host (observer.ts, `unwatchedTrees`). One property read per record.
   */
  const inGivenRoot = (target: Node): boolean => {
    if (target.nodeType !== ELEMENT_NODE) return false;
    const root = (target as Element).shadowRoot;
    if (root === null || watched.has(root)) return false;
    watch(root);
    given.push(target as Element);
    return runToEnd(shadowTextNames(target as Element, mentionsMgT, { root: watch }, budget));
  };

  let stopped = false;
  /** The later looks at `waiting` (watchWaiting), while under way or asleep. */
  let looks: LaterLooks | null = null;
  const stop = (): void => {
    stopped = true;
    observer.disconnect();
    looks?.stop();
  };
  const match = (): void => {
    stop();
    onMatch(given);
  };
  const observer = new MutationObserver((records) => {
    const start = performance.now();
    try {
      changed = true;
      budget = { left: ADDED_BUDGET };
      for (const r of records) {
        const named =
          r.type === 'characterData'
            ? mentionsMgT(r.target.textContent)
            : Array.prototype.some.call(r.addedNodes, (n: Node) => mentionsMgT(n.textContent) || inShadows(n)) || inGivenRoot(r.target);
        if (named) return match();
      }
    } catch {
      // never leak to the page
    } finally {
      // Our work too, on every change of a page that has not named MgT yet.
      measureSlice(start, 'gate');
    }
  });
  observer.observe(doc, OPTIONS);
  /** The elements that may still be given a root (at most MAX_WAITING). */
  const waiting = new Set<Element>();
  const keep = (el: Element): void => {
    if (waiting.size < MAX_WAITING) waiting.add(el);
  };
  /** One later look at the waiting elements: true while some may still get a root. */
  const lookAtWaiting = (): boolean => {
    if (stopped) return false;
    const look: Budget = { left: ADDED_BUDGET };
    const seen: Seen = { root: watch, waiting: keep };
    for (const root of takeGivenRoots(waiting)) {
      if (runToEnd(shadowTextNames(root.host, mentionsMgT, seen, look))) {
        match();
        return false;
      }
    }
    return waiting.size > 0;
  };
  return {
    stop,
    changed: () => changed,
    watchShell: (shadows) => {
      shell = true;
      for (const shadow of shadows) watch(shadow);
    },
    watchRoots: (shadows) => {
      for (const shadow of shadows) watch(shadow);
    },
    watchWaiting: (elements) => {
      for (const el of elements) keep(el);
      if (waiting.size > 0) looks = lookAgainLater(lookAtWaiting, undefined, doc);
    },
  };
}
