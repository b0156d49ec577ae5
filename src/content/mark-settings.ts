// How marks look on this page, from the user's settings: highlight or underline,
// which verdicts are marked, whether all marks are hidden (the shortcut), and
// "off" (the site was added to the never-run list while the page was open).
// One state per document realm; render.ts, markers.ts and highlights.ts read it.
import type { Verdict } from '../core/types';
import type { MarkStyle } from '../shared/settings';

interface Appearance {
  markStyle: MarkStyle;
  hiddenVerdicts: ReadonlySet<Verdict>;
  /** Nothing is marked (site turned off live). */
  off: boolean;
  /** Marks kept but not shown (the keyboard shortcut). */
  hidden: boolean;
}

const state: Appearance = { markStyle: 'highlight', hiddenVerdicts: new Set(), off: false, hidden: false };

export function appearance(): Readonly<Appearance> {
  return state;
}

/** True when claims with this verdict get a mark. */
export function isMarked(verdict: Verdict): boolean {
  return !state.off && !state.hiddenVerdicts.has(verdict);
}

export interface AppearanceChange {
  /** Which marks exist changed: a re-render is needed. */
  marks: boolean;
  /** Only the look changed: restyling is enough. */
  look: boolean;
}

export function setAppearance(next: { markStyle: MarkStyle; hiddenVerdicts: readonly Verdict[]; off: boolean }): AppearanceChange {
  const verdicts = new Set(next.hiddenVerdicts);
  const sameVerdicts = verdicts.size === state.hiddenVerdicts.size && [...verdicts].every((v) => state.hiddenVerdicts.has(v));
  const change = { marks: !sameVerdicts || next.off !== state.off, look: next.markStyle !== state.markStyle };
  state.markStyle = next.markStyle;
  state.hiddenVerdicts = verdicts;
  state.off = next.off;
  return change;
}

export function setHidden(hidden: boolean): void {
  state.hidden = hidden;
}
