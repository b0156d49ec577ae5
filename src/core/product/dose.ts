// The daily elemental magnesium at the label's directions, beside the adult upper
// limit for supplemental magnesium and the doses used in the human MgT trials.
import type { DoseContext, ProductSummary } from '../types';
import { SUPPLEMENTAL_MAGNESIUM_UL_MG, SUPPLEMENTAL_MAGNESIUM_UL_SOURCE } from './constants';

/**
 * Null without a product. When the directions give no servings a day, one serving
 * a day is assumed and `daily_is_estimate` says so; an estimated per-serving
 * figure also makes the daily figure an estimate.
 */
export function doseContext(
  product: ProductSummary | null,
  trialDoses: readonly { source: string; dose: string }[] = [],
): DoseContext | null {
  if (product === null) return null;
  const perServing = product.elemental_mg_per_serving;
  const perDay = product.servings_per_day;
  const daily = perServing === null ? null : Math.round(perServing * (perDay ?? 1));
  return {
    daily_elemental_mg: daily,
    daily_is_estimate: daily !== null && (perDay === null || product.elemental_is_estimate),
    daily_mgt_mg: product.mgt_mg_per_serving === null ? null : Math.round(product.mgt_mg_per_serving * (perDay ?? 1)),
    upper_limit_mg: SUPPLEMENTAL_MAGNESIUM_UL_MG,
    upper_limit_source: SUPPLEMENTAL_MAGNESIUM_UL_SOURCE,
    trial_doses: trialDoses.map((d) => ({ ...d })),
  };
}
