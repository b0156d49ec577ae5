// The evidence card as a reader meets it: on hover of the highlighted words,
// and from the keyboard through the marker (Enter opens, Escape closes and
// focus goes back to the marker).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { serveStatic, type StaticServer } from './harness/server';
import { claimCount, openPage, textCentre } from './harness/pages';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const NEURON_DOI = 'https://doi.org/10.1016/j.neuron.2009.12.026';
const NEURON_PUBMED = 'https://pubmed.ncbi.nlm.nih.gov/20152124/';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(FIXTURES);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function seed(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, `${server.origin}/seed.html`);
  await claimCount(opened.page, 1);
  return opened;
}

/** The one open card (Playwright's CSS locators pierce open shadow roots). */
const card = (page: Page) => page.locator('.card');

/** Where focus really is: the marker host, and the element inside its shadow root. */
async function focused(page: Page): Promise<{ claim: string | null; inner: string | null }> {
  return page.evaluate(() => {
    const host = document.activeElement;
    return {
      claim: host?.getAttribute('data-evidence-claim') ?? null,
      inner: host?.shadowRoot?.activeElement?.localName ?? null,
    };
  });
}

describe('evidence card', () => {
  it('opens on hover of the highlighted words, stays while hovered, closes after leaving', async () => {
    const { page, errors } = await seed();
    const at = await textCentre(page, 'crosses the blood brain barrier');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => card(page).count()).toBe(1);
    const c = card(page);
    await expect.poll(() => c.isVisible()).toBe(true);
    const text = await c.innerText();
    expect(text).toContain('Animal study only');
    expect(text).toContain('Crosses the blood-brain barrier');
    expect(text).toContain('Slutsky');
    expect(text).toContain('Information, not medical advice.');
    expect(text).toContain('Details in the Evidence Lens popup');

    const doi = c.locator(`a[href="${NEURON_DOI}"]`);
    expect(await doi.count()).toBe(1);
    expect(await doi.getAttribute('target')).toBe('_blank');
    expect(await doi.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await c.locator(`a[href="${NEURON_PUBMED}"]`).count()).toBe(1);

    // Hoverable (WCAG 1.4.13): moving onto the card keeps it open.
    const box = (await c.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.waitForTimeout(600);
    expect(await card(page).count()).toBe(1);

    // Leaving both closes it.
    await page.mouse.move(5, 5, { steps: 3 });
    await expect.poll(() => card(page).count(), { timeout: 3000 }).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  // The marker's own pointer events are heard on the document (marker-events.ts): a
  // marker in a page's web component is heard as well as one in its light DOM.
  for (const [where, url, claim] of [
    ['in the page', '/seed.html', 'brain-uptake'],
    ["in a page's web component", '/pages/component-shop.html', 'memory'],
  ] as const) {
    it(`a marker ${where}: hovering it opens its card and leaving closes it; a click opens it or keeps the hover's open, the next closes it, unheard by the page`, async () => {
      const { page, errors } = await openPage(browser, `${server.origin}${url}`);
      await claimCount(page, 1);
      // The page's own listener around every marker.
      await page.evaluate(() => {
        (window as unknown as { clicks: number }).clicks = 0;
        document.addEventListener('click', () => (window as unknown as { clicks: number }).clicks++);
      });
      const button = page.locator(`evidence-lens-marker[data-evidence-claim="${claim}"] button`).first();
      const box = (await button.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      await expect.poll(() => card(page).count()).toBe(1);
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      await page.mouse.move(2, 2, { steps: 3 });
      await expect.poll(() => card(page).count(), { timeout: 3000 }).toBe(0);

      // A click opens it, and it stays open past the hover's delay; a second click closes it.
      await button.click();
      await expect.poll(() => card(page).count()).toBe(1);
      await page.waitForTimeout(400);
      expect(await card(page).count()).toBe(1);
      await button.click();
      await expect.poll(() => card(page).count()).toBe(0);
      await page.waitForTimeout(400);
      expect(await card(page).count()).toBe(0);
      expect(await button.getAttribute('aria-expanded')).toBe('false');

      // The card the pointer opened is kept by the click that follows; the next one closes it.
      await page.mouse.move(2, 2, { steps: 3 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      await expect.poll(() => card(page).count()).toBe(1);
      await page.mouse.down();
      await page.mouse.up();
      await page.waitForTimeout(400);
      expect(await card(page).count()).toBe(1);
      await page.mouse.down();
      await page.mouse.up();
      await expect.poll(() => card(page).count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(0);
      // A click elsewhere is the page's, as ever.
      await page.mouse.click(2, 2);
      expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('a card its marker opened stays when the pointer leaves, also where a click does not focus the button (macOS)', async () => {
    const { page, errors } = await seed();
    const button = page.locator('evidence-lens-marker[data-evidence-claim="brain-uptake"] button').first();
    await button.click();
    await expect.poll(() => card(page).count()).toBe(1);
    // As Firefox and Safari on macOS leave it: the button clicked but not focused.
    await page.evaluate(() => {
      for (const host of document.querySelectorAll('evidence-lens-marker')) (host.shadowRoot?.activeElement as HTMLElement | null)?.blur();
    });
    expect((await focused(page)).inner).toBeNull();
    await page.mouse.move(2, 2, { steps: 3 });
    await page.waitForTimeout(700);
    expect(await card(page).count()).toBe(1);
    // A click elsewhere closes it.
    await page.mouse.click(2, 2);
    await expect.poll(() => card(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays inside the viewport', async () => {
    const { page } = await seed();
    await page.setViewportSize({ width: 420, height: 700 });
    const at = await textCentre(page, 'great uptake into the brain');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => card(page).count()).toBe(1);
    await page.waitForTimeout(100);
    const box = (await card(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(420);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(700);
    await page.close();
  });

  it('opens from the keyboard and Escape closes it, returning focus to the marker', async () => {
    const { page, errors } = await seed();
    const button = page.locator('evidence-lens-marker[data-evidence-claim="brain-uptake"] button').first();
    await button.focus();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await card(page).innerText()).toContain('Animal study only');

    // Tab reaches the card's links (the card follows its marker in focus order).
    await page.keyboard.press('Tab');
    const inCard = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.localName ?? null);
    expect(inCard).toBe('a');

    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toEqual({ claim: 'brain-uptake', inner: 'button' });

    // Space toggles it as well (a native button).
    await page.keyboard.press('Space');
    await expect.poll(() => card(page).count()).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => card(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Our markers' shadow trees hold our cards' words: a page touching a marker must
  // not make us read them as its own (the observer reads a tree it first sees on a
  // record's element, never a marker's; extraction skips our markers too).
  it('a page changing an open card\'s marker: the card\'s words are not read as the page\'s', async () => {
    const { page, errors } = await seed();
    const count = await claimCount(page);
    const button = page.locator('evidence-lens-marker[data-evidence-claim="brain-uptake"] button').first();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page).count()).toBe(1);
    await page.evaluate(() => {
      for (const host of document.querySelectorAll('evidence-lens-marker')) {
        host.setAttribute('role', 'note');
        host.append(document.createComment('seen'));
      }
    });
    await page.waitForTimeout(1_000);
    expect(await claimCount(page)).toBe(count);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('closes when keyboard focus leaves the marker and its card', async () => {
    const { page } = await seed();
    const button = page.locator('evidence-lens-marker[data-evidence-claim="memory"] button').first();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page).count()).toBe(1);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => card(page).count()).toBe(0);
    await page.close();
  });

  it('shows a hedged claim as hedged, not as asserted', async () => {
    const { page } = await seed();
    const button = page.locator('evidence-lens-marker[data-evidence-stance="hedged"] button').first();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await card(page).innerText()).toContain('This page doubts or qualifies this claim.');
    await page.close();
  });
});
