// Dose reference numbers the product summary needs.
// TODO(lead): move to evidence/dose-reference.ts

/**
 * Share of magnesium in magnesium L-threonate by weight: 144 mg elemental Mg per
 * 2,000 mg MgT on the Neuro-Mag label (arithmetic, not a label statement).
 * Source: neuro-mag-label.
 */
export const MGT_ELEMENTAL_FRACTION = 0.072;
export const MGT_ELEMENTAL_FRACTION_SOURCE = 'neuro-mag-label';
export const ELEMENTAL_ESTIMATE_BASIS =
  'MgT is about 7.2% magnesium by weight (144 mg Mg per 2,000 mg MgT on the Neuro-Mag label)';

/**
 * Adult tolerable upper intake level for magnesium from supplements and
 * medications (not food), mg/day, ages 9 and up. Source: ods-magnesium-hp.
 */
export const SUPPLEMENTAL_MAGNESIUM_UL_MG = 350;
export const SUPPLEMENTAL_MAGNESIUM_UL_SOURCE = 'ods-magnesium-hp';
