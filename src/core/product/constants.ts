// Dose reference numbers the product summary needs; the values and their sources
// live in evidence/dose-reference.ts, with the rest of the evidence base.
export {
  MGT_ELEMENTAL_FRACTION,
  MGT_ELEMENTAL_FRACTION_SOURCE,
  UPPER_LIMIT_MG as SUPPLEMENTAL_MAGNESIUM_UL_MG,
  UPPER_LIMIT_SOURCE as SUPPLEMENTAL_MAGNESIUM_UL_SOURCE,
} from '../evidence/dose-reference';

/** How an elemental estimate is made, shown next to it. */
export const ELEMENTAL_ESTIMATE_BASIS =
  'MgT is about 7.2% magnesium by weight (144 mg Mg per 2,000 mg MgT on the Neuro-Mag label)';
