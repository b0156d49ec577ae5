// Badge text and colour for a tab's claim count. Pure: no browser imports.

/** A calm teal, not an alarm red: the badge says "there is something to read", not "danger". */
export const BADGE_COLOR = '#0f766e';

/** '' for none (hides the badge), the number up to 99, then '99+' (the badge fits ~4 characters). */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}
