// Messages for the settings features, kept apart from messages.ts (the core
// popup ↔ page contract):
//   popup / background → content  RunRequest     → RunResponse     (on-click mode: read this page now)
//   background         → content  ToggleRequest  → ToggleResponse  (the keyboard shortcut)
// The content script answers with the browser's own runtime API (no polyfill).

export interface RunRequest {
  type: 'evidence-lens:run';
}

export interface RunResponse {
  /** False on a site in the "never run" list. */
  ok: boolean;
}

export interface ToggleRequest {
  type: 'evidence-lens:toggle-marks';
}

export interface ToggleResponse {
  /** True when the marks are now hidden. */
  hidden: boolean;
}

export type SettingsRequest = RunRequest | ToggleRequest;

export function isSettingsRequest(x: unknown): x is SettingsRequest {
  if (typeof x !== 'object' || x === null) return false;
  const type = (x as { type?: unknown }).type;
  return type === 'evidence-lens:run' || type === 'evidence-lens:toggle-marks';
}

type Listener = (message: unknown, sender: unknown, sendResponse: (response?: unknown) => void) => boolean | undefined;

interface RuntimeLike {
  onMessage: { addListener(fn: Listener): void; removeListener(fn: Listener): void };
}

/** Content-script side. Returns a remover. */
export function onSettingsRequest(handlers: {
  run: () => RunResponse | Promise<RunResponse>;
  toggle: () => ToggleResponse | Promise<ToggleResponse>;
}): () => void {
  const g = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  const rt = g.browser?.runtime ?? g.chrome?.runtime;
  if (!rt) return () => undefined;
  const listener: Listener = (message, _sender, sendResponse) => {
    if (!isSettingsRequest(message)) return undefined;
    Promise.resolve()
      .then(() => (message.type === 'evidence-lens:run' ? handlers.run() : handlers.toggle()))
      .then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  rt.onMessage.addListener(listener);
  return () => rt.onMessage.removeListener(listener);
}
