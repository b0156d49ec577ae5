// Every user-visible string of the popup, in one place so it can move to _locales later.
import type { Stance } from '../core/types';

export const S = {
  appName: 'Evidence Lens',
  loading: 'Reading this page…',
  cannotRunTitle: 'Evidence Lens can’t read this page.',
  cannotRunBody: 'Browsers don’t let extensions read their own pages or the extension store.',
  noClaims: 'No claims about magnesium L-threonate found on this page.',
  noClaimsHint: 'Evidence Lens looks only for claims about magnesium L-threonate (MgT, Magtein, Neuro-Mag).',
  notMedicalAdvice: 'Evidence Lens informs; it is not medical advice.',

  productHeading: 'Product',
  name: 'Name',
  brand: 'Brand',
  form: 'Form',
  serving: 'Serving',
  mgtPerServing: 'MgT per serving',
  elementalPerServing: 'Elemental magnesium per serving',
  servingsPerContainer: 'Servings per container',
  servingsPerDay: 'Servings per day',
  price: 'Price',
  estimate: 'estimate',
  estimateBasis: (basis: string) => `Estimate: ${basis}`,

  doseHeading: 'Daily dose',
  dailyElemental: 'Elemental magnesium per day at the label’s directions',
  dailyUnknown: 'The page does not say how much elemental magnesium a day the directions give.',
  upperLimit: (mg: number) => `Adult upper limit for magnesium from supplements: ${mg} mg/day`,
  overUpperLimit: 'This is above the adult upper limit for supplemental magnesium.',
  trialDoses: 'Doses in the human trials of magnesium L-threonate',

  labelChecks: 'Label checks',
  disclaimerPresent: 'FDA disclaimer: present on this page.',
  disclaimerMissing: 'FDA disclaimer: not found on this page.',
  diseaseClaims: 'Disease claims (not allowed on supplement labels):',

  claimsHeading: (n: number) => (n === 1 ? '1 claim on this page' : `${n} claims on this page`),
  summaryLabel: 'Claims by verdict',
  showOnPage: 'Show on the page',
  notOnPage: 'No longer on the page',
  /** Shown beside a claim the page does not assert; empty for asserted claims. */
  stance: (s: Stance) => (s === 'hedged' ? 'hedged: the page says it might be so' : s === 'negated' ? 'denied: the page says it is not so' : ''),

  sourcesHeading: 'Sources',
  copyCitation: 'Copy citation',
  copyAll: 'Copy all citations',
  copied: 'Copied',
  copyFailed: 'Could not copy',
  doi: 'DOI',
  pubmed: 'PubMed',
  link: 'Link',
  opensNewTab: '(opens in a new tab)',
  unverifiedSource: 'Details of this source are only partly checked.',
} as const;
