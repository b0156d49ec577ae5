// The page-visible result of a pass: <html data-evidence-lens-claims="n">, the
// number of claims found in this document (any stance). Tests and users'
// tools can read it; 0 means the page was checked and has none.
export const COUNT_ATTRIBUTE = 'data-evidence-lens-claims';

export function setCount(doc: Document, n: number): void {
  doc.documentElement?.setAttribute(COUNT_ATTRIBUTE, String(n));
}
