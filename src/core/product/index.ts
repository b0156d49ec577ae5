// Product summary, dose context and disclaimer check: pure functions of PageData.
export { summarizeProduct, FORM_MAGTEIN, FORM_MGT } from './summarize';
export { doseContext } from './dose';
export { hasDisclaimer } from './disclaimer';
export {
  ELEMENTAL_ESTIMATE_BASIS,
  MGT_ELEMENTAL_FRACTION,
  MGT_ELEMENTAL_FRACTION_SOURCE,
  SUPPLEMENTAL_MAGNESIUM_UL_MG,
  SUPPLEMENTAL_MAGNESIUM_UL_SOURCE,
} from './constants';
