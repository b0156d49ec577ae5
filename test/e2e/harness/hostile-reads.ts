// Reading hostile pages, the part that does not depend on the browser driver:
// expressions (source text) evaluated in a world the page's JavaScript cannot
// touch, the init script that records the page's text at load, and waits built
// on `read`. test/e2e/hostile-helpers.ts (Chromium, CDP isolated worlds) and
// test/firefox/harness.ts (Firefox, WebDriver BiDi sandboxes) both use them.

/** Something that evaluates an expression (source text) where the page cannot interfere, and returns its JSON value. */
export interface PageReader {
  read<T>(expression: string): Promise<T>;
}

/** Source of a function that lists our markers (document and open shadow roots). */
export const MARKERS_JS = `(() => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('evidence-lens-marker') && el.hasAttribute('data-evidence-claim')) out.push(el);
      else if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
})()`;

/** { claims, tags, inside } of our markers: claim ids, tag names, and the closest enclosing special element. */
export const MARKER_SUMMARY_JS = `(() => ${MARKERS_JS}.map((el) => ({
  claim: el.getAttribute('data-evidence-claim'),
  verdict: el.getAttribute('data-evidence-verdict'),
  tag: el.localName,
  label: el.shadowRoot ? (el.shadowRoot.querySelector('button')?.getAttribute('aria-label') ?? '') : '',
  inside: el.closest('[contenteditable], textarea, input, svg')?.localName ?? null,
})))()`;

export const COUNT_JS = `document.documentElement.getAttribute('data-evidence-lens-claims')`;

/**
 * Runs in the page's world before its own scripts (so with intact built-ins):
 * keeps body.textContent as of DOMContentLoaded (the content script runs at
 * document_idle, later) and, on a 'hostile-compare' event, writes whether the
 * text is the same into <html data-hostile-text-same>. Attributes are not
 * watched by the content script, so this does not trigger a pass.
 */
export function recordTextAtLoad(): void {
  const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!.get!;
  const setAttribute = Element.prototype.setAttribute;
  const add = EventTarget.prototype.addEventListener;
  let original: string | null = null;
  add.call(document, 'DOMContentLoaded', () => {
    original = document.body ? (text.call(document.body) as string) : null;
  });
  add.call(document, 'hostile-compare', () => {
    const now = document.body ? (text.call(document.body) as string) : null;
    setAttribute.call(document.documentElement, 'data-hostile-text-same', String(original !== null && now === original));
  });
}

/** Polls `check` until it returns true or `timeout` ms pass. */
export async function until(check: () => Promise<boolean>, timeout: number, what: string): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the claim count attribute to reach `atLeast` and returns it. */
export async function waitForCount(h: PageReader, atLeast: number, timeout = 20_000): Promise<number> {
  await until(
    async () => {
      const v = await h.read<string | null>(COUNT_JS);
      return v !== null && Number(v) >= atLeast;
    },
    timeout,
    `claim count >= ${atLeast}`,
  );
  return Number(await h.read<string>(COUNT_JS));
}

/** Waits until no pass ran for `quietMs`, and returns how many passes ran in all. */
export async function settle(h: PageReader, quietMs = 400, timeout = 20_000): Promise<number> {
  const passes = (): Promise<number> => h.read<number>(`performance.getEntriesByName('evidence-lens:scan').length`);
  let last = await passes();
  let lastChange = Date.now();
  const end = Date.now() + timeout;
  while (Date.now() - lastChange < quietMs) {
    if (Date.now() > end) throw new Error('passes never settled');
    await new Promise((r) => setTimeout(r, 100));
    const now = await passes();
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    }
  }
  return last;
}
