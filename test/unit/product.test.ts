import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractPageData } from '../../src/extract';
import { doseContext, hasDisclaimer, summarizeProduct } from '../../src/core/product';
import { parseDirections } from '../../src/core/product/directions';
import type { PageData, ProductSummary, TextBlock } from '../../src/core/types';

const ESTIMATE_BASIS = 'MgT is about 7.2% magnesium by weight (144 mg Mg per 2,000 mg MgT on the Neuro-Mag label)';

function fixture(name: string): PageData {
  const path = fileURLToPath(new URL(`../fixtures/products/${name}`, import.meta.url));
  const { document } = parseHTML(readFileSync(path, 'utf8'));
  return extractPageData(document as unknown as Document, `https://example.com/${name}`).page;
}

function page(parts: Partial<PageData> & { texts?: string[] }): PageData {
  const blocks: TextBlock[] = (parts.texts ?? []).map((text) => ({ text, tag: 'p', headingLevel: 0, region: 'main' }));
  return { url: null, title: '', meta: {}, jsonLd: [], blocks, ...parts };
}

describe('summarizeProduct on fixtures', () => {
  it('reads a JSON-LD product page with a div-based facts panel (Neuro-Mag)', () => {
    expect(summarizeProduct(fixture('neuro-mag-jsonld.html'))).toEqual<ProductSummary>({
      name: 'Neuro-Mag® Magnesium L-Threonate',
      brand: 'Life Extension',
      form: 'Magtein® (magnesium L-threonate)',
      serving: '3 vegetarian capsules',
      mgt_mg_per_serving: 2000,
      elemental_mg_per_serving: 144,
      elemental_is_estimate: false,
      elemental_estimate_basis: null,
      servings_per_container: 30,
      servings_per_day: 1,
      price: '$30.00',
    });
  });

  it('reads a Supplement Facts table and Open Graph tags, estimating elemental Mg', () => {
    expect(summarizeProduct(fixture('northfield-table-og.html'))).toEqual<ProductSummary>({
      name: 'Magnesium L-Threonate – 90 Capsules',
      brand: 'Northfield Naturals',
      form: 'magnesium L-threonate',
      serving: '2 Capsules',
      mgt_mg_per_serving: 1000,
      elemental_mg_per_serving: 72,
      elemental_is_estimate: true,
      elemental_estimate_basis: ESTIMATE_BASIS,
      servings_per_container: 45,
      // "Take 2 capsules twice daily" with a 2-capsule serving.
      servings_per_day: 2,
      price: '$34.95',
    });
  });

  it('reads label facts written as prose paragraphs, with the h1 as the name', () => {
    expect(summarizeProduct(fixture('brainwise-prose.html'))).toEqual<ProductSummary>({
      name: 'Life Extension Neuro-Mag® Magnesium L-Threonate, 90 Vegetarian Capsules',
      brand: null,
      form: 'Magtein® (magnesium L-threonate)',
      serving: '3 capsules',
      mgt_mg_per_serving: 2000,
      elemental_mg_per_serving: 144,
      elemental_is_estimate: false,
      elemental_estimate_basis: null,
      servings_per_container: 30,
      // "2 capsules in the morning and 1 before bed" with a 3-capsule serving.
      servings_per_day: 1,
      price: null,
    });
  });

  it('skips invalid JSON-LD, reads array types and offer arrays, scales per-capsule amounts', () => {
    expect(summarizeProduct(fixture('cognimag-per-capsule.html'))).toEqual<ProductSummary>({
      name: 'Cognimag Magnesium L-Threonate',
      brand: 'Cognimag',
      form: 'magnesium L-threonate',
      serving: '3 capsules',
      mgt_mg_per_serving: 1500,
      elemental_mg_per_serving: 108,
      elemental_is_estimate: true,
      elemental_estimate_basis: ESTIMATE_BASIS,
      servings_per_container: 30,
      servings_per_day: 1,
      price: '€39.50',
    });
  });

  it('gives null for a magnesium glycinate product that only mentions MgT in prose and asides', () => {
    expect(summarizeProduct(fixture('magnesium-glycinate.html'))).toBeNull();
  });
});

