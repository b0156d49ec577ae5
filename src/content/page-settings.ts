// The user's settings as they apply to this page: is the site in the never-run
// list, when to start, and how marks look. Reads storage.sync once, then follows
// changes made in the options page or the popup while the page is open.
// Statically imported by the entry (index.ts), so it stays small: the modules
// that draw marks are loaded only when there are marks to restyle.
import type { Settings } from '../shared/settings';
import { isSiteBlocked, siteOf } from '../shared/settings';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { setAppearance, setHidden, appearance, type AppearanceChange } from './mark-settings';

/** The address of the tab's page (frames follow their tab's site). */
export function topPageUrl(): string {
  try {
    const href = window.top?.location.href;
    if (href) return href;
  } catch {
    // Cross-origin frame: the outermost ancestor origin is the tab's site.
  }
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  const last = ancestors && ancestors.length > 0 ? ancestors.item(ancestors.length - 1) : null;
  return last ?? location.href;
}

/**
 * Whether the never-run list holds this tab's site. With the list empty (as most
 * people keep it) the page's address is not read: in every frame of every page,
 * reading it (a cross-origin frame's `window.top` throws) and parsing it cost
 * 0.5–0.7 ms of script before the gate, in CPU profiles.
 */
export function siteBlocked(settings: Pick<Settings, 'blockedSites'>, url: () => string = topPageUrl): boolean {
  if (settings.blockedSites.length === 0) return false;
  return isSiteBlocked(settings, siteOf(url()));
}

/** Records the look settings (read by the next render); says what changed. */
export function applyLook(settings: Settings, blocked = siteBlocked(settings)): AppearanceChange {
  return setAppearance({ markStyle: settings.markStyle, hiddenVerdicts: settings.hiddenVerdicts, off: blocked });
}

/** Redraws existing marks with the current look (call only once marks may exist). */
export async function restyle(doc: Document): Promise<void> {
  const [{ restyleHighlights }, { refreshMarkersHidden }] = await Promise.all([import('./highlights'), import('./markers')]);
  restyleHighlights(doc);
  refreshMarkersHidden();
}

/** Shows or hides every mark (the keyboard shortcut). Returns true when now hidden. */
export function setMarksHidden(hidden = !appearance().hidden): boolean {
  setHidden(hidden);
  return hidden;
}

export { loadSettings, onSettingsChanged };
