// Hostile pages, part 2: pages that fight back (broken built-ins, our tag taken,
// markers removed, body rewritten), a strict CSP, RTL and invisible characters,
// and claims inside editors, fields and SVG. Same promises as part 1: the page
// keeps working, no error, its text unchanged, bounded time, exactly its claims.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { serveStatic, type StaticServer } from './harness/server';
import {
  COUNT_JS,
  MARKERS_JS,
  MARKER_SUMMARY_JS,
  openHostile,
  probeWorks,
  settle,
  until,
  waitForCount,
  type HostilePage,
} from './hostile-helpers';

const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile');
const BOUND_MS = 15_000;

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(HOSTILE);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface MarkerSummary {
  claim: string;
  verdict: string;
  tag: string;
  label: string;
  inside: string | null;
}

/** Opens a page and waits for its claims; `quiet` pages are also waited on until passes stop. */
async function open(path: string, atLeast: number, quiet = true): Promise<HostilePage> {
  const started = Date.now();
  const h = await openHostile(browser, `${server.origin}/${path}`);
  await waitForCount(h, atLeast, BOUND_MS);
  if (quiet) await settle(h);
  expect(Date.now() - started, `${path}: load + scan time`).toBeLessThan(BOUND_MS);
  return h;
}

const claimsOf = async (h: HostilePage): Promise<string[]> =>
  (await h.read<MarkerSummary[]>(MARKER_SUMMARY_JS)).map((m) => m.claim).sort();

async function expectClean(h: HostilePage, claims: string[]): Promise<void> {
  expect(Number(await h.read<string>(COUNT_JS))).toBe(claims.length);
  expect(await claimsOf(h)).toEqual([...claims].sort());
  expect(await h.textUnchanged(), 'page text unchanged').toBe(true);
  expect(await probeWorks(h), 'page button still works').toBe(true);
  expect(h.errors).toEqual([]);
}

/** Opens the card of the first marker from the keyboard; returns whether a card is shown. */
async function openFirstCard(h: HostilePage): Promise<boolean> {
  await h.read(`${MARKERS_JS}[0].shadowRoot.querySelector('button').focus()`);
  await h.page.keyboard.press('Enter');
  await until(async () => h.read<boolean>(`${MARKERS_JS}[0].shadowRoot.querySelector('.card') !== null`), 5_000, 'the card');
  return h.read<boolean>(`(() => {
    const card = ${MARKERS_JS}[0].shadowRoot.querySelector('.card');
    const r = card.getBoundingClientRect();
    return getComputedStyle(card).position === 'fixed' && r.width > 0 && card.textContent.includes('Information, not medical advice.');
  })()`);
}

const passes = (h: HostilePage): Promise<number> =>
  h.read<number>(`performance.getEntriesByName('evidence-lens:scan').length`);

describe('pages that fight back', () => {
  it('broken built-ins (appendChild, attachShadow, MutationObserver, Array.prototype.map, JSON, Promise…)', async () => {
    const h = await open('builtins.html', 1);
    await expectClean(h, ['memory']);
    // None of the page's broken functions was called (ours run in an isolated world).
    expect(await h.read<string | null>(`document.documentElement.getAttribute('data-broken-calls')`)).toBeNull();
    // The observer still sees the page's changes without window.MutationObserver…
    await h.read(`document.dispatchEvent(new Event('hostile-add'))`);
    await waitForCount(h, 2, BOUND_MS);
    expect(await claimsOf(h)).toEqual(['brain-uptake', 'memory']);
    // …and the card opens without the page's attachShadow/appendChild/Promise.
    expect(await openFirstCard(h)).toBe(true);
    expect(h.errors).toEqual([]);
    await h.close();
  });

  it('a page that defined <evidence-lens-marker> itself keeps it; we use another tag', async () => {
    const h = await open('custom-element.html', 1);
    await expectClean(h, ['memory']);
    const found = await h.read<MarkerSummary[]>(MARKER_SUMMARY_JS);
    expect(found.map((m) => m.tag)).toEqual(['evidence-lens-marker-2']);
    // The page's own element is still the only <evidence-lens-marker>, untouched.
    expect(await h.read<number>(`document.querySelectorAll('evidence-lens-marker').length`)).toBe(1);
    expect(await h.read<boolean>(`document.getElementById('own').matches(':defined') && !document.getElementById('own').hasAttribute('data-evidence-claim')`)).toBe(true);
    expect(await openFirstCard(h)).toBe(true);
    await h.close();
  });

  it('a page that removes our markers again and again: no endless loop, no spin', async () => {
    const h = await open('remover.html', 1, false);
    const before = await passes(h);
    await h.page.waitForTimeout(2_000); // the page adds a note every 150 ms meanwhile
    await h.read(`document.dispatchEvent(new Event('hostile-stop'))`);
    const notes = await h.read<number>(`document.querySelectorAll('#notes p').length`);
    const total = await settle(h, 600);
    // At most one pass per page change (plus the first), never a pass per own removal.
    expect(total - before).toBeLessThanOrEqual(notes + 2);
    const removed = Number(await h.read<string | null>(`document.documentElement.getAttribute('data-removed')`));
    expect(removed).toBeLessThanOrEqual(total + 1);
    // Quiet now: nothing runs while the page is quiet.
    await h.page.waitForTimeout(1_000);
    expect(await passes(h)).toBe(total);
    const busy = await h.read<number>(
      `performance.getEntriesByName('evidence-lens:slice').reduce((sum, e) => sum + e.duration, 0)`,
    );
    expect(busy, 'main-thread time of all our slices, ms').toBeLessThan(2_000);
    expect(await h.read<string>(COUNT_JS)).toBe('1');
    expect(await probeWorks(h)).toBe(true);
    expect(h.errors).toEqual([]);
    await h.close();
  });

  it('a page that rewrites its whole body every 100 ms', async () => {
    const h = await open('rewriter.html', 1, false);
    const seen = new Set<string | null>();
    const until2s = Date.now() + 2_000;
    while (Date.now() < until2s) {
      seen.add(await h.read<string | null>(COUNT_JS));
      await h.page.waitForTimeout(60);
    }
    await h.read(`document.dispatchEvent(new Event('hostile-stop'))`);
    const rewrites = Number(await h.read<string>(`document.documentElement.getAttribute('data-rewrites')`));
    const total = await settle(h, 600);
    expect(rewrites).toBeGreaterThanOrEqual(10);
    expect([...seen]).toEqual(['1']); // always the one claim, never 0 or a stale count
    expect(total).toBeLessThanOrEqual(rewrites + 3);
    expect(await claimsOf(h)).toEqual(['memory']); // marked again once the page is still
    expect(await h.read<string>(`document.body.textContent`)).toBe(
      'Magnesium L-threonateMagnesium L-threonate improves memory.Plain text.',
    );
    expect(h.errors).toEqual([]);
    await h.close();
  });
});

