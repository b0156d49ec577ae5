// Browsers for the benchmark: the e2e harness's Chromium with the extension, and
// the same Chromium, same flags, without it (for the baselines).
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { launchWithExtension, type ExtensionBrowser } from '../test/e2e/harness/browser';

import { CHROMIUM, chromiumArgs } from '../scripts/chromium';

export { CHROMIUM };

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A second persistent context with no extension at all. */
export async function launchPlain(): Promise<PlainBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'evidence-lens-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: false,
    args: chromiumArgs(),
    viewport: { width: 1000, height: 800 },
  });
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])https?:\/\//, (route) => route.abort());
  return {
    context,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
