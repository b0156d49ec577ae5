// The core's own cost in Node (no DOM, no browser): how many ms one MB of page
// text costs `scanPage`, and where it goes (claim detection vs product summary).
import { parseHTML } from 'linkedom';
import { extractPageData } from '../src/extract';
import { scanPage } from '../src/core/scan';
import { detectClaims } from '../src/core/claims/detect';
import { summarizeProduct } from '../src/core/product';
import { median } from './stats';
import { profileInclusive } from './core-profile';

export interface CoreCost {
  /** MB of block text the core read (what ms/MB is per). */
  textMB: number;
  scanMsPerMB: number;
  detectMsPerMB: number;
  productMsPerMB: number;
  /** Inclusive ms/MB of the core's functions during scanPage, those ≥ 3% of the top one (sampling profile). */
  profile: Record<string, number>;
}

/** The core on `html` (a bench page's, or one of one's own). */
export async function coreCost(html: string, runs: number): Promise<CoreCost> {
  const { document } = parseHTML(html);
  const { page } = extractPageData(document as unknown as Document, null);
  const textMB = page.blocks.reduce((a, b) => a + b.text.length, 0) / 1e6;
  const time = (fn: () => unknown): number => {
    fn(); // warm up (JIT, Intl.Segmenter)
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      fn();
      xs.push(performance.now() - t0);
    }
    return median(xs) / textMB;
  };
  return {
    textMB,
    scanMsPerMB: time(() => scanPage(page)),
    detectMsPerMB: time(() => detectClaims(page.blocks, { title: page.title })),
    productMsPerMB: time(() => summarizeProduct(page)),
    profile: await profileInclusive(() => scanPage(page), textMB),
  };
}