describe('summarizeProduct edge cases', () => {
  it('does not throw on invalid JSON-LD and falls back to Open Graph', () => {
    const p = page({
      jsonLd: ['{"@type": "Product", "name": "x",', 'not json at all', ''],
      meta: {
        'og:type': 'product',
        'og:title': 'Magtein Caps – Acme Labs',
        'og:site_name': 'Acme Labs',
        'product:brand': 'Acme',
        'product:price:amount': '25',
        'product:price:currency': 'GBP',
      },
      texts: ['Supplement Facts', 'Magtein magnesium L-threonate 2 g'],
    });
    expect(summarizeProduct(p)).toMatchObject({
      name: 'Magtein Caps',
      brand: 'Acme',
      price: '£25.00',
      form: 'Magtein® (magnesium L-threonate)',
      mgt_mg_per_serving: 2000,
      elemental_mg_per_serving: 144,
      elemental_is_estimate: true,
      elemental_estimate_basis: ESTIMATE_BASIS,
    });
  });

  it('reads JSON-LD wrapped in an HTML comment', () => {
    const p = page({ jsonLd: ['<!-- {"@type":"Product","name":"Magtein caps","brand":{"name":"B"}} -->'] });
    expect(summarizeProduct(p)).toMatchObject({ name: 'Magtein caps', brand: 'B' });
  });

  it('handles @graph, brand as string, AggregateOffer and HTML entities', () => {
    const p = page({
      jsonLd: [
        JSON.stringify({
          '@graph': [
            { '@type': 'WebPage', name: 'page' },
            {
              '@type': 'http://schema.org/Product',
              name: 'Brain Mag &amp; More (Magnesium L-Threonate)',
              brand: ['Acme'],
              offers: { '@type': 'AggregateOffer', lowPrice: '1,299.5', priceCurrency: 'usd' },
            },
          ],
        }),
      ],
    });
    expect(summarizeProduct(p)).toMatchObject({
      name: 'Brain Mag & More (Magnesium L-Threonate)',
      brand: 'Acme',
      price: '$1,299.50',
      form: 'magnesium L-threonate',
      mgt_mg_per_serving: null,
      elemental_mg_per_serving: null,
    });
  });

  it('gives null for a page that is not a product page, even when it discusses MgT doses', () => {
    const p = page({
      texts: ['Magnesium L-threonate and memory', 'Participants took 2,000 mg of magnesium L-threonate daily.'],
    });
    expect(summarizeProduct(p)).toBeNull();
  });

  it('gives null for a product page with no MgT in name or facts', () => {
    const p = page({ meta: { 'og:type': 'product', 'og:title': 'Magnesium Citrate' }, texts: ['Serving Size: 2 tablets'] });
    expect(summarizeProduct(p)).toBeNull();
  });

  it('reads elemental magnesium stated without its source when the name says MgT', () => {
    const p = page({
      meta: { 'og:type': 'product', 'og:title': 'Magnesium L-Threonate' },
      texts: ['Serving Size: 1 scoop (2.5 g)', 'Elemental magnesium: 144 mg', 'Take 1 serving daily.'],
    });
    expect(summarizeProduct(p)).toMatchObject({
      serving: '1 scoop (2.5 g)',
      elemental_mg_per_serving: 144,
      elemental_is_estimate: false,
      mgt_mg_per_serving: null,
      servings_per_day: 1,
    });
  });
});

describe('parseDirections', () => {
  it.each([
    ['Take three (3) capsules daily', { pieces: 3, servings: 0 }],
    ['take 1 serving daily', { pieces: 0, servings: 1 }],
    ['Take one serving (3 capsules) daily with food', { pieces: 0, servings: 1 }],
    ['Take 2 capsules in the morning and 1 before bed', { pieces: 3, servings: 0 }],
    ['Take 2 capsules twice daily, with food', { pieces: 4, servings: 0 }],
    ['Take one capsule three times a day', { pieces: 3, servings: 0 }],
    ['Take three capsules daily, one in the morning and two in the evening', { pieces: 3, servings: 0 }],
    ['Take 1 capsule 30 minutes before bed', { pieces: 1, servings: 0 }],
  ])('%s', (text, expected) => {
    expect(parseDirections(text)).toEqual(expected);
  });

  it('gives null when no amount is stated', () => {
    expect(parseDirections('Take as directed by your physician')).toBeNull();
  });
});

