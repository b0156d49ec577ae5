// Every user-visible string of the popup, from _locales through the i18n API
// (getters, so a message table set in tests is seen).
import type { Stance } from '../core/types';
import { plural, t } from '../shared/i18n';

export const S = {
  get appName() { return t('extName'); },
  get loading() { return t('loading'); },
  get cannotRunTitle() { return t('cannotRunTitle'); },
  get cannotRunBody() { return t('cannotRunBody'); },
  get noClaims() { return t('noClaims'); },
  get noClaimsHint() { return t('noClaimsHint'); },
  get notMedicalAdvice() { return t('notMedicalAdvice'); },
  siteOffTitle: (site: string) => t('siteOffTitle', site),
  get siteOffBody() { return t('siteOffBody'); },
  siteTurnOn: (site: string) => t('siteTurnOn', site),
  siteTurnOff: (site: string) => t('siteTurnOff', site),
  siteTurnedOff: (site: string) => t('siteTurnedOff', site),

  get productHeading() { return t('productHeading'); },
  get name() { return t('name'); },
  get brand() { return t('brand'); },
  get form() { return t('form'); },
  get serving() { return t('serving'); },
  get mgtPerServing() { return t('mgtPerServing'); },
  get elementalPerServing() { return t('elementalPerServing'); },
  get servingsPerContainer() { return t('servingsPerContainer'); },
  get servingsPerDay() { return t('servingsPerDay'); },
  get price() { return t('price'); },
  get estimate() { return t('estimate'); },
  estimateBasis: (basis: string) => t('estimateBasis', basis),

  get doseHeading() { return t('doseHeading'); },
  get dailyElemental() { return t('dailyElemental'); },
  get dailyUnknown() { return t('dailyUnknown'); },
  upperLimit: (mg: number) => t('upperLimit', mg),
  get overUpperLimit() { return t('overUpperLimit'); },
  get trialDoses() { return t('trialDoses'); },

  get labelChecks() { return t('labelChecks'); },
  get disclaimerPresent() { return t('disclaimerPresent'); },
  get disclaimerMissing() { return t('disclaimerMissing'); },
  get diseaseClaims() { return t('diseaseClaims'); },

  claimsHeading: (n: number) => plural(n, 'claimsHeadingOne', 'claimsHeadingOther'),
  get summaryLabel() { return t('summaryLabel'); },
  get showOnPage() { return t('showOnPage'); },
  get notOnPage() { return t('notOnPage'); },
  get notMarked() { return t('notMarked'); },
  /** Shown beside a claim the page does not assert; empty for asserted claims. */
  stance: (s: Stance) => (s === 'hedged' ? t('stanceHedged') : s === 'negated' ? t('stanceNegated') : ''),

  get sourcesHeading() { return t('sourcesHeading'); },
  get citationFormat() { return t('citationFormat'); },
  get copyCitation() { return t('copyCitation'); },
  get copyAll() { return t('copyAll'); },
  get copied() { return t('copied'); },
  get copyFailed() { return t('copyFailed'); },
  get doi() { return t('doi'); },
  get pubmed() { return t('pubmed'); },
  get link() { return t('link'); },
  get opensNewTab() { return t('opensNewTab'); },
  get unverifiedSource() { return t('unverifiedSource'); },

  get reportHeading() { return t('reportHeading'); },
  get copyReport() { return t('copyReport'); },
  get openPrintable() { return t('openPrintable'); },
  get checkPasted() { return t('checkPasted'); },
  get options() { return t('options'); },
};
