// Tag tables for the block walk. Decided by tag name, not computed style, so the
// same walk runs in the browser and on linkedom in Node.

/** Elements whose text starts and ends a block (the nearest one owns the text). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd',
  'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext',
  'pre', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'xmp',
]);

/**
 * Subtrees never read. Form controls and buttons: their text is UI, and markers
 * inside them would break the control. SVG and MathML: markers are HTML elements
 * and cannot be inserted there, and their text is labels, not prose. iframe/object:
 * their content is another document.
 */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option',
  'optgroup', 'datalist', 'button', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'head', 'title', 'evidence-lens-marker',
]);

const HEADING_LEVEL: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

export function headingLevelOfTag(tag: string): number {
  return HEADING_LEVEL[tag] ?? 0;
}

/** The role a `role` attribute gives (its first token, lower-cased). */
export function firstRole(roleAttr: string): string {
  return roleAttr.trim().toLowerCase().split(/\s+/)[0] ?? '';
}

/** The level of a role=heading element: its aria-level 1–6, else ARIA's default, 2. */
export function ariaHeadingLevel(el: Element): number {
  return ariaLevelOf(el.getAttribute('aria-level'));
}

/** The level an `aria-level` value gives a role=heading element (ARIA's default, 2, for none or one out of 1–6). */
export function ariaLevelOf(value: string | null): number {
  const level = Number.parseInt(value ?? '', 10);
  return level >= 1 && level <= 6 ? level : 2;
}

/** Sectioning elements: a header/footer inside one is not the page banner/contentinfo. */
export const SECTIONING_TAGS: ReadonlySet<string> = new Set(['article', 'aside', 'main', 'nav', 'section']);
