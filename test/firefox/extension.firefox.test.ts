// The Firefox build in Firefox ESR: what could differ from Chromium. The content
// script is one classic script that loads the scanner, the marks and the card as
// modules with import() (scripts/content-script-bundle.ts); those modules must run
// with the content script's global, where they find its exports, and the
// extension APIs must answer there. Marks, the card, the gate and the observer
// each depend on one of these.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { readMarkers } from '../e2e/harness/pages';
import { FIXTURES, SEED_EXPECTED, expectSeedMarkers } from '../e2e/harness/seed-expected';
import { serveStatic, type StaticServer } from '../e2e/harness/server';
import { claimCount, launchFirefoxWithExtension, openExtensionPage, openPage, waitFor, type FirefoxWithExtension } from './harness';

let firefox: FirefoxWithExtension;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(FIXTURES);
  firefox = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** The open card's text in the marker of `claim` (its shadow root; in the page or in a component's), or null while none is open. */
function cardText(page: Page, claim: string): Promise<string | null> {
  return page.evaluate((claim: string) => {
    const selector = `evidence-lens-marker[data-evidence-claim="${claim}"]`;
    const marker = document.querySelector(selector) ?? document.querySelector('product-info')?.shadowRoot?.querySelector(selector);
    const card = marker?.shadowRoot?.querySelector('.card') as HTMLElement | null | undefined;
    return card ? card.innerText : null;
  }, claim);
}

