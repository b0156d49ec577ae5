// Handing selected text to the pasted-text page. The text goes into
// storage.session (memory only; extension pages only), not into the URL: a
// selection can be long, and page text does not belong in an address or history.
import { storageApi } from '../shared/settings-store';

export const PASTE_PAGE = 'src/paste/index.html';
const PREFIX = 'paste:';
/** Longer selections are cut here (a long article; storage.session holds 10 MB). */
export const MAX_PASTE_CHARS = 100_000;

function area() {
  const a = storageApi()?.session;
  if (!a) throw new Error('storage.session is not available');
  return a;
}

export async function storeSelection(text: string): Promise<string> {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  await area().set({ [PREFIX + id]: text.slice(0, MAX_PASTE_CHARS) });
  return id;
}

/** The stored text (removed once read), or null. */
export async function takeSelection(id: string): Promise<string | null> {
  const a = area();
  const got = await a.get(PREFIX + id);
  const text = got[PREFIX + id];
  await a.remove(PREFIX + id).catch(() => undefined);
  return typeof text === 'string' ? text : null;
}

export function pastePagePath(id?: string): string {
  return id ? `${PASTE_PAGE}?k=${encodeURIComponent(id)}` : PASTE_PAGE;
}
