// What a regular expression's `\w` holds, by code unit: the scanner's word starts
// and the gate's word edges both ask it. A module of its own: the gate is in the
// script every page loads, the scanner is not.

/** Is the code unit a regex word character (\w: ASCII letters, digits, underscore)? */
export function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
