// Accessibility in the real browser: axe-core finds no violation on the popup
// and on an open evidence card (inside the marker's open shadow root), in light
// and dark mode (axe's color-contrast rule checks WCAG AA there); the keyboard
// alone gets from the page to the card's citation, and to the popup's; and
// the verdict is always told in words, never by colour alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { serveStatic, type StaticServer } from './harness/server';
import { claimCount, openPage } from './harness/pages';
import { VERDICT_STYLES } from '../../src/core/evidence/verdicts';
import type { Verdict } from '../../src/core/types';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CITATION = /^https:\/\/(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov)\//;

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

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown; failureSummary: string }[];
}

/**
 * Runs axe (evaluated through DevTools, so extension-page CSP does not block it)
 * on a context (null = the whole document, open shadow roots included).
 */
async function axe(page: Page, include: unknown): Promise<string[]> {
  const r = await axeRun(page, include);
  expect(r.passes, 'axe checked something').toBeGreaterThan(0);
  return r.violations;
}

async function axeRun(page: Page, include: unknown): Promise<{ violations: string[]; passes: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (inc) => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[]; passes: AxeViolation[] }> } };
    const context = inc === null ? document : inc;
    const r = await w.axe.run(context, {});
    return {
      passes: r.passes.reduce((n, p) => n + p.nodes.length, 0),
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })),
    };
  }, include);
  return {
    passes: violations.passes,
    violations: violations.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.slice(0, 3))}`),
  };
}

async function seedWithCard(claim: string): Promise<Page> {
  const { page } = await openPage(browser, `${server.origin}/seed.html`);
  await claimCount(page, 1);
  const button = page.locator(`evidence-lens-marker[data-evidence-claim="${claim}"][data-evidence-stance="asserted"] button`).first();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.card').count()).toBe(1);
  await page.waitForTimeout(100); // positioned
  return page;
}

async function popupFor(url: string): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 700 });
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?url=${encodeURIComponent(url)}`);
  // Ready once it lists the page's claims with their citations.
  await popup.waitForFunction(() => document.querySelectorAll('a[href*="doi.org"]').length > 0, null, { timeout: 15_000 });
  return popup;
}

/** The element that has focus, looking into open shadow roots. */
async function deepFocus(page: Page): Promise<{ tag: string; href: string | null; claim: string | null }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let claim: string | null = null;
    while (el?.shadowRoot?.activeElement) {
      claim = el.getAttribute('data-evidence-claim') ?? claim;
      el = el.shadowRoot.activeElement;
    }
    return { tag: el?.localName ?? '', href: el?.getAttribute('href') ?? null, claim };
  });
}

describe('axe-core', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`an open evidence card and all markers have no violations (${scheme})`, async () => {
      const page = await seedWithCard('brain-uptake');
      await page.emulateMedia({ colorScheme: scheme });
      const hosts = await page.evaluate(() => document.querySelectorAll('evidence-lens-marker').length);
      expect(hosts).toBeGreaterThan(0);
      // The whole page (axe walks open shadow roots); only what is ours counts:
      // results whose target starts at one of our marker hosts.
      const all = await axeRun(page, null);
      expect(all.violations.filter((v) => v.includes('evidence-lens-marker'))).toEqual([]);
      // And the open card alone, to be sure axe went into the shadow root.
      const card = { include: [{ fromShadowDom: ['evidence-lens-marker[data-evidence-claim="brain-uptake"]', '.card'] }] };
      expect(await axe(page, card)).toEqual([]);
      await page.close();
    });

    it(`the popup has no violations (${scheme})`, async () => {
      const { page } = await openPage(browser, `${server.origin}/seed.html`);
      await claimCount(page, 1);
      const popup = await popupFor(`${server.origin}/seed.html`);
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axe(popup, null)).toEqual([]);
      await popup.close();
      await page.close();
    });
  }
});

