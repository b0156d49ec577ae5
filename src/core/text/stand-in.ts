// The character normalize.ts puts in place of a symbol past Latin-1 that nothing
// detection matches can tell from it (symbols.generated.ts): DEL, a control
// character pages do not show, of sentence-break class Other, neither a word
// character nor white space, and one byte a character.
export const STAND_IN = '\x7F';
