// The evidence base in one import: sources, per-claim evidence, verdict styles, dose reference.
export { SOURCES, getSource, UNVERIFIED_SOURCE_IDS } from './sources';
export { EVIDENCE, DISEASE_CLAIMS, evidenceFor, deficiencyEvidence, DEFICIENCY_INTAKE, DEFICIENCY_MOST } from './claims';
export { VERDICT_STYLES, CARD_BACKGROUND, verdictLabel, type VerdictStyle, type VerdictColours } from './verdicts';
export {
  UPPER_LIMIT_MG,
  UPPER_LIMIT_SOURCE,
  MGT_ELEMENTAL_FRACTION,
  MGT_ELEMENTAL_FRACTION_SOURCE,
  TRIAL_DOSES,
  estimateElementalMg,
} from './dose-reference';
export { contrastRatio } from './contrast';
