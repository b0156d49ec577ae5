// Large pages shared by the Chromium and Firefox tests of the sparse read
// (test/e2e/large-page, test/firefox/large-page), and what a whole read finds in
// them: the core's detection over every block, in Node.
import { parseHTML } from 'linkedom';
import { detectClaims } from '../../../src/core/claims/detect';
import { extractPageData } from '../../../src/extract';

/** `n` review paragraphs, numbered after `seed`. */
export const filler = (n: number, seed: string): string =>
  Array.from({ length: n }, (_, i) => `<p>${seed} ${i}: shipping was quick and the bottle arrived sealed, taste is fine, would order again.</p>`).join('');

/**
 * Over 2.5 MB of HTML in few elements (a long article: 25,000 paragraphs in one
 * <article>): one `textContent` call on it would be a long task, so the gate reads it
 * in runs of siblings. Two claims in each of 12 parts.
 */
export const ARTICLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long read</title></head><body>
<h1>Magnesium L-threonate: a long read</h1><article>${Array.from({ length: 12 }, (_, i) => `${filler(2100, `Part ${i}`)}<p>Magnesium L-threonate <b>improves memory</b> and supports restful sleep.</p>`).join('')}</article></body></html>`;

/** The page's blocks and title, as a whole read in Node extracts them. */
export function wholeReadData(html: string): { blocks: ReturnType<typeof extractPageData>['page']['blocks']; title: string } {
  const { document } = parseHTML(html);
  const { page } = extractPageData(document as unknown as Document, null);
  return { blocks: page.blocks, title: page.title };
}

/** What a whole read of the HTML finds: claim/stance, sorted. */
export function wholeReadClaims(html: string): string[] {
  const { blocks, title } = wholeReadData(html);
  return detectClaims(blocks, { title }).map((m) => `${m.claim}/${m.stance}`).sort();
}

/**
 * The pass's waits for work elsewhere (`evidence-lens:wait`), each with how it ended.
 * Runs in the page (self-contained). A string detail: Firefox lets the page read it.
 */
export function readWaits(): string[] {
  return performance.getEntriesByName('evidence-lens:wait').map((e) => String((e as PerformanceMeasure).detail));
}
