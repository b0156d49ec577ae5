// The product summary the popup and `scan` show: what the label says one serving
// holds, and how much elemental magnesium that is.
import type { PageData, ProductSummary } from '../types';
import { ELEMENTAL_ESTIMATE_BASIS, MGT_ELEMENTAL_FRACTION } from './constants';
import { servingsPerDay } from './directions';
import { readLabelFacts } from './facts';
import { productIdentity } from './identity';
import { factLines } from './lines';
import { namesMagtein, namesMgt } from './text';

export const FORM_MAGTEIN = 'Magtein® (magnesium L-threonate)';
export const FORM_MGT = 'magnesium L-threonate';

const SUPPLEMENT_FACTS = /\bsupplement\s+facts\b/i;

/**
 * Summarises an MgT product page; null when the page is not a product page or
 * the product is not MgT. A product page: schema.org Product, og:type product or
 * product:* meta, or label facts (serving size, servings per container,
 * "Supplement Facts"). MgT: named in the product name or in the label facts
 * (prose that merely mentions MgT does not count).
 */
export function summarizeProduct(page: PageData): ProductSummary | null {
  const identity = productIdentity(page);
  const lines = factLines(page.blocks);
  const nameIsMgt = identity.name !== null && namesMgt(identity.name);
  const facts = readLabelFacts(lines, nameIsMgt);

  const labelled =
    facts.serving !== null || facts.servingsPerContainer !== null || lines.some((l) => SUPPLEMENT_FACTS.test(l.text));
  if (!(identity.declaredProduct || labelled)) return null;
  if (!(nameIsMgt || facts.mgtInFacts)) return null;

  const magtein =
    (identity.name !== null && namesMagtein(identity.name)) || lines.some((l) => namesMagtein(l.text));

  let elemental = facts.elementalMg;
  let estimate = false;
  if (elemental === null && facts.mgtMg !== null) {
    elemental = Math.round(facts.mgtMg * MGT_ELEMENTAL_FRACTION);
    estimate = true;
  }

  return {
    name: identity.name,
    brand: identity.brand,
    form: magtein ? FORM_MAGTEIN : FORM_MGT,
    serving: facts.serving?.text ?? null,
    mgt_mg_per_serving: facts.mgtMg,
    elemental_mg_per_serving: elemental,
    elemental_is_estimate: estimate,
    elemental_estimate_basis: estimate ? ELEMENTAL_ESTIMATE_BASIS : null,
    servings_per_container: facts.servingsPerContainer,
    servings_per_day: servingsPerDay(lines, facts.serving),
    price: identity.price,
  };
}
