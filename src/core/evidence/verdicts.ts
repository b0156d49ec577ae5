// How each verdict is shown: a plain label, a one-line meaning, a glyph (so a
// verdict is never told by colour alone) and colours for light and dark mode.
// Every `fg` meets WCAG AA (4.5:1) on both the card background and its own
// `bg` badge tint; test/unit/evidence.test.ts checks the ratios.
import type { Verdict } from '../types';

export interface VerdictColours {
  /** Text/accent colour of the verdict. */
  fg: string;
  /** Tinted badge background behind `fg`. */
  bg: string;
}

export interface VerdictStyle {
  label: string;
  /** One line: what the verdict means. */
  explanation: string;
  /** Short symbol shown next to the label. */
  glyph: string;
  light: VerdictColours;
  dark: VerdictColours;
}

/** Card background the verdict colours are designed for. */
export const CARD_BACKGROUND = { light: '#ffffff', dark: '#1f2023' } as const;

export const VERDICT_STYLES: Readonly<Record<Verdict, VerdictStyle>> = {
  supported: {
    label: 'Supported',
    explanation: 'Consistent human evidence: several independent randomized trials or a meta-analysis.',
    glyph: '●',
    light: { fg: '#166534', bg: '#dcfce7' },
    dark: { fg: '#86efac', bg: '#14361f' },
  },
  limited: {
    label: 'Limited human evidence',
    explanation: 'Some human evidence, but small, short, unreplicated or funded by the seller.',
    glyph: '◐',
    light: { fg: '#854d0e', bg: '#fef3c7' },
    dark: { fg: '#fcd34d', bg: '#3d2e05' },
  },
  'animal-only': {
    label: 'Animal study only',
    explanation: 'Shown in animals or cells only, not in people.',
    glyph: '○',
    light: { fg: '#6b21a8', bg: '#f3e8ff' },
    dark: { fg: '#d8b4fe', bg: '#2e1a47' },
  },
  overstated: {
    label: 'Overstated',
    explanation: 'Goes beyond what any evidence shows.',
    glyph: '!',
    light: { fg: '#9a3412', bg: '#ffedd5' },
    dark: { fg: '#fdba74', bg: '#431c07' },
  },
  inaccurate: {
    label: 'Inaccurate',
    explanation: 'Factually wrong.',
    glyph: '✗',
    light: { fg: '#b91c1c', bg: '#fee2e2' },
    dark: { fg: '#fca5a5', bg: '#450a0a' },
  },
  accurate: {
    label: 'Accurate',
    explanation: 'A correct factual statement, not a claim that the product works.',
    glyph: '✓',
    light: { fg: '#1e40af', bg: '#dbeafe' },
    dark: { fg: '#93c5fd', bg: '#172554' },
  },
  'not-evaluable': {
    label: 'Not testable (label language)',
    explanation: 'Marketing or label language that evidence cannot test.',
    // Not "?": that glyph marks claims a page hedges or denies.
    glyph: '–',
    light: { fg: '#4b5563', bg: '#f3f4f6' },
    dark: { fg: '#d1d5db', bg: '#2b2f36' },
  },
};

export function verdictLabel(verdict: Verdict): string {
  return VERDICT_STYLES[verdict].label;
}
