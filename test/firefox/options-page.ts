// The options page as a user sees it: opened once it shows its heading, and the
// sites it lists. Shared by the settings and restart tests.
import type { Page } from 'puppeteer-core';
import { openExtensionPage, waitInPage, type FirefoxWithExtension } from './harness';

export async function openOptions(ff: FirefoxWithExtension): Promise<Page> {
  const page = await openExtensionPage(ff, 'src/options/index.html');
  await waitInPage(page, () => document.querySelector('h1')?.textContent === 'Evidence Lens options', 'the options page');
  return page;
}

/** The never-run sites the options page lists. */
export const listedSites = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('.sites li span')).map((s) => s.textContent));
