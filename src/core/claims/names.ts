// How pages name magnesium L-threonate, and the other magnesium forms that can be a
// sentence's subject instead. Patterns run on normalized text (see text/normalize.ts).

/** Every way we have seen MgT named, including misnamings ("magnesium threonine") and products made of it. */
export const MGT_NAME =
  /\bmagnesium[\s-]+(?:l[\s-]*)?threon(?:ate|ine|ic)\b|\bmg[\s-]+l[\s-]*threonate\b|\bl[\s-]*threonate\b|\bthreonate\b|\bl-threonic\s+acid\s+magnesium\s+salt\b|\bmgt\b|\bmag[\s-]?t\b|\bmagtein\b|\bneuro[\s-]?mag\b|\bl-tams\b|\bmmfs[\s-]?01\b|\bmagtech\b/gi;

/** Other magnesium forms (and "magnesium" products that are not MgT), named as a subject. */
export const OTHER_FORM =
  /\b(?:magnesium\s+)?(?:bis)?(?:glycinate|citrate|oxide|chloride|sulfate|sulphate|malate|(?:acetyl[\s-]+)?taurate|orotate|aspartate|lactate|gluconate|carbonate|hydroxide|pidolate|picolinate)\b|\bepsom\s+salts?\b|\bmilk\s+of\s+magnesia\b/gi;

/**
 * A mention preceded by one of these words is an object of comparison or a list item,
 * not the subject ("better than citrate", "unlike glycinate", "such as oxide").
 */
export const COMPARISON_BEFORE =
  /(?:\bthan|\bcompared\s+(?:to|with)|\bunlike|\bversus|\bvs\.?|\blike|\bsuch\s+as|\bover|\binstead\s+of|\brather\s+than|\bor|\band|\bincluding|\bnot)\s+(?:[\w'-]+\s+){0,4}$/i;