describe('keyboard only', () => {
  it('Tab reaches the first marker, Enter opens its card, Tab reaches its citation link', async () => {
    const { page } = await openPage(browser, `${server.origin}/seed.html`);
    await claimCount(page, 1);
    const first = await page.evaluate(() => document.querySelector('evidence-lens-marker')?.getAttribute('data-evidence-claim'));
    let focus = await deepFocus(page);
    for (let i = 0; i < 60 && !(focus.tag === 'button' && focus.claim !== null); i++) {
      await page.keyboard.press('Tab');
      focus = await deepFocus(page);
    }
    expect(focus).toMatchObject({ tag: 'button', claim: first });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    for (let i = 0; i < 10 && !(focus.tag === 'a' && CITATION.test(focus.href ?? '')); i++) {
      await page.keyboard.press('Tab');
      focus = await deepFocus(page);
    }
    expect(focus.tag).toBe('a');
    expect(focus.href).toMatch(CITATION);
    expect(focus.claim).toBe(first); // still inside the same marker's card
    await page.close();
  });

  it('in the popup: Tab to a claim source, Enter jumps to the reference, Tab reaches its DOI or PubMed link', async () => {
    const { page } = await openPage(browser, `${server.origin}/seed.html`);
    await claimCount(page, 1);
    const popup = await popupFor(`${server.origin}/seed.html`);
    // The first source link whose reference has a DOI or PubMed link (some sources are books or web pages).
    const hasCitation = (href: string | null): Promise<boolean> =>
      popup.evaluate(
        (id) => Array.from(document.getElementById(id)?.querySelectorAll('a') ?? []).some((a) => /^https:\/\/(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov)\//.test(a.href)),
        (href ?? '').slice(1),
      );
    let focus = await deepFocus(popup);
    for (let i = 0; i < 40 && !(focus.tag === 'a' && (focus.href ?? '').startsWith('#source-') && (await hasCitation(focus.href))); i++) {
      await popup.keyboard.press('Tab');
      focus = await deepFocus(popup);
    }
    const source = focus.href ?? '';
    expect(source).toMatch(/^#source-/);
    await popup.keyboard.press('Enter');
    for (let i = 0; i < 6 && !(focus.tag === 'a' && CITATION.test(focus.href ?? '')); i++) {
      await popup.keyboard.press('Tab');
      focus = await deepFocus(popup);
    }
    expect(focus.href).toMatch(CITATION);
    // The link reached belongs to the reference the claim pointed to.
    const inEntry = await popup.evaluate(
      ([id, href]) => document.getElementById(id!)?.querySelector(`a[href="${href}"]`) !== null,
      [source.slice(1), focus.href] as const,
    );
    expect(inEntry, `${focus.href} inside ${source}`).toBe(true);
    await popup.close();
    await page.close();
  });
});

describe('verdicts in words, not colour alone', () => {
  it('every marker names its verdict in its accessible name, and its card shows it as text', async () => {
    const { page } = await openPage(browser, `${server.origin}/seed.html`);
    await claimCount(page, 1);
    const found = await page.evaluate(() =>
      Array.from(document.querySelectorAll('evidence-lens-marker'), (el) => ({
        verdict: el.getAttribute('data-evidence-verdict') ?? '',
        stance: el.getAttribute('data-evidence-stance') ?? '',
        label: el.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '',
        glyph: el.shadowRoot?.querySelector('button')?.textContent ?? '',
      })),
    );
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) {
      const words = VERDICT_STYLES[m.verdict as Verdict].label;
      expect(m.label).toContain(words);
      // A visible shape as well: the verdict's glyph, or "?" for hedged/denied claims.
      expect(m.glyph).toBe(m.stance === 'asserted' ? VERDICT_STYLES[m.verdict as Verdict].glyph : '?');
    }
    const verdicts = new Set(found.filter((m) => m.stance === 'asserted').map((m) => m.verdict));
    for (const verdict of verdicts) {
      const button = page.locator(`evidence-lens-marker[data-evidence-verdict="${verdict}"][data-evidence-stance="asserted"] button`).first();
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.card').count()).toBe(1);
      expect(await page.locator('.card').innerText()).toContain(VERDICT_STYLES[verdict as Verdict].label);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.card').count()).toBe(0);
    }
    await page.close();
  });
});
