// The hostile-page cases that Chromium (test/e2e/hostile-pages.e2e.test.ts and
// hostile-sizes.e2e.test.ts, Playwright) and Firefox (test/firefox/hostile.firefox.test.ts, puppeteer over
// WebDriver BiDi) both run with the same fixture and the same assertions. Each
// test file opens pages with its own driver and hands them over as a
// HostileHandle; the test names stay in the files. What differs between the
// browsers on purpose (Firefox cannot read our highlight stylesheet's rules, say)
// stays in the files, or is a small option of a case here.
import { expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { scanPage } from '../../../src/core/scan';
import { extractPageData } from '../../../src/extract';
import { COUNT_JS, MARKERS_JS, MARKER_SUMMARY_JS, settle, until, waitForCount, type PageReader } from './hostile-reads';
import { FIGHTS_TO_REFRAIN } from '../../../src/content/fight-guard';

/** How long a hostile page may take to load and be scanned, and to reach a claim count. */
export const HOSTILE_BOUND_MS = 15_000;

/**
 * A hostile page (test/fixtures/hostile) as the cases see it, whatever drives the
 * browser. `read` evaluates in a realm the page's JavaScript cannot touch (see
 * hostile-reads.ts); clicks and keys are real input events.
 */
export interface HostileHandle extends PageReader {
  /** Console errors and uncaught exceptions on the page (ours would show here); the browser's own may be left out. */
  errors(): string[];
  /** Whether the page's text (body.textContent) is what it was at DOMContentLoaded, before we ran. */
  textUnchanged(): Promise<boolean>;
  /** Whether the page's own button (fixtures/hostile/probe.js) still works: a real click reaches its handler. */
  probeWorks(): Promise<boolean>;
  /** A real mouse click on the element `selector` finds. */
  click(selector: string): Promise<void>;
  /** Presses one key ('Enter', 'End'…) in the focused element. */
  press(key: string): Promise<void>;
  /** Types `text`, key by key, into the focused element. */
  type(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a fixture and waits for at least `atLeast` claims; `quiet` (the default)
 * pages also until passes stop; all within `boundMs` (HOSTILE_BOUND_MS by default).
 */
export type OpenHostile = (path: string, atLeast: number, quiet?: boolean, boundMs?: number) => Promise<HostileHandle>;

export interface MarkerSummary {
  claim: string;
  verdict: string;
  tag: string;
  label: string;
  inside: string | null;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** How many passes we ran on the page (entries in its performance timeline). */
export const passes = (h: PageReader): Promise<number> =>
  h.read<number>(`performance.getEntriesByName('evidence-lens:scan').length`);

/** Opens a page with `load` and waits for its claims; `quiet` pages are also waited on until passes stop. */
export async function waitLoaded<H extends PageReader>(
  path: string,
  load: () => Promise<H>,
  atLeast: number,
  quiet: boolean,
  boundMs = HOSTILE_BOUND_MS,
): Promise<H> {
  const started = Date.now();
  const h = await load();
  await waitForCount(h, atLeast, boundMs);
  if (quiet) await settle(h);
  expect(Date.now() - started, `${path}: load + scan time`).toBeLessThan(boundMs);
  return h;
}

export const claimsOf = async (h: PageReader): Promise<string[]> =>
  (await h.read<MarkerSummary[]>(MARKER_SUMMARY_JS)).map((m) => m.claim).sort();

export async function expectClean(h: HostileHandle, claims: string[]): Promise<void> {
  expect(Number(await h.read<string>(COUNT_JS))).toBe(claims.length);
  expect(await claimsOf(h)).toEqual([...claims].sort());
  expect(await h.textUnchanged(), 'page text unchanged').toBe(true);
  expect(await h.probeWorks(), 'page button still works').toBe(true);
  expect(h.errors()).toEqual([]);
}

/** Our slices so far on the page: their length in ms and what they did (read, detect, render…). */
function slicesOf(h: HostileHandle): Promise<{ ms: number; detail: string }[]> {
  return h.read<{ ms: number; detail: string }[]>(
    `performance.getEntriesByName('evidence-lens:slice').map((e) => ({ ms: e.duration, detail: String(e.detail) }))`,
  );
}

/** The longest of `slices`, ms (0: none). */
const longestOf = (slices: readonly { ms: number }[]): number => Math.max(0, ...slices.map((s) => s.ms));

/** Opens the card of the first marker from the keyboard; returns whether a card is shown. */
export async function openFirstCard(h: HostileHandle): Promise<boolean> {
  await h.read(`${MARKERS_JS}[0].shadowRoot.querySelector('button').focus()`);
  await h.press('Enter');
  await until(async () => h.read<boolean>(`${MARKERS_JS}[0].shadowRoot.querySelector('.card') !== null`), 5_000, 'the card');
  return h.read<boolean>(`(() => {
    const card = ${MARKERS_JS}[0].shadowRoot.querySelector('.card');
    const r = card.getBoundingClientRect();
    return getComputedStyle(card).position === 'fixed' && r.width > 0 && card.textContent.includes('Information, not medical advice.');
  })()`);
}

/**
 * builtins.html: broken built-ins (appendChild, attachShadow, MutationObserver,
 * Array.prototype.map, JSON, Promise…). `brokenCallsAfterCard`: also check, once
 * the card is open, that none of the broken functions was called.
 */
export async function brokenBuiltinsCase(open: OpenHostile, opts: { brokenCallsAfterCard?: boolean } = {}): Promise<void> {
  const h = await open('builtins.html', 1);
  await expectClean(h, ['memory']);
  // None of the page's broken functions was called: ours run in an isolated world
  // (Chromium), or see the DOM's own through Xray wrappers (Firefox).
  expect(await h.read<string | null>(`document.documentElement.getAttribute('data-broken-calls')`)).toBeNull();
  // The observer still sees the page's changes without window.MutationObserver…
  await h.read(`document.dispatchEvent(new Event('hostile-add'))`);
  await waitForCount(h, 2, HOSTILE_BOUND_MS);
  expect(await claimsOf(h)).toEqual(['brain-uptake', 'memory']);
  // …and the card opens without the page's attachShadow/appendChild/Promise.
  expect(await openFirstCard(h)).toBe(true);
  if (opts.brokenCallsAfterCard) {
    expect(await h.read<string | null>(`document.documentElement.getAttribute('data-broken-calls')`)).toBeNull();
  }
  expect(h.errors()).toEqual([]);
  await h.close();
}

/**
 * custom-element.html: the page defined <evidence-lens-marker> itself and keeps
 * it; we use another tag. `label`: the aria-label our marker's button must have.
 */
export async function takenTagNameCase(open: OpenHostile, opts: { label?: string } = {}): Promise<void> {
  const h = await open('custom-element.html', 1);
  await expectClean(h, ['memory']);
  const found = await h.read<MarkerSummary[]>(MARKER_SUMMARY_JS);
  expect(found.map((m) => m.tag)).toEqual(['evidence-lens-marker-2']);
  if (opts.label !== undefined) expect(found[0]!.label).toBe(opts.label);
  // The page's own element is still the only <evidence-lens-marker>, untouched.
  expect(await h.read<number>(`document.querySelectorAll('evidence-lens-marker').length`)).toBe(1);
  expect(
    await h.read<boolean>(`document.getElementById('own').matches(':defined') && !document.getElementById('own').hasAttribute('data-evidence-claim')`),
  ).toBe(true);
  expect(await openFirstCard(h)).toBe(true);
  await h.close();
}

/**
 * remover.html: the page's own MutationObserver removes our markers again and
 * again: no endless loop, no spin. `pageActed`: also check that the page did what
 * the case rests on (at least 5 notes added, our marker removed at least once).
 */
export async function removerCase(open: OpenHostile, opts: { pageActed?: boolean } = {}): Promise<void> {
  const h = await open('remover.html', 1, false);
  const before = await passes(h);
  await sleep(2_000); // the page adds a note every 150 ms meanwhile
  await h.read(`document.dispatchEvent(new Event('hostile-stop'))`);
  const notes = await h.read<number>(`document.querySelectorAll('#notes p').length`);
  if (opts.pageActed) expect(notes).toBeGreaterThanOrEqual(5);
  const total = await settle(h, 600);
  // At most one pass per page change (plus the first), never a pass per own removal.
  expect(total - before).toBeLessThanOrEqual(notes + 2);
  const removed = Number(await h.read<string | null>(`document.documentElement.getAttribute('data-removed')`));
  if (opts.pageActed) expect(removed).toBeGreaterThanOrEqual(1); // the page did see (and remove) our marker
  expect(removed).toBeLessThanOrEqual(total + 1);
  // Quiet now: nothing runs while the page is quiet.
  await sleep(1_000);
  expect(await passes(h)).toBe(total);
  const busy = (await slicesOf(h)).reduce((sum, s) => sum + s.ms, 0);
  expect(busy, 'main-thread time of all our slices, ms').toBeLessThan(2_000);
  expect(await h.read<string>(COUNT_JS)).toBe('1');
  expect(await h.probeWorks()).toBe(true);
  expect(h.errors()).toEqual([]);
  await h.close();
}

/**
 * reacts.html: a page that renders its list again whenever our marker appears, at
 * once or 30 ms later. Putting the marker back each time was a pass per answer for
 * as long as the tab stayed open (75 passes in 4 s): after two rounds, no new marker
 * goes in, and the page is left quiet; the claim is still counted. When the page
 * later changes on its own, markers go back in once it is quiet.
 */
export async function reactorCase(open: OpenHostile, mode: 'sync' | 'async'): Promise<void> {
  const h = await open(`reacts.html?${mode}`, 1, false);
  await sleep(2_000);
  const renders = async (): Promise<number> => Number(await h.read<string | null>(`document.documentElement.getAttribute('data-renders')`));
  const total = await settle(h, 600);
  expect(await renders()).toBeGreaterThanOrEqual(1); // the page did answer our marker
  expect(await renders()).toBeLessThanOrEqual(FIGHTS_TO_REFRAIN);
  expect(total).toBeLessThanOrEqual(FIGHTS_TO_REFRAIN + 2);
  expect(await claimsOf(h)).toEqual([]);
  expect(await h.read<string>(COUNT_JS)).toBe('1');
  // Quiet: nothing runs while the page is quiet.
  await sleep(1_000);
  expect(await passes(h)).toBe(total);
  // The page changes on its own (and stops answering): the marker goes back in once it is quiet.
  await h.read(`document.dispatchEvent(new Event('hostile-stop')); document.getElementById('list').append(Object.assign(document.createElement('p'), { textContent: 'A note.' }))`);
  await until(async () => (await claimsOf(h)).length === 1, 5_000, 'the marker back in');
  expect(await claimsOf(h)).toEqual(['memory']);
  expect(h.errors()).toEqual([]);
  await h.close();
}

/** rewriter.html: a page that rewrites its whole body every 100 ms. */
export async function rewriterCase(open: OpenHostile): Promise<void> {
  const h = await open('rewriter.html', 1, false);
  const seen = new Set<string | null>();
  const until2s = Date.now() + 2_000;
  while (Date.now() < until2s) {
    seen.add(await h.read<string | null>(COUNT_JS));
    await sleep(60);
  }
  await h.read(`document.dispatchEvent(new Event('hostile-stop'))`);
  const rewrites = Number(await h.read<string>(`document.documentElement.getAttribute('data-rewrites')`));
  const total = await settle(h, 600);
  expect(rewrites).toBeGreaterThanOrEqual(10);
  expect([...seen]).toEqual(['1']); // always the one claim, never 0 or a stale count
  expect(total).toBeLessThanOrEqual(rewrites + 3);
  expect(await claimsOf(h)).toEqual(['memory']); // marked again once the page is still
  expect(await h.read<string>(`document.body.textContent`)).toBe('Magnesium L-threonateMagnesium L-threonate improves memory.Plain text.');
  expect(h.errors()).toEqual([]);
  await h.close();
}

/** invisible.html: zero-width and combining characters: claims found, highlights cover the original characters. */
export async function invisibleCharactersCase(open: OpenHostile): Promise<void> {
  const h = await open('invisible.html', 2);
  await expectClean(h, ['brain-uptake', 'memory']);
  const highlighted = await h.read<string[]>(`(() => {
    const out = [];
    CSS.highlights.forEach((h) => h.forEach((r) => out.push(r.toString())));
    return out.sort();
  })()`);
  expect(highlighted.map((t) => t.replace(/[\u00AD\u200B-\u200F\u2060\uFEFF]/g, ''))).toEqual([
    'crosses the blood brain barrier',
    'improves memory',
  ]);
  await h.close();
}

/** editors.html: editors, form fields and SVG <text> are never annotated, and typing in them still works. */
export async function editorsCase(open: OpenHostile): Promise<void> {
  const h = await open('editors.html', 1);
  await expectClean(h, ['brain-uptake']);
  const found = await h.read<MarkerSummary[]>(MARKER_SUMMARY_JS);
  expect(found.map((m) => m.inside)).toEqual([null]);

  const typed = ' Magnesium L-threonate improves sleep quality.';
  await h.click('#editor p');
  await h.press('End');
  await h.type(typed);
  await h.click('#area');
  await h.press('End');
  await h.type(typed);
  await settle(h);
  expect(await h.read<string>(`document.getElementById('editor').textContent`)).toBe(`Magnesium L-threonate improves memory.${typed}`);
  expect(await h.read<string>(`document.getElementById('area').value`)).toBe(`Magnesium L-threonate improves memory.${typed}`);
  expect(await h.read<number>(`document.querySelectorAll('#editor *, #plaintext *, svg *').length`)).toBe(2); // <p> + <text>
  expect(await claimsOf(h)).toEqual(['brain-uptake']);
  expect(await h.read<string>(COUNT_JS)).toBe('1');
  expect(h.errors()).toEqual([]);
  await h.close();
}

// Extreme sizes and adversarial text. The big pages are generated by small
// scripts in fixtures/hostile/ (no multi-MB fixtures in the repo); each has its
// own bound on load + scan time.

/** deep.html: 10,000-deep nesting. */
export async function deepNestingCase(open: OpenHostile): Promise<void> {
  const h = await open('deep.html', 1, true, 20_000);
  await expectClean(h, ['memory']);
  await h.close();
}

/** text-nodes.html: 500,000 text nodes, read in slices: none of ours blocks input for long. */
export async function textNodesCase(open: OpenHostile): Promise<void> {
  const h = await open('text-nodes.html', 1, true, 25_000);
  await expectClean(h, ['memory']);
  expect(longestOf(await slicesOf(h))).toBeLessThan(5_000);
  await h.close();
}

/**
 * big-node.html: one 10 MB text node; its text stays whole around the marker in its
 * paragraph, and detecting its one block is no long task: it is taken in windows
 * (core/text/windows.ts). Detected whole, one slice took ~200 ms. With `claims`
 * spread through it, each offset leads to the same node: reading its `data` for
 * each one (a copy of 10 MB in Firefox) made one slice of seconds there; and each
 * marker split the rest of the node, which Firefox copies whole: render slices of
 * up to ~300 ms there (the node is now split at its middle spot first, render.ts).
 * The longest slice is ~25–40 ms in both browsers; a major collection of the 10 MB
 * strings landing in one made it 79–110 ms in Firefox, in one load in a few (round
 * 41): the least of up to three loads is bounded (`expectLeastUnder`).
 */
export async function bigNodeCase(open: OpenHostile, claims = 1): Promise<void> {
  await expectLeastUnder({ 'longest slice of ours': 100 }, async () => {
    const h = await open(`big-node.html?claims=${claims}`, claims, true, 25_000);
    await expectBigNodeMarked(h, claims);
    const longest = longestOf(await slicesOf(h));
    await h.close();
    return { 'longest slice of ours': longest };
  });
}

/** big-node.html's marks: each right after its claim's sentence, its highlight still on its words once the node is split around them. */
async function expectBigNodeMarked(h: HostileHandle, claims: number): Promise<void> {
  await expectClean(h, Array.from({ length: claims }, () => 'memory'));
  expect(await h.read<number>(`document.getElementById('big').textContent.length`)).toBeGreaterThan(10 * 1024 * 1024);
  // Each marker right after its claim's sentence, and each highlight still on its
  // words once the node is split around them.
  const placed = await h.read<{ before: (string | null)[]; highlighted: string[] }>(`(() => {
    const before = [];
    for (const n of document.getElementById('big').childNodes) {
      if (n.nodeType !== 1) continue;
      const p = n.previousSibling;
      before.push(p && p.nodeType === 3 ? p.data.slice(-38) : null);
    }
    const highlighted = [];
    CSS.highlights.forEach((h) => h.forEach((r) => highlighted.push(r.toString())));
    return { before, highlighted };
  })()`);
  expect(placed.before).toEqual(Array.from({ length: claims }, () => 'Magnesium L-threonate improves memory.'));
  expect(placed.highlighted).toEqual(Array.from({ length: claims }, () => 'improves memory'));
}

/**
 * big-node.html with 40 claims, then a line added to its one huge block (as a log in a
 * <pre> grows): the block is read again, but detected only from its last window that
 * is as it was, and not scanned whole to be kept. Before, each such change detected
 * all 10 MB again (~450 ms of work in Chromium) after one step of scanning it.
 */
export async function bigNodeAppendCase(open: OpenHostile, workMs: number, longestMs = 100): Promise<void> {
  const claims = 40;
  await expectChangeWithin(workMs, longestMs, async () => {
    const h = await open(`big-node.html?claims=${claims}`, claims, true, 25_000);
    await expectClean(h, Array.from({ length: claims }, () => 'memory'));
    const before = (await slicesOf(h)).length;
    await h.read(`document.getElementById('big').append(document.createTextNode('Day 41: Magnesium L-threonate reduces anxiety. '))`);
    expect(await waitForCount(h, claims + 1)).toBe(claims + 1);
    await settle(h);
    expect((await claimsOf(h)).filter((c) => c !== 'memory')).toEqual(['anxiety-stress']);
    return { h, before };
  });
}

/**
 * Makes a change on a freshly opened page (`changeOn` returns the handle and how many
 * slices came before the change): the slices since then are none longer than
 * `longestMs`, and their sum is under `workMs`, with no error. The change's work is
 * one slice of ~15–25 ms here, and a major collection of the 10 MB strings landing in it
 * doubled it in one CI run: both bounds are on the least of up to three fresh loads.
 */
async function expectChangeWithin(
  workMs: number,
  longestMs: number,
  changeOn: () => Promise<{ h: HostileHandle; before: number }>,
): Promise<void> {
  const longest = 'longest slice of the change';
  const work = 'work of the change';
  await expectLeastUnder({ [longest]: longestMs, [work]: workMs }, async () => {
    const { h, before } = await changeOn();
    const change = (await slicesOf(h)).slice(before);
    expect(h.errors()).toEqual([]);
    await h.close();
    return { [longest]: longestOf(change), [work]: change.reduce((sum, s) => sum + s.ms, 0) };
  });
}

/**
 * Runs `load` (a fresh page each time, its own checks made inside) up to three times,
 * until each timing it gives has been under its bound in some load, then bounds the
 * least of each. Timing noise on a shared machine (a major garbage collection landing
 * in a slice, a busy spell) only adds: one load within the bounds shows the code
 * can be, and a real regression fails every load.
 */
async function expectLeastUnder(bounds: Record<string, number>, load: () => Promise<Record<string, number>>): Promise<void> {
  const seen = new Map<string, number[]>(Object.keys(bounds).map((name) => [name, []]));
  const met = (): boolean => Object.entries(bounds).every(([name, ms]) => (seen.get(name) ?? []).some((x) => x < ms));
  for (let tries = 0; tries < 3 && !met(); tries++) {
    for (const [name, ms] of Object.entries(await load())) seen.get(name)?.push(ms);
  }
  for (const [name, bound] of Object.entries(bounds)) {
    const xs = seen.get(name) ?? [];
    expect(Math.min(...xs), `${name}, ms (least of ${xs.map((ms) => ms.toFixed(1)).join(', ')})`).toBeLessThan(bound);
  }
}

/**
 * big-node.html with 40 claims, then a block with a claim put in the middle of its
 * one huge block, which splits it in two: each half is read again and takes the
 * candidates the block had (carried-candidates.ts), so neither is searched for them
 * whole. Before, the change searched both halves again, window by window (100–105 ms
 * of work in Chromium, 128–140 in Firefox).
 */
export async function bigNodeSplitCase(open: OpenHostile, workMs: number, longestMs = 100): Promise<void> {
  const claims = 40;
  await expectChangeWithin(workMs, longestMs, async () => {
    const h = await open(`big-node.html?claims=${claims}`, claims, true, 25_000);
    await expectClean(h, Array.from({ length: claims }, () => 'memory'));
    const before = (await slicesOf(h)).length;
    await h.read(`(() => {
      const big = document.getElementById('big');
      const div = document.createElement('div');
      div.textContent = 'Note: Magnesium L-threonate reduces anxiety.';
      big.insertBefore(div, big.childNodes[Math.floor(big.childNodes.length / 2)]);
    })()`);
    expect(await waitForCount(h, claims + 1)).toBe(claims + 1);
    await settle(h);
    const found = await claimsOf(h);
    expect(found.filter((c) => c === 'memory').length).toBe(claims);
    expect(found.filter((c) => c !== 'memory')).toEqual(['anxiety-stress']);
    return { h, before };
  });
}

/**
 * wide-paragraph.html: one <p> of 100,000 inline children and 48 claims. Reading the
 * block around a candidate walked all its children in one step (~200 ms in Chromium,
 * ~300 in Firefox), and each marker inserted with Range.insertNode walked them again
 * to find its index (~4 ms a marker in Chromium): both are cut now. Its timings are
 * bounded at the least of up to three loads, as the 10 MB node's.
 */
export async function wideParagraphCase(open: OpenHostile, opts: { renderMsPerMarker?: number; longestMs?: number } = {}): Promise<void> {
  const claims = 48;
  const longest = 'longest slice of ours';
  const perMarker = 'ms of the slices that render, per marker';
  // (Firefox's Range.insertNode cost less: its old render was ~4 ms a marker with the
  // reindex in the same slices, where Chromium's was 5–6; only Chromium's is bounded.)
  const bounds = { [longest]: opts.longestMs ?? 100, ...(opts.renderMsPerMarker !== undefined && { [perMarker]: opts.renderMsPerMarker }) };
  await expectLeastUnder(bounds, async () => {
    const h = await open(`wide-paragraph.html?claims=${claims}`, claims, true, 25_000);
    await expectClean(h, Array.from({ length: claims }, () => 'memory'));
    const slices = await slicesOf(h);
    await h.close();
    const rendering = slices.filter((s) => s.detail.includes('render')).reduce((sum, s) => sum + s.ms, 0);
    return { [longest]: longestOf(slices), [perMarker]: rendering / claims };
  });
}

/** iframes.html: 200 same-origin frames, each checked on its own; three hold a claim. */
export async function iframesCase(open: OpenHostile): Promise<void> {
  const h = await open('iframes.html', 0, true, 45_000);
  await expectClean(h, []);
  const counts = (): Promise<(string | null)[]> =>
    h.read<(string | null)[]>(
      `Array.from(document.querySelectorAll('iframe'), (f) => f.contentDocument?.documentElement.getAttribute('data-evidence-lens-claims') ?? null)`,
    );
  await until(async () => (await counts()).every((c) => c !== null), 45_000, 'every frame to be checked');
  const all = await counts();
  expect(all.length).toBe(200);
  expect(all.flatMap((c, i) => (c === '0' ? [] : [`${i}:${c}`]))).toEqual(['0:1', '100:1', '199:1']);
  expect(h.errors()).toEqual([]);
  await h.close();
}

/**
 * adversarial.html?kb=…: near-matches in one endless sentence, in which the core
 * does find claims. Exactly what the core finds in the same DOM in Node is marked,
 * and 4× the text costs the first pass at most ~linear time (quadratic would be 16×).
 */
export async function adversarialCase(open: OpenHostile): Promise<void> {
  const scanMs = async (kb: number): Promise<number> => {
    const h = await open(`adversarial.html?kb=${kb}`, 1, true, 30_000);
    // Markers in the serialized DOM are skipped by extraction, as in the browser.
    const { html, url } = await h.read<{ html: string; url: string }>(`({ html: document.documentElement.outerHTML, url: location.href })`);
    const { document } = parseHTML(html);
    const expected = scanPage(extractPageData(document as unknown as Document, url).page).matches.map((m) => m.claim);
    expect(expected).toContain('memory');
    await expectClean(h, expected);
    const ms = await h.read<number>(`performance.getEntriesByName('evidence-lens:scan')[0].duration`);
    await h.close();
    return ms;
  };
  await scanMs(16); // warm-up: chunk loading and JIT
  const small = await scanMs(128);
  const big = await scanMs(512);
  expect(big / Math.max(small, 5)).toBeLessThan(10);
  expect(big).toBeLessThan(10_000);
}
