// Product name, brand and price: schema.org JSON-LD first, then Open Graph,
// then the page's first h1 (name only).
import type { PageData } from '../types';
import { formatPrice, productFromJsonLd } from './json-ld';
import { collapseSpace } from './text';

export interface ProductIdentity {
  name: string | null;
  brand: string | null;
  price: string | null;
  /** The page says it is a product page (JSON-LD Product, og:type product, product:* meta). */
  declaredProduct: boolean;
}

function meta(page: PageData, key: string): string | null {
  const v = page.meta[key];
  if (v === undefined) return null;
  const s = collapseSpace(v);
  return s === '' ? null : s;
}

/** "Neuro-Mag® | Life Extension" → "Neuro-Mag®" when the suffix is the site name. */
function stripSiteName(title: string, site: string | null): string {
  if (site === null) return title;
  const lower = title.toLowerCase();
  const siteLower = site.toLowerCase();
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' : ']) {
    const suffix = sep + siteLower;
    if (lower.endsWith(suffix) && title.length > suffix.length) return title.slice(0, -suffix.length).trim();
  }
  return title;
}

function firstH1(page: PageData): string | null {
  const h1 = page.blocks.find((b) => b.headingLevel === 1 && b.region === 'main') ?? page.blocks.find((b) => b.headingLevel === 1);
  if (h1 === undefined) return null;
  const s = collapseSpace(h1.text);
  return s === '' ? null : s;
}

export function productIdentity(page: PageData): ProductIdentity {
  const ld = productFromJsonLd(page.jsonLd);
  const ogType = meta(page, 'og:type')?.toLowerCase() ?? '';
  const isOgProduct = ogType.startsWith('product') || Object.keys(page.meta).some((k) => k.startsWith('product:'));
  const site = meta(page, 'og:site_name');
  const ogTitle = meta(page, 'og:title');

  // og:site_name is the shop; it names the brand only on a product page (a brand's own store).
  const ogBrand = meta(page, 'product:brand') ?? meta(page, 'og:brand') ?? (isOgProduct ? site : null);
  const ogAmount = meta(page, 'product:price:amount') ?? meta(page, 'og:price:amount');
  const ogCurrency = meta(page, 'product:price:currency') ?? meta(page, 'og:price:currency');
  const ogPrice = ogAmount === null ? null : formatPrice(ogAmount, ogCurrency);

  return {
    name: ld?.name ?? (ogTitle !== null ? stripSiteName(ogTitle, site) : null) ?? firstH1(page),
    brand: ld?.brand ?? ogBrand,
    price: ld?.price ?? ogPrice,
    declaredProduct: ld !== null || isOgProduct,
  };
}
