// Property, in the real browser: removing our marks restores the page's DOM exactly.
// fast-check generates pages (MgT claim sentences split across inline elements at
// random places, filler, invisible characters); each page is scanned and marked,
// then Evidence Lens is turned off for the site, which removes every mark. The
// page's node tree (every node, its type, name, attributes and text, in order) must
// then equal the tree recorded at DOMContentLoaded, before our script ran: markers
// gone, and every text node a marker had split joined back into the page's own node.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { claimCount, markers } from './harness/pages';
import { TapeReader, fillerParagraph, mixedParagraph, pageHtml, renderInline, sprinkleInvisibles, tape } from '../unit/arbitraries';

declare const chrome: {
  storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> } };
};

let browser: ExtensionBrowser;
let worker: Worker;
const pages = new Map<string, string>();

beforeAll(async () => {
  browser = await launchWithExtension();
  worker = browser.context.serviceWorkers()[0]!;
  // Generated pages are served from memory on 127.0.0.1 (nothing listens there: the route answers).
  await browser.context.route(/^http:\/\/127\.0\.0\.1:9\/gen\//, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: pages.get(new URL(route.request().url()).pathname) ?? '' }),
  );
  // Before our content script runs (it waits for document_idle): record the node tree.
  await browser.context.addInitScript(() => {
    const tree = (root: Node): string[] => {
      const out: string[] = [];
      const walk = (n: Node, depth: number) => {
        if (n.nodeType === 3) out.push(`${depth} #text ${JSON.stringify((n as Text).data)}`);
        else if (n.nodeType === 1) {
          const el = n as Element;
          out.push(`${depth} <${el.localName} ${el.getAttributeNames().map((a) => `${a}=${el.getAttribute(a)}`).join(' ')}>`);
        } else out.push(`${depth} #${n.nodeType}`);
        for (let c = n.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
      };
      walk(root, 0);
      return out;
    };
    (window as unknown as { __tree: typeof tree }).__tree = tree;
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __before: string[] }).__before = tree(document.body);
    });
  });
}, 60_000);

afterAll(async () => {
  await worker?.evaluate(() => chrome.storage.sync.remove('settings'));
  await browser?.close();
});

const blockSite = (on: boolean) =>
  worker.evaluate(async (block) => {
    const { settings } = (await chrome.storage.sync.get('settings')) as { settings?: Record<string, unknown> };
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), blockedSites: block ? ['127.0.0.1'] : [] } });
  }, on);

const generatedPage = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: mixedParagraph }, { weight: 1, arbitrary: fillerParagraph }), { minLength: 1, maxLength: 4 }), tape)
  .map(([paragraphs, t]) => {
    const r = new TapeReader(t);
    const body = paragraphs.map((p) => `<p>${renderInline(sprinkleInvisibles(p, r), r)}</p>`).join('\n');
    return pageHtml('Magnesium L-Threonate', `<h1>Magnesium L-Threonate</h1>\n${body}`);
  });

function seedOption(): { seed?: number } {
  const env = process.env.FC_SEED;
  if (env === 'random') return {};
  return { seed: env ? Number(env) : 20261202 };
}

const TWO_MARKERS_AT_ONE_SPOT =
  '<!doctype html><html><head><title>Magnesium L-Threonate</title></head><body><h1>Magnesium L-Threonate</h1>\n<p>Each bottle holds 90 capsules.  Read the reviews below!\nCustomers love the taste.</p>\n<p><b></b><wbr><span>It is safe for everyone! Some sellers say Magnesium L-threonate was developed at MIT.\nmagnesium threonate enhances short- and long-term memory? F</span><b><b></b><wbr><span>ree shipping on orders over $50!\nStudies sugges</span><b><b></b><wbr><span>t that MgT is gentle on the sto</span><b>mach.</b></b></b></p></body></html>';

describe('removing our marks', () => {
  it('restores the page DOM exactly (generated pages)', async () => {
    let n = 0;
    let marked = 0;
    await fc.assert(
      fc.asyncProperty(generatedPage, async (html) => {
        await blockSite(false);
        const path = `/gen/${n++}.html`;
        pages.set(path, html);
        const page = await browser.context.newPage();
        try {
          await page.goto(`http://127.0.0.1:9${path}`);
          const count = await claimCount(page);
          if (count > 0) {
            await expect.poll(async () => (await markers(page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
            marked++;
          }
          await blockSite(true);
          await expect.poll(async () => (await markers(page)).length, { timeout: 10_000 }).toBe(0);
          const [before, after] = await page.evaluate(() => {
            const w = window as unknown as { __before: string[]; __tree: (n: Node) => string[] };
            return [w.__before, w.__tree(document.body)];
          });
          expect(after).toEqual(before);
        } finally {
          await page.close();
        }
      }),
      // Found this way once: two markers at one spot (the second insert split off an empty text node).
      // A fixed seed keeps CI repeatable (each page costs a browser load); FC_SEED=random explores.
      { numRuns: 20, endOnFailure: true, examples: [[TWO_MARKERS_AT_ONE_SPOT]], ...seedOption() },
    );
    // The property must have been exercised on pages that really were marked.
    expect(marked).toBeGreaterThan(6);
  }, 240_000);
});
