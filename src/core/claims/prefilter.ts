// Where in a long text could a claim, or a name that sets a sentence's subject,
// possibly be? A fast superset, so the content script reads and analyses only
// those parts of a large page (the exact detector in detect.ts then decides).
//
// Two steps over the page's text:
// 1. One literal scan (text/scanner.ts) for every pattern's anchors and every
//    name of a magnesium form. A pattern's anchors are literals every claim of
//    it contains: its cue's, or its triggers' (anchors.generated.ts), so a
//    claim's clause holds an anchor hit.
// 2. An anchor hit counts only if the pattern's triggers, loosened (no word
//    boundaries or lookarounds, so they match a superset), match within
//    WINDOW characters of it. Names always count: they decide what later
//    sentences are about, and whether the page is about MgT at all.
//
// Why loosened: the text here is the page's whole text (`textContent`), where
// blocks run together without a space ("…to cartImproves memory"); a `\b` that
// holds inside a block can fail there. What is still assumed, and documented in
// the README: a claim's clause is under WINDOW characters from its cue, and no
// hidden element's text sits inside a claim's wording.
import { scannerFromTable, type LiteralScanner } from '../text/scanner';
import type { TextSource } from '../text/text-source';
import { LOOSE_TRIGGERS, PREFILTER_SCANNER } from './anchors.generated';
import { CLAIM_PATTERNS } from './patterns';
import { runToEnd } from '../steps';

/** How far around a cue its pattern's trigger is looked for: trigger wordings hold their cue, or sit next to it. */
export const WINDOW = 200;

/** Group k < CLAIM_PATTERNS.length: pattern k's cue; the last group: names. */
const NAMES_BIT = 1 << CLAIM_PATTERNS.length;

// Built on first use: pages that never name MgT never pay for them. The scanner
// alone serves `mayHoldCandidate` (a page's changes, when the first pass's
// offsets came from our background; it then compiles no regex for short texts);
// the loosened triggers, ~17,000 characters
// of regex source, are made only where the prefilter runs here.
let scanner: LiteralScanner | null = null;
let loose: RegExp[] | null = null;

/** The scanner, built on first use. */
function theScanner(): LiteralScanner {
  // Its anchors and table are generated from the patterns (scripts/gen-anchors.ts):
  // reading the regexes here would cost every page load ~20 ms of cold JavaScript,
  // and working out the table from the anchors ~1.9 ms more.
  return (scanner ??= scannerFromTable(PREFILTER_SCANNER));
}

function buildTriggers(): RegExp[] {
  return CLAIM_PATTERNS.map((p) => new RegExp(LOOSE_TRIGGERS[p.claim], 'i'));
}

/**
 * Sorted offsets in `text` around which a claim or a name may sit, or null when
 * the text needs normalization first (invisible or compatibility characters):
 * then every part of it must be analysed.
 */
export function candidateOffsets(text: string | TextSource): number[] | null {
  return runToEnd(candidateOffsetsSteps(text));
}

/**
 * Whether a short text (one block) may hold a claim or a name: any anchor or name
 * at all, without the trigger check (keeping a block too many costs less than
 * the regexes). True also when the text needs normalization first.
 */
export function mayHoldCandidate(text: string): boolean {
  return theScanner().holds(text);
}

/**
 * Makes what `mayHoldCandidate` needs, so a page's first change does not. It compiles
 * no regex: a change's text is short, and `holds` looks for its keys without the
 * scanner's search, whose compiling (apart for one-byte and two-byte text) cost
 * every page that names MgT ~3–4 ms inside its first pass (1 MB bench page, CPU profile).
 */
export function prepareForChanges(): void {
  theScanner();
}

/** Text scanned per step of `candidateOffsetsSteps`. */
const STEP_CHARS = 1 << 14;
/**
 * The first step's text; each next step doubles, up to STEP_CHARS. The first steps
 * run cold: the key search and each trigger's regular expression are compiled on
 * first use. A first step of STEP_CHARS took ~25 ms in Chromium 150 (later ones ~1–2).
 */
const FIRST_STEP_CHARS = 1 << 10;
/** Consecutive steps overlap by more than the longest literal, so none is cut in two. */
const OVERLAP = 64;

/**
 * `candidateOffsets` in steps of STEP_CHARS, so a caller on the main thread can
 * yield between them. `text` may be pieces never joined (text-source.ts): it is
 * only read by slices.
 */
export function* candidateOffsetsSteps(text: string | TextSource): Generator<void, number[] | null, void> {
  if (scanner === null || loose === null) {
    theScanner();
    loose ??= buildTriggers();
    yield; // building costs a few ms on a page's first pass: a step of its own
  }
  const scan = theScanner();
  const triggers = loose;
  const out: number[] = [];
  // Per pattern: the current run of anchor hits, tested together once it ends.
  const runStart = new Int32Array(triggers.length).fill(-1);
  const runEnd = new Int32Array(triggers.length);
  const runHits: number[][] = triggers.map(() => []);
  // The step being scanned: most windows lie inside it, and a slice of it shares
  // its memory, where a slice of pieces joins them (5 MB bench text in Node: 65 → 62 ms).
  let step = '';
  let stepBase = 0;
  const flush = (k: number): void => {
    const hits = runHits[k] as number[];
    const from = Math.max(0, (runStart[k] as number) - WINDOW);
    const to = Math.min(text.length, (runEnd[k] as number) + WINDOW);
    // Raw text: the loosened triggers accept the characters normalization would fold.
    const window = from >= stepBase && to <= stepBase + step.length ? step.slice(from - stepBase, to - stepBase) : text.slice(from, to);
    if ((triggers[k] as RegExp).test(window)) for (const h of hits) out.push(h);
    hits.length = 0;
    runStart[k] = -1;
  };
  const onHit = (end: number, mask: number): void => {
    if (mask & NAMES_BIT) out.push(end - 1);
    for (let k = 0, m = mask & (NAMES_BIT - 1); m !== 0; k++, m >>>= 1) {
      if ((m & 1) === 0) continue;
      // Hits close together share one test, but a run never grows past one window.
      if ((runStart[k] as number) >= 0 && end - (runStart[k] as number) > WINDOW) flush(k);
      if ((runStart[k] as number) < 0) runStart[k] = end;
      runEnd[k] = Math.max(runEnd[k] as number, end);
      (runHits[k] as number[]).push(end - 1);
    }
  };
  for (let from = 0, chars = FIRST_STEP_CHARS; from < text.length; from += chars, chars = Math.min(STEP_CHARS, chars * 2)) {
    if (from > 0) yield;
    const lo = Math.max(0, from - OVERLAP);
    const hi = Math.min(text.length, from + chars);
    // One character more before the step: the scanner looks at it to tell where a word starts.
    const base = Math.max(0, lo - 1);
    step = text.slice(base, hi);
    stepBase = base;
    if (!scan.scan(step, (end, mask) => onHit(base + end, mask), lo - base, hi - base)) return null;
  }
  for (let k = 0; k < triggers.length; k++) if ((runStart[k] as number) >= 0) flush(k);
  out.sort((a, b) => a - b);
  return out.filter((x, i) => i === 0 || x !== out[i - 1]);
}
