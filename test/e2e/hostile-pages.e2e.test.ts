// Hostile pages, part 2: pages that fight back (broken built-ins, our tag taken,
// markers removed, body rewritten), a strict CSP, RTL and invisible characters,
// and claims inside editors, fields and SVG. Same promises as part 1: the page
// keeps working, no error, its text unchanged, bounded time, exactly its claims.
// The cases Firefox runs alike (test/firefox/) live once, in harness/hostile-cases.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { serveStatic, type StaticServer } from './harness/server';
import { MARKERS_JS, handleOf, openHostile } from './hostile-helpers';
import {
  brokenBuiltinsCase,
  editorsCase,
  expectClean,
  invisibleCharactersCase,
  openFirstCard,
  removerCase,
  reactorCase,
  rewriterCase,
  takenTagNameCase,
  waitLoaded,
  type HostileHandle,
} from './harness/hostile-cases';

const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile');

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

/** Opens a page and waits for its claims; `quiet` pages are also waited on until passes stop. */
const open = async (path: string, atLeast: number, quiet = true): Promise<HostileHandle> =>
  handleOf(await waitLoaded(path, () => openHostile(browser, `${server.origin}/${path}`), atLeast, quiet));

describe('pages that fight back', () => {
  it('broken built-ins (appendChild, attachShadow, MutationObserver, Array.prototype.map, JSON, Promise…)', () => brokenBuiltinsCase(open));

  it('a page that defined <evidence-lens-marker> itself keeps it; we use another tag', () => takenTagNameCase(open));

  it('a page that removes our markers again and again: no endless loop, no spin', () => removerCase(open));

  it('a page that rewrites its whole body every 100 ms', () => rewriterCase(open));

  it.each(['sync', 'async'] as const)('a page that renders its list again whenever our marker appears (%s): no endless loop; marked again once it changes on its own', (mode) =>
    reactorCase(open, mode));
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
    expect(h.errors()).toEqual([]);
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

  it('zero-width and combining characters: claims found, highlights cover the original characters', () => invisibleCharactersCase(open));

  it('editors, form fields and SVG <text> are never annotated, and typing in them still works', () => editorsCase(open));
});