describe('Firefox', () => {
  it('marks the seed page as Chromium does: the expected claims, each after its sentence', async () => {
    const { page, errors } = await openPage(firefox, `${server.origin}/seed.html`);
    const count = await claimCount(page, 1);
    const found = await page.evaluate(readMarkers);
    expectSeedMarkers(found);
    expect(count).toBe(found.length);
    expect(count).toBe(SEED_EXPECTED.length);
    expect(found.find((m) => m.claim === 'brain-uptake' && m.stance === 'asserted')?.label).toBe(
      'Evidence: Animal study only — Crosses the blood-brain barrier',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page whose every word is in open shadow roots: the gate looks into them, nested ones too', async () => {
    for (const [query, claims] of [['', ['brain-uptake', 'memory', 'sleep']], ['?deep', ['memory']], ['?late', ['memory']]] as const) {
      const { page, errors } = await openPage(firefox, `${server.origin}/pages/shadow-app.html${query}`);
      await claimCount(page, claims.length);
      const found = await page.evaluate(readMarkers);
      expect(found.map((m) => m.claim).sort()).toEqual(claims);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("a page whose menus are its own but whose product is a web component: the gate looks into the component's shadow root", async () => {
    for (const query of ['', '?late', '?large', '?large&late']) {
      const { page, errors } = await openPage(firefox, `${server.origin}/pages/component-shop.html${query}`);
      await claimCount(page, 2);
      const found = await page.evaluate(readMarkers);
      expect(found.map((m) => m.claim).sort()).toEqual(['brain-uptake', 'memory']);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('opens a card from the keyboard, with the verdict and the study, and Escape closes it', async () => {
    const { page, errors } = await openPage(firefox, `${server.origin}/seed.html`);
    await claimCount(page, 1);
    await page.evaluate(() => {
      const marker = document.querySelector('evidence-lens-marker[data-evidence-claim="brain-uptake"]');
      (marker?.shadowRoot?.querySelector('button') as HTMLButtonElement | null)?.focus();
    });
    expect(await cardText(page, 'brain-uptake')).toBeNull();
    await page.keyboard.press('Enter');
    const text = await waitFor(() => cardText(page, 'brain-uptake'), (t) => t !== null && t.length > 0, 'the card to open');
    expect(text).toContain('Animal study only');
    expect(text).toContain('Slutsky');
    await page.keyboard.press('Escape');
    await waitFor(() => cardText(page, 'brain-uptake'), (t) => t === null, 'the card to close');
    expect(errors).toEqual([]);
    await page.close();
  });

  // marker-events.ts: a marker's events are heard on the document, which in Firefox
  // sees them through Xray wrappers, one per node.
  for (const [where, url, claim] of [
    ['in the page', '/seed.html', 'brain-uptake'],
    ["in a page's web component", '/pages/component-shop.html', 'memory'],
  ] as const) {
    it(`a marker ${where}: hovering it opens its card, a click opens it or keeps the hover's open and the next closes it, unheard by the page`, async () => {
      const { page, errors } = await openPage(firefox, `${server.origin}${url}`);
      await claimCount(page, 1);
      const at = await page.evaluate((claim: string) => {
        const w = window as unknown as { clicks: number };
        w.clicks = 0;
        document.addEventListener('click', () => w.clicks++);
        const selector = `evidence-lens-marker[data-evidence-claim="${claim}"]`;
        const marker = document.querySelector(selector) ?? document.querySelector('product-info')?.shadowRoot?.querySelector(selector);
        marker!.scrollIntoView({ block: 'center' });
        const r = marker!.shadowRoot!.querySelector('button')!.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, claim);
      const open = (): Promise<boolean> => cardText(page, claim).then((t) => t !== null);
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await waitFor(open, (o) => o, 'the card to open on hover');
      await page.mouse.move(2, 2, { steps: 3 });
      await waitFor(open, (o) => !o, 'the card to close once the pointer left');
      await page.mouse.click(at.x, at.y);
      await waitFor(open, (o) => o, 'the card to open on a click');
      await new Promise((r) => setTimeout(r, 400)); // past the hover's delay
      await page.mouse.click(at.x, at.y);
      await waitFor(open, (o) => !o, 'the card to close on a second click');
      // The card the pointer opened is kept by the click that follows; the next one closes it.
      await page.mouse.move(2, 2, { steps: 3 });
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await waitFor(open, (o) => o, 'the card to open on hover again');
      await page.mouse.click(at.x, at.y);
      await new Promise((r) => setTimeout(r, 400));
      expect(await open()).toBe(true);
      await page.mouse.click(at.x, at.y);
      await waitFor(open, (o) => !o, 'the card to close on the click after');
      expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('summarizes the page in the popup: every claim with its verdict, and the citations', async () => {
    const { page } = await openPage(firefox, `${server.origin}/seed.html`);
    await claimCount(page, 1);
    const popup = await openExtensionPage(firefox, `src/popup/index.html?url=${encodeURIComponent(`${server.origin}/seed.html`)}`);
    const shown = await waitFor(
      () => popup.evaluate(() => ({ text: document.body?.innerText ?? '', dois: document.querySelectorAll('a[href^="https://doi.org/10."]').length })),
      (v) => v.dois > 0,
      'the popup to list the citations',
    );
    expect(shown.text).toContain(`${SEED_EXPECTED.length} claims on this page`);
    expect(shown.text).toContain('animal study only');
    expect(shown.dois).toBeGreaterThan(3);
    await popup.close();
    await page.close();
  });

  it('leaves a page that never names MgT alone', async () => {
    const { page, errors } = await openPage(firefox, `${server.origin}/pages/no-mgt.html`);
    expect(await claimCount(page)).toBe(0);
    expect(await page.evaluate(readMarkers)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('#evidence-lens-highlight-style').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a claim the page adds after load', async () => {
    const { page, errors } = await openPage(firefox, `${server.origin}/pages/dynamic.html`);
    expect(await claimCount(page)).toBe(0);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Magnesium L-threonate improves memory.';
      document.getElementById('main')!.append(p);
    });
    expect(await claimCount(page, 1)).toBe(1);
    expect((await page.evaluate(readMarkers)).map((m) => `${m.claim}/${m.stance}`)).toEqual(['memory/asserted']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the background answers a page's strings request with every message, stand-ins for $1…$9", async () => {
    // (What a page that names MgT asks once: i18n.ts, useStrings. Asked here from an
    // add-on page, which sends to the background as a content script does.)
    const ext = await openExtensionPage(firefox, 'src/options/index.html');
    const answer = (await ext.evaluate(() =>
      (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ type: 'strings' }),
    )) as Record<string, string>;
    expect(answer.markerLabel).toBe('Evidence: \uE000 — \uE001');
    expect(Object.keys(answer).length).toBeGreaterThan(100);
    await ext.close();
  });

  it('asks for nothing beyond the pages themselves', () => {
    expect(firefox.requests.length).toBeGreaterThan(0);
    expect(firefox.requests.filter((u) => !u.startsWith(server.origin))).toEqual([]);
  });
});
