// Reference numbers for putting a label's dose in context. Each value names the
// sources.json record it comes from; trial doses are only those the records state.

/** Adult tolerable upper intake level for magnesium from supplements and medicines (not food), mg/day. */
export const UPPER_LIMIT_MG = 350;
export const UPPER_LIMIT_SOURCE = 'ods-magnesium-hp';

/**
 * Elemental magnesium as a fraction of MgT by weight: 144 mg Mg per ~2,000 mg MgT
 * on the Neuro-Mag label = 7.2%. Derived by arithmetic from the label, not stated on it.
 */
export const MGT_ELEMENTAL_FRACTION = 144 / 2000;
export const MGT_ELEMENTAL_FRACTION_SOURCE = 'neuro-mag-label';

/** Estimated elemental magnesium (mg) in a given amount of MgT (mg), rounded to whole mg. */
export function estimateElementalMg(mgtMg: number): number {
  return Math.round(mgtMg * MGT_ELEMENTAL_FRACTION);
}

/**
 * Daily doses in the human MgT studies, as the records give them. Left out:
 * ni-2023-bctt and surman-2021, whose records give no amount.
 */
export const TRIAL_DOSES: readonly { source: string; dose: string }[] = [
  { source: 'hausenblas-2024', dose: '1 g/day MgT (Magtein)' },
  {
    source: 'liu-2016-jad',
    dose: '1.5 g/day (50-70 kg body weight) or 2 g/day (70-100 kg) MMFS-01, about 25 mg/kg/day (per trade press)',
  },
  { source: 'lopresti-2026', dose: '2 g/day MgT (Magtein)' },
  {
    source: 'zhang-2022-nutrients',
    dose: '2 g/day Magtein PS (MgT with phosphatidylserine and vitamins C and D)',
  },
  {
    source: 'nct02210286',
    dose: '1,800 mg/day Magtein formula (MgT with vitamins C and D), uncontrolled pilot',
  },
];