describe('doseContext', () => {
  const base: ProductSummary = {
    name: 'x',
    brand: null,
    form: 'magnesium L-threonate',
    serving: '3 capsules',
    mgt_mg_per_serving: 2000,
    elemental_mg_per_serving: 144,
    elemental_is_estimate: false,
    elemental_estimate_basis: null,
    servings_per_container: 30,
    servings_per_day: 1,
    price: null,
  };
  const trials = [{ source: 'liu-2016-jad', dose: '1.5-2 g MgT a day' }];

  it('multiplies by servings a day and sets the UL', () => {
    expect(doseContext({ ...base, servings_per_day: 2 }, trials)).toEqual({
      daily_elemental_mg: 288,
      daily_is_estimate: false,
      daily_mgt_mg: 4000,
      upper_limit_mg: 350,
      upper_limit_source: 'ods-magnesium-hp',
      trial_doses: trials,
    });
  });

  it('assumes one serving a day when the directions are unknown, and says so', () => {
    expect(doseContext({ ...base, servings_per_day: null })).toMatchObject({
      daily_elemental_mg: 144,
      daily_is_estimate: true,
      trial_doses: [],
    });
  });

  it('marks the daily dose as an estimate when the per-serving figure is', () => {
    expect(doseContext({ ...base, elemental_is_estimate: true })?.daily_is_estimate).toBe(true);
  });

  it('gives a null daily dose when elemental Mg is unknown, and null without a product', () => {
    expect(doseContext({ ...base, elemental_mg_per_serving: null })?.daily_elemental_mg).toBeNull();
    expect(doseContext(null)).toBeNull();
  });

  it('works end to end on a fixture', () => {
    const product = summarizeProduct(fixture('northfield-table-og.html'));
    expect(doseContext(product)).toMatchObject({ daily_elemental_mg: 144, daily_is_estimate: true });
  });
});

describe('hasDisclaimer', () => {
  const FULL =
    'These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease.';

  it.each([
    ['the standard wording', [FULL]],
    ['all caps with an asterisk', [`*${FULL.toUpperCase()}`]],
    ['"FDA" and "has not been evaluated"', ['This statement has not been evaluated by the FDA. This product is not intended to diagnose, treat, cure or prevent any disease.']],
    ['split across blocks with line breaks', ['*These statements have not been\nevaluated by the U.S. Food &', 'Drug Administration.', 'This product is not intended to diagnose, treat,\ncure, or prevent any disease.']],
    ['curly quotes and a longer subject', ['“The statements made on this website have not been evaluated by the FDA.” This product is not intended to diagnose, treat, cure or prevent any disease.']],
  ])('finds %s', (_label, texts) => {
    expect(hasDisclaimer(page({ texts }))).toBe(true);
  });

  it.each([
    ['no disclaimer', ['Magnesium L-threonate supports memory.']],
    ['only the first sentence', ['These statements have not been evaluated by the FDA.']],
    ['only the second sentence', ['This product is not intended to diagnose, treat, cure, or prevent any disease.']],
    ['an unrelated evaluation', ['These statements have been evaluated by the Food and Drug Administration. Not intended to diagnose, treat, cure or prevent any disease.']],
  ])('rejects %s', (_label, texts) => {
    expect(hasDisclaimer(page({ texts }))).toBe(false);
  });

  it('reads the fixtures', () => {
    expect(hasDisclaimer(fixture('neuro-mag-jsonld.html'))).toBe(true);
    expect(hasDisclaimer(fixture('northfield-table-og.html'))).toBe(true);
    expect(hasDisclaimer(fixture('cognimag-per-capsule.html'))).toBe(true);
    expect(hasDisclaimer(fixture('brainwise-prose.html'))).toBe(false);
  });
});
