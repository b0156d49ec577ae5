// The popup's own palette (popup.css) meets WCAG AA in light and dark mode.
// Verdict colours are checked with the evidence data (evidence.test.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contrastRatio } from '../../src/core/evidence/contrast';

const css = readFileSync(new URL('../../src/popup/popup.css', import.meta.url), 'utf8');

/** Custom properties of the first `:root { … }` block after `from` in the stylesheet. */
function palette(from: number): Record<string, string> {
  const start = css.indexOf(':root {', from);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1]!, m[2]!]));
}

const light = palette(0);
const dark = palette(css.indexOf('@media (prefers-color-scheme: dark)'));

describe.each([
  ['light', light],
  ['dark', dark],
])('%s palette', (_name, p) => {
  it('defines every colour', () => {
    for (const k of ['bg', 'ink', 'muted', 'soft', 'link', 'accent', 'warn-fg', 'warn-bg', 'focus', 'line']) {
      expect(p[k], k).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });
  it.each([
    ['ink', 'bg'],
    ['ink', 'soft'],
    ['muted', 'bg'],
    ['muted', 'soft'],
    ['link', 'bg'],
    ['accent', 'soft'],
    ['warn-fg', 'warn-bg'],
  ])('%s on %s is at least 4.5:1', (fg, bg) => {
    expect(contrastRatio(p[fg]!, p[bg]!)).toBeGreaterThanOrEqual(4.5);
  });
  it('focus ring is at least 3:1 against the background', () => {
    expect(contrastRatio(p.focus!, p.bg!)).toBeGreaterThanOrEqual(3);
  });
});

it('the dark background is the card background the verdict colours were checked on', async () => {
  const { CARD_BACKGROUND } = await import('../../src/core/evidence/verdicts');
  expect(light.bg?.toLowerCase()).toBe(CARD_BACKGROUND.light);
  expect(dark.bg?.toLowerCase()).toBe(CARD_BACKGROUND.dark);
});
