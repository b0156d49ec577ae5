// Content script entry, injected into every frame at document_idle. It is one
// classic script with no imports (crxjs then injects it as it is, without its
// module loader), and it decides only whether to load the content script proper
// (start.ts): always in the top frame; in a frame, once the frame is at least
// MIN_FRAME_WIDTH wide. A hidden frame (display:none) or a pixel (1×1) shows no
// text to mark, and each frame loading start.ts cost the page's main thread
// ~2.5 ms (pages carry many such frames: ad slots, syncs, trackers). The size
// comes from a ResizeObserver: reading innerWidth or matchMedia in a frame
// forces the parent page's layout when it is dirty (measured: 3–8 forced
// layouts on a page that keeps changing), and an observer does not.
import startFile from './start.ts?script&module';

/** Narrower frames show no readable text. Only the width is judged: a frame's
 * content can be out of flow (absolutely placed), leaving the root element with
 * no height. */
const MIN_FRAME_WIDTH = 5;

// Chrome and Firefox both give content scripts `chrome.runtime` (the polyfill
// would be an import). Firefox's linter accepts a dynamic import of a
// `chrome.runtime.getURL(…)` call, as crxjs's own loader does.
declare const chrome: { runtime: { getURL(path: string): string } };

function load(): void {
  // Never leak to the page, whether the import fails or the call does.
  try {
    import(/* @vite-ignore */ chrome.runtime.getURL(startFile)).catch(() => undefined);
  } catch {
    // (the extension was reloaded: this old script has no runtime left)
  }
}

function whenWideEnough(root: Element): void {
  const observer = new ResizeObserver((entries) => {
    const last = entries[entries.length - 1];
    if (last === undefined || last.contentRect.width < MIN_FRAME_WIDTH) return;
    observer.disconnect();
    load();
  });
  observer.observe(root);
}

try {
  const root = document.documentElement;
  if (window === window.top || root === null || typeof ResizeObserver !== 'function') load();
  else whenWideEnough(root);
} catch {
  // never leak to the page
}
