// What the lazily loaded card needs; kept apart so the initial bundle imports types only.
import type { ClaimReport } from '../core/types';

export interface CardData {
  report: ClaimReport;
  /** Short human label of the claim. */
  label: string;
}

/** Where the card points: the marker, or the highlighted words (a Range). */
export type CardAnchor = Element | Range;

export interface CardCallbacks {
  onPointerEnter(): void;
  onPointerLeave(): void;
  /** The reader asked for the details in the popup. */
  onDetails(): void;
}
