// Launches Debian's Chromium with the built extension (dist/) in a fresh
// profile. MV3 extensions need the new headless mode, so we pass --headless=new
// ourselves and tell Playwright headless:false (it would add the old flag).
// Never downloads a browser: executablePath is the system Chromium.
import { chromium, type BrowserContext, type Request } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, chromiumArgs } from '../../../scripts/chromium';

export const DIST = resolve(import.meta.dirname, '../../../dist');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Every request the pages made (to check that nothing leaves 127.0.0.1). */
  requests: string[];
  close(): Promise<void>;
}

/** Launches with the build in `dist` (the extension as built, unless a test gives a variant of it). */
export async function launchWithExtension(dist = DIST): Promise<ExtensionBrowser> {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No build at ${dist}: run vite build first`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'evidence-lens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: chromiumArgs({ extension: dist }),
    viewport: { width: 1000, height: 800 },
  });
  const requests: string[] = [];
  context.on('request', (r: Request) => requests.push(r.url()));
  // Anything not local is blocked (and recorded above), so a leak fails fast and visibly.
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])https?:\/\//, (route) => route.abort());

  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    extensionId,
    requests,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