describe('strict pages and unusual text', () => {
  it('a strict Content-Security-Policy page: marked, styled, card opens, no violation', async () => {
    const h = await open('csp.html', 2);
    await expectClean(h, ['brain-uptake', 'memory']);
    // Our styles applied despite style-src 'self' (a violation would also be a console error).
    const styled = await h.read<{ border: string; highlightRules: number }>(`({
      border: getComputedStyle(${MARKERS_JS}[0].shadowRoot.querySelector('button')).borderTopStyle,
      highlightRules: document.getElementById('evidence-lens-highlight-style')?.sheet?.cssRules.length ?? 0,
    })`);
    expect(styled.border).toBe('solid');
    expect(styled.highlightRules).toBeGreaterThan(0);
    expect(await openFirstCard(h)).toBe(true);
    expect(h.errors).toEqual([]);
    await h.close();
  });

  it('RTL page: the English claim inside Hebrew text is marked right after its sentence', async () => {
    const h = await open('rtl.html', 2);
    await expectClean(h, ['brain-uptake', 'memory']);
    const before = await h.read<string>(`(() => {
      const m = ${MARKERS_JS}.find((el) => el.getAttribute('data-evidence-claim') === 'memory');
      const r = document.createRange();
      r.setStart(m.parentNode, 0);
      r.setEndBefore(m);
      return r.toString();
    })()`);
    expect(before).toBe('מוצר זה נמכר בקפסולות. Magnesium L-threonate improves memory.');
    await h.close();
  });

  it('zero-width and combining characters: claims found, highlights cover the original characters', async () => {
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
  });

  it('editors, form fields and SVG <text> are never annotated, and typing in them still works', async () => {
    const h = await open('editors.html', 1);
    await expectClean(h, ['brain-uptake']);
    const found = await h.read<MarkerSummary[]>(MARKER_SUMMARY_JS);
    expect(found.map((m) => m.inside)).toEqual([null]);

    const typed = ' Magnesium L-threonate improves sleep quality.';
    await h.page.click('#editor p');
    await h.page.keyboard.press('End');
    await h.page.keyboard.type(typed);
    await h.page.click('#area');
    await h.page.keyboard.press('End');
    await h.page.keyboard.type(typed);
    await settle(h);
    expect(await h.read<string>(`document.getElementById('editor').textContent`)).toBe(
      `Magnesium L-threonate improves memory.${typed}`,
    );
    expect(await h.read<string>(`document.getElementById('area').value`)).toBe(
      `Magnesium L-threonate improves memory.${typed}`,
    );
    expect(await h.read<number>(`document.querySelectorAll('#editor *, #plaintext *, svg *').length`)).toBe(2); // <p> + <text>
    expect(await claimsOf(h)).toEqual(['brain-uptake']);
    expect(await h.read<string>(COUNT_JS)).toBe('1');
    expect(h.errors).toEqual([]);
    await h.close();
  });
});
