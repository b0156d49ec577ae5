// PageData for the core from a Document: title, meta tags, JSON-LD texts and
// the blocks of the body. Works on a live page and on linkedom alike.
import type { PageData } from '../core/types';
import { extractBlocksSteps } from './blocks';
import type { ExtractedPage } from './types';
import { runToEnd } from '../core/steps';

/** <meta property|name> → content, keys lower-cased; the first tag for a key wins. */
function readMeta(doc: Document): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))
      ?.trim()
      .toLowerCase();
    const content = el.getAttribute('content');
    if (!key || content === null || Object.prototype.hasOwnProperty.call(meta, key)) continue;
    meta[key] = content;
  }
  return meta;
}

function readJsonLd(doc: Document): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('script'))) {
    const type = el.getAttribute('type');
    if (type === null || type.trim().toLowerCase() !== 'application/ld+json') continue;
    const text = el.textContent ?? '';
    if (text.trim() !== '') out.push(text);
  }
  return out;
}

export function extractPageData(doc: Document, url: string | null): ExtractedPage {
  return runToEnd(extractPageDataSteps(doc, url));
}

/** `extractPageData` in steps (see extractBlocksSteps). */
export function* extractPageDataSteps(doc: Document, url: string | null): Generator<void, ExtractedPage, void> {
  const root = doc.body ?? doc.documentElement;
  const { blocks, segments } = root ? yield* extractBlocksSteps(root) : { blocks: [], segments: [] };
  const page: PageData = {
    url,
    title: (doc.title ?? '').trim(),
    meta: readMeta(doc),
    jsonLd: readJsonLd(doc),
    blocks,
  };
  return { page, segments };
}
