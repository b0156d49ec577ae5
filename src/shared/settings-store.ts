// Settings in storage.sync, through the browser's own API (no polyfill: the
// content script reads settings on every page). Every function takes the
// storage area so tests can pass a fake one.
import { SETTINGS_VERSION, readSettings, toStored, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';

/** The part of a storage area we use (chrome.storage.sync and browser.storage.sync both fit). */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}
type ChangedListener = (changes: Record<string, StorageChange>, areaName: string) => void;

interface StorageApi {
  sync?: StorageAreaLike;
  session?: StorageAreaLike & { remove(keys: string | string[]): Promise<void> };
  onChanged?: { addListener(fn: ChangedListener): void; removeListener(fn: ChangedListener): void };
}

export function storageApi(): StorageApi | null {
  const g = globalThis as { browser?: { storage?: StorageApi }; chrome?: { storage?: StorageApi } };
  return g.browser?.storage ?? g.chrome?.storage ?? null;
}

export function syncArea(): StorageAreaLike | null {
  return storageApi()?.sync ?? null;
}

/** The stored settings, or the defaults when there are none, they are corrupt, or storage fails. Never throws. */
export async function loadSettings(area: StorageAreaLike | null = syncArea()): Promise<Settings> {
  if (area === null) return readSettings(undefined);
  try {
    const got = await area.get(SETTINGS_KEY);
    return readSettings(got?.[SETTINGS_KEY]);
  } catch {
    return readSettings(undefined);
  }
}

export async function saveSettings(settings: Settings, area: StorageAreaLike | null = syncArea()): Promise<void> {
  if (area === null) throw new Error('storage is not available');
  await area.set({ [SETTINGS_KEY]: toStored(settings) });
}

/**
 * Read, change, write: the change sees every other setting as stored, so a
 * change to one never resets the rest. Resolves to what was written.
 */
export async function updateSettings(
  change: (current: Settings) => Settings,
  area: StorageAreaLike | null = syncArea(),
): Promise<Settings> {
  const next = change(await loadSettings(area));
  await saveSettings(next, area);
  return next;
}

/** Calls `listener` with the new settings whenever another context changes them. Returns a remover. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const api = storageApi();
  if (!api?.onChanged) return () => undefined;
  const fn: ChangedListener = (changes, areaName) => {
    const change = changes[SETTINGS_KEY];
    if (areaName !== 'sync' || change === undefined) return;
    try {
      listener(readSettings(change.newValue));
    } catch {
      // A listener's error must not break the others.
    }
  };
  api.onChanged.addListener(fn);
  return () => api.onChanged?.removeListener(fn);
}

export { SETTINGS_VERSION };
