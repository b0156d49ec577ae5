// Functions the benchmark runs inside the page (passed to page.evaluate, so
// each is self-contained: no imports, no closures over this module).

export interface Timed {
  ms: number;
  /** Characters read (floor), matches found (regex, mark.js) or 1/0 (gate). */
  n: number;
}

/** The floor: read every text node of the body once with a TreeWalker. */
export function floorRead(): Timed {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) n += (node as Text).data.length;
  return { ms: performance.now() - t0, n };
}

/** Floor + one combined claim regex over the joined text. */
export function floorRegex(source: string): Timed {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) parts.push((node as Text).data);
  const text = parts.join('');
  const re = new RegExp(source, 'gi');
  let n = 0;
  while (re.exec(text) !== null) n++;
  return { ms: performance.now() - t0, n };
}

/** The cheap gate: body.textContent and one "does it name MgT" test. */
export function cheapGate(): Timed {
  const t0 = performance.now();
  const hit = /threon|magtein|neuro-?mag|\bMgT\b/i.test(document.body.textContent ?? '');
  return { ms: performance.now() - t0, n: hit ? 1 : 0 };
}

/** mark.js markRegExp with the same regex, across elements (mark.js must be injected first). */
export function markJs(source: string): Promise<Timed> {
  return new Promise((resolve) => {
    const Mark = (window as unknown as { Mark: new (el: Element) => { markRegExp: (re: RegExp, o: object) => void } }).Mark;
    let n = 0;
    const t0 = performance.now();
    new Mark(document.body).markRegExp(new RegExp(source, 'gi'), {
      acrossElements: true,
      each: () => n++,
      done: () => resolve({ ms: performance.now() - t0, n }),
    });
  });
}

