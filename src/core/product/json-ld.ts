// Reads the schema.org Product out of a page's JSON-LD texts. Pages vary: one
// object, an array, an @graph, a Product nested in mainEntity, @type as a string
// or an array, "schema:Product" or a full IRI. Broken JSON is skipped.
import { collapseSpace, decodeEntities } from './text';

export interface JsonLdProduct {
  name: string | null;
  brand: string | null;
  price: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeNames(obj: JsonObject): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  // "http://schema.org/Product", "schema:Product" → "Product"
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, ''));
}

const PRODUCT_TYPES = new Set(['Product', 'ProductGroup', 'IndividualProduct', 'ProductModel', 'DietarySupplement']);

function isProduct(obj: JsonObject): boolean {
  return typeNames(obj).some((t) => PRODUCT_TYPES.has(t));
}

/** Breadth-first, so a top-level Product wins over one nested in a related-items list. */
function findProductObject(roots: Json[]): JsonObject | null {
  const queue: Json[] = [...roots];
  for (let i = 0; i < queue.length && i < 5000; i++) {
    const v = queue[i];
    if (Array.isArray(v)) queue.push(...v);
    else if (isObject(v)) {
      if (isProduct(v)) return v;
      for (const key of Object.keys(v)) {
        const child = v[key];
        if (typeof child === 'object' && child !== null) queue.push(child);
      }
    }
  }
  return null;
}

function text(v: Json | undefined): string | null {
  if (typeof v === 'string') {
    const s = collapseSpace(decodeEntities(v));
    return s === '' ? null : s;
  }
  if (typeof v === 'number') return String(v);
  return null;
}

/** brand: "Acme" | {name: "Acme"} | [either]. */
function nameOf(v: Json | undefined): string | null {
  if (Array.isArray(v)) {
    for (const item of v) {
      const n = nameOf(item);
      if (n !== null) return n;
    }
    return null;
  }
  if (isObject(v)) return text(v['name']);
  return text(v);
}

/** Formats "30" + "USD" as "$30.00"; an unknown currency code as "30.00 XYZ"; no currency as "30". */
export function formatPrice(amount: string | number, currency: string | null): string | null {
  const raw = String(amount).trim();
  const value = Number(raw.replace(/,(?=\d{3}(?!\d))/g, ''));
  if (raw === '' || !Number.isFinite(value)) return raw === '' ? null : raw;
  const code = currency?.trim().toUpperCase() ?? '';
  if (/^[A-Z]{3}$/.test(code)) {
    try {
      return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(value);
    } catch {
      return `${value.toFixed(2)} ${code}`;
    }
  }
  return raw;
}

function priceOf(offers: Json | undefined): string | null {
  const list = Array.isArray(offers) ? offers : [offers];
  for (const offer of list) {
    if (!isObject(offer)) continue;
    const spec = isObject(offer['priceSpecification']) ? offer['priceSpecification'] : null;
    const amount = offer['price'] ?? offer['lowPrice'] ?? spec?.['price'];
    const currency = offer['priceCurrency'] ?? spec?.['priceCurrency'];
    if (typeof amount === 'string' || typeof amount === 'number') {
      const price = formatPrice(amount, typeof currency === 'string' ? currency : null);
      if (price !== null) return price;
    }
  }
  return null;
}

export function parseJson(raw: string): Json | undefined {
  // Some CMSs wrap the JSON in an HTML comment or CDATA markers.
  const cleaned = raw
    .replace(/^\s*(?:<!--|(?:\/\/\s*)?<!\[CDATA\[)/, '')
    .replace(/(?:-->|(?:\/\/\s*)?\]\]>)\s*$/, '');
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    return undefined;
  }
}

/** The page's schema.org Product, or null (none, or only invalid JSON). */
export function productFromJsonLd(texts: readonly string[]): JsonLdProduct | null {
  const roots: Json[] = [];
  for (const raw of texts) {
    const parsed = parseJson(raw);
    if (parsed !== undefined) roots.push(parsed);
  }
  const product = findProductObject(roots);
  if (product === null) return null;
  return {
    name: text(product['name']),
    brand: nameOf(product['brand']) ?? nameOf(product['manufacturer']),
    price: priceOf(product['offers']),
  };
}