/** Installed before any page script: records long tasks and when the claim count appears. */
export function installProbes(): void {
  const w = window as unknown as { __bench: { longTasks: { start: number; duration: number }[]; countAt: number | null } };
  w.__bench = { longTasks: [], countAt: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask unsupported: reported as an empty list
  }
  const watch = (): void => {
    new MutationObserver(() => {
      if (w.__bench.countAt === null && document.documentElement.hasAttribute('data-evidence-lens-claims')) {
        w.__bench.countAt = performance.now();
      }
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-evidence-lens-claims'] });
  };
  if (document.documentElement) watch();
  else document.addEventListener('readystatechange', watch, { once: true });
}

export interface ExtensionRun {
  claims: number;
  /** Sum of evidence-lens:slice measures (our main-thread work). */
  work: number;
  longestSlice: number;
  slices: number;
  /** evidence-lens:scan (wall time of the first pass); null when no pass ran (gate closed). */
  wall: number | null;
  /**
   * The first pass's prefilter and detection in the extension's background (its `detail.offThreadMs`):
   * our work, but not on the page's thread. Null when it ran on the page's thread,
   * or the detail cannot be read (Firefox keeps a content script's objects from the page).
   */
  background: number | null;
  /** Navigation start → data-evidence-lens-claims set. */
  navToCount: number;
  /** Long tasks (≥ 50 ms) overlapping our work, and the longest. */
  longTasks: number;
  longestTask: number;
}

/**
 * Waits for the first pass (or the closed gate) to finish, then reads our User
 * Timing. The count goes on the page when the gate closes, or when a first pass
 * ends (which marked its start): so no caller need know which the page gets (a
 * page of one's own: own-pages.ts).
 */
export async function readExtensionRun({ timeoutMs }: { timeoutMs: number }): Promise<ExtensionRun> {
  const w = window as unknown as { __bench: { longTasks: { start: number; duration: number }[]; countAt: number | null } };
  const deadline = performance.now() + timeoutMs;
  const done = (): boolean =>
    document.documentElement.hasAttribute('data-evidence-lens-claims') &&
    (performance.getEntriesByName('evidence-lens:start').length === 0 || performance.getEntriesByName('evidence-lens:scan').length > 0);
  while (!done()) {
    if (performance.now() > deadline) throw new Error('timed out waiting for evidence-lens');
    await new Promise((r) => setTimeout(r, 20));
  }
  // Let a closed gate finish its slice measure (it is recorded right after the count).
  await new Promise((r) => setTimeout(r, 50));
  const slices = performance.getEntriesByName('evidence-lens:slice');
  const scan = performance.getEntriesByName('evidence-lens:scan')[0];
  const first = slices[0]?.startTime ?? 0;
  const last = slices.reduce((m, s) => Math.max(m, s.startTime + s.duration), first);
  const ours = w.__bench.longTasks.filter((t) => t.start + t.duration > first && t.start < last);
  return {
    claims: Number(document.documentElement.getAttribute('data-evidence-lens-claims')),
    work: slices.reduce((a, s) => a + s.duration, 0),
    longestSlice: slices.reduce((m, s) => Math.max(m, s.duration), 0),
    slices: slices.length,
    wall: scan?.duration ?? null,
    background: (() => {
      // Inline: this function runs in the page, serialized on its own.
      try {
        const ms = ((scan as PerformanceMeasure | undefined)?.detail as { offThreadMs?: unknown } | null | undefined)?.offThreadMs;
        return typeof ms === 'number' ? ms : null;
      } catch {
        return null; // Firefox: the content script's object
      }
    })(),
    navToCount: w.__bench.countAt ?? performance.now(),
    longTasks: ours.length,
    longestTask: ours.reduce((m, t) => Math.max(m, t.duration), 0),
  };
}

export interface LateRun {
  /** Insertion → claim count updated. */
  latency: number;
  /** Sum of our slices after the insertion. */
  work: number;
  /** Passes started after the insertion (a storm must collapse into one). */
  passes: number;
}

/**
 * Inserts a claim paragraph in the middle of the page, then `storm` more small
 * changes nearby, each in its own task, and measures until the count includes it.
 */
export async function lateInsertion({ html, storm, timeoutMs }: { html: string; storm: number; timeoutMs: number }): Promise<LateRun> {
  const root = document.documentElement;
  const before = Number(root.getAttribute('data-evidence-lens-claims'));
  const starts = (): number => performance.getEntriesByName('evidence-lens:start').length;
  const scans = (): number => performance.getEntriesByName('evidence-lens:scan').length;
  const passesBefore = starts();
  const scansBefore = scans();
  let countedAt: number | null = null;
  const watcher = new MutationObserver(() => {
    if (countedAt === null && Number(root.getAttribute('data-evidence-lens-claims')) > before) countedAt = performance.now();
  });
  watcher.observe(root, { attributes: true, attributeFilter: ['data-evidence-lens-claims'] });
  const cards = document.querySelectorAll('.card');
  const host = cards[Math.floor(cards.length / 2)] ?? document.body;
  const t0 = performance.now();
  const p = document.createElement('p');
  p.innerHTML = html;
  host.append(p);
  for (let i = 0; i < storm; i++) {
    await new Promise((r) => setTimeout(r, 1));
    const s = document.createElement('span');
    s.textContent = ` ${i}`;
    host.append(s);
  }
  const deadline = t0 + timeoutMs;
  while (countedAt === null || scans() === scansBefore) {
    if (performance.now() > deadline) throw new Error('late insertion was not annotated');
    await new Promise((r) => setTimeout(r, 5));
  }
  watcher.disconnect();
  // A storm that did not collapse would start more passes shortly after.
  await new Promise((r) => setTimeout(r, 200));
  const work = performance
    .getEntriesByName('evidence-lens:slice')
    .filter((s) => s.startTime >= t0)
    .reduce((a, s) => a + s.duration, 0);
  return { latency: (countedAt as number) - t0, work, passes: starts() - passesBefore };
}

/** What a list appended at once cost us: the longest of our slices after it, and their sum. */
export interface RowsRun {
  longestSlice: number;
  work: number;
}

/**
 * Appends `rows` elements named `tag` at once to the page's `<main>` (or `<body>`), a
 * list rendered again, one of them holding a claim; waits until it is counted and
 * the passes are done. `<div>` rows are blocks, each a part of the change; rows of an
 * unknown tag (`x-row`) are inline, one run of siblings with all that came before.
 */
export async function rowsAppended({ tag, rows, timeoutMs }: { tag: string; rows: number; timeoutMs: number }): Promise<RowsRun> {
  const root = document.documentElement;
  const before = Number(root.getAttribute('data-evidence-lens-claims'));
  const scans = (): number => performance.getEntriesByName('evidence-lens:scan').length;
  const starts = (): number => performance.getEntriesByName('evidence-lens:start').length;
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < rows; i++) {
    const row = document.createElement(tag);
    row.innerHTML = i === rows >> 1 ? '<b>Neuro-Mag</b> is not a laxative. ' : `<span>Row ${i}</span> <b>in stock</b> `;
    fragment.append(row);
  }
  const t0 = performance.now();
  (document.querySelector('main') ?? document.body).append(fragment);
  const deadline = t0 + timeoutMs;
  while (Number(root.getAttribute('data-evidence-lens-claims')) <= before || scans() < starts()) {
    if (performance.now() > deadline) throw new Error('appended rows were not annotated');
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 200));
  const slices = performance.getEntriesByName('evidence-lens:slice').filter((s) => s.startTime >= t0);
  return { longestSlice: Math.max(0, ...slices.map((s) => s.duration)), work: slices.reduce((a, s) => a + s.duration, 0) };
}

/**
 * Opens the first marker's card (a click on its button) and waits until the card
 * is placed: placing it measures layout, by design, so it serves as the control
 * that the forced-layout trace sees our scripts.
 */
export async function openFirstCard({ timeoutMs }: { timeoutMs: number }): Promise<void> {
  const host = document.querySelector('evidence-lens-marker');
  const button = host?.shadowRoot?.querySelector('button');
  if (!host || !button) throw new Error('no marker to open');
  button.click();
  const deadline = performance.now() + timeoutMs;
  while (host.shadowRoot?.querySelector('.card') == null) {
    if (performance.now() > deadline) throw new Error('the card did not open');
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
}
