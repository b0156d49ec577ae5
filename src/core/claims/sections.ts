// Claim detection one section at a time: a full detection cut into windows of
// whole sections (so no step touches the whole page), and after a change, only
// the section around the changed blocks detected again, every other match kept
// (its block index shifted). The content script runs these on the main thread.
//
// Why a section is enough (detect.ts, context.ts): a block's matches depend on
// (1) its own text, (2) the subject carried from earlier blocks, which resets at
// every section start, (3) its section's subject, from the open headings above
// it, and (4) whether the page is about MgT. So: detect from the section start
// before the change to the one after it, with the open headings above prepended
// and (4) passed in as `aboutMgt` — or, since (2) is recorded after every block
// (`Detected.states`), from right before the change, resuming from the state the
// block before it left; and, when no heading changed, only until the state after a
// block is as it was (every block after it then detects as it did, as the subject
// it carries in is the same). A heading added or taken away changes the
// sections up to the next heading that closes it (one of its level or above: from
// there on the open headings are the same again), so the window reaches that far;
// a change to (4) needs a full detection. test/unit/sections.test.ts checks the
// result equals a full detection.
import type { ClaimMatch, TextBlock } from '../types';
import { aboutMgtSteps, countsAsMention, headingSubject, sectionStart } from './context';
import { detectClaimsSteps, type SubjectState } from './detect';
import { textToMatch } from './match-text';
import { HUGE_TEXT, windowsOf } from '../text/windows';

/** A run of blocks replaced by another (block indices of the page after the edit). */
export interface SectionEdit {
  at: number;
  removed: readonly TextBlock[];
  added: readonly TextBlock[];
  /**
   * Every heading among `added` was on the page before, merely not indexed (a
   * sparse index reads a heading only once a block under it matters): new
   * section starts then change no section, as long as none of `removed` went away.
   */
  headingsWereThere?: boolean;
  /**
   * When one huge block was read again (text appended to a <pre> log, or a block put
   * in its middle): how many first characters the first added block shares with the
   * removed one. Detection then resumes inside it, at the last window the two share
   * (`Detected.windows`).
   */
  unchangedPrefix?: number;
}

/** Whether a section start's heading is the same (level, text, region, tag). */
function sameHeading(a: TextBlock, b: TextBlock): boolean {
  return a.headingLevel === b.headingLevel && a.text === b.text && a.region === b.region && a.tag === b.tag;
}

/**
 * Whether two block lists read the same to detection, block for block (text, level,
 * region, tag): matches found in one hold, at the same indices, in the other.
 */
export function sameBlocks(a: readonly TextBlock[], b: readonly TextBlock[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || sameHeading(x, b[i] as TextBlock));
}

/**
 * Whether two section starts give the sections under them the same subject: same
 * level, and the same subject of their own (whatever their words). A heading's text
 * set anew ("Supplements" → "Supplements on sale") changes only its own block.
 */
function sameSection(a: TextBlock, b: TextBlock): boolean {
  return a.headingLevel === b.headingLevel && headingSubject(textToMatch(a.text)) === headingSubject(textToMatch(b.text));
}

/**
 * Whether an edit leaves every section as it was: section starts that give the same
 * subjects, in order; or, when the added headings were there all along, at least
 * every removed section start still there, in order.
 */
function keepsSections(edit: SectionEdit): boolean {
  const before = edit.removed.filter(sectionStart);
  const after = edit.added.filter(sectionStart);
  if (!edit.headingsWereThere) return before.length === after.length && before.every((h, i) => sameSection(h, after[i] as TextBlock));
  let j = 0;
  for (const h of before) {
    while (j < after.length && !sameHeading(h, after[j] as TextBlock)) j++;
    if (j++ >= after.length) return false;
  }
  return true;
}

/**
 * The headings still open at block `w0` (the detection's section stack there),
 * outermost first: openHeadings over the blocks, as a plain loop that reads one
 * field of each block passed over. A change's rescan asks this of the page's blocks
 * before it (all of them, on a page without an `<h1>`): through a function per
 * block, ~0.3–0.5 ms of a paragraph put mid-page on a 5 MB page dense with claims.
 */
function openAt(blocks: readonly TextBlock[], w0: number): TextBlock[] {
  let level = w0 < blocks.length && sectionStart(blocks[w0] as TextBlock) ? (blocks[w0] as TextBlock).headingLevel : 7;
  const open: TextBlock[] = [];
  for (let i = Math.min(w0, blocks.length) - 1; i >= 0 && level > 1; i--) {
    const b = blocks[i] as TextBlock;
    if (b.headingLevel === 0 || b.headingLevel >= level || !sectionStart(b)) continue;
    open.push(b);
    level = b.headingLevel;
  }
  return open.reverse();
}

/**
 * Blocks known to hold nothing detection could use: no claim, no name of a form
 * (the prefilter found no candidate in them). Detection passes over them; headings
 * are never passed over. Equal results (test/unit/kept-blocks.test.ts): such a block
 * holds no claim, carries no subject, and does not make the page about MgT, and
 * sections come from headings. A block's text never changes (a changed part is
 * read into new blocks), so what is known of a block stays true.
 */
export type SkipBlock = (block: TextBlock) => boolean;

/** Matches in blocks [w0, w1) (w0 a section start or 0, w1 a section start or the end), in page indices. */
function* detectWindow(
  blocks: readonly TextBlock[],
  w0: number,
  w1: number,
  open: readonly TextBlock[],
  about: boolean,
  skip: SkipBlock | undefined,
  states: SubjectState[],
  windows: WeakMap<TextBlock, WindowState[]>,
  resume?: SubjectState,
  inside?: { from: number; kept: WindowState[] },
  until?: (i: number, state: SubjectState) => boolean,
): Generator<number, ClaimMatch[], void> {
  const at: number[] = [];
  const part: TextBlock[] = [];
  for (let i = w0; i < w1; i++) {
    const b = blocks[i] as TextBlock;
    if (skip !== undefined && b.headingLevel === 0 && skip(b)) continue;
    at.push(i);
    part.push(b);
  }
  // Each block's list of window states starts anew when detection reaches it (with the windows kept, resuming inside).
  const started = new Set<TextBlock>();
  const found = yield* detectClaimsSteps([...open, ...part], {
    aboutMgt: about,
    // (After the open headings, which reset what is carried, as they did there.)
    resume: resume === undefined ? undefined : { at: open.length, state: resume, ...(inside ? { from: inside.from } : {}) },
    onBlockEnd: (k, state) => {
      if (k >= open.length) states[at[k - open.length] as number] = state;
    },
    ...(until ? { until: (k: number, state: SubjectState) => k >= open.length && until(at[k - open.length] as number, state) } : {}),
    onWindowEnd: (k, end, state) => {
      if (k < open.length) return;
      const b = part[k - open.length] as TextBlock;
      if (!started.has(b)) {
        started.add(b);
        windows.set(b, k === open.length && inside ? [...inside.kept] : []);
      }
      windows.get(b)?.push({ end, state });
    },
  });
  // A block passed over changes nothing: the state after it is the one before.
  const out: ClaimMatch[] = [];
  let j = 0;
  for (let i = w0; i < w1; i++) {
    if (at[j] === i) j++;
    else states[i] = i > w0 ? (states[i - 1] as SubjectState) : (resume ?? NO_STATE);
  }
  for (const m of found) if (m.block >= open.length) out.push({ ...m, block: at[m.block - open.length] as number });
  return out;
}

/**
 * The matches left after an edit replaced blocks [at, end) by blocks that shift the
 * later ones by `delta`: those before kept as they are, those inside dropped, those
 * after moved. (Matches are in block order: found by binary search, copied natively;
 * a loop over all of them per change cost ~0.3 ms on a page of 5,485 claims, in Node.)
 */
function shiftMatches(matches: readonly ClaimMatch[], at: number, end: number, delta: number): ClaimMatch[] {
  const rest = matches.slice(firstMatchAt(matches, end));
  return matches.slice(0, firstMatchAt(matches, at)).concat(delta === 0 ? rest : rest.map((m) => ({ ...m, block: m.block + delta })));
}

/** The index of the first of `matches` (in block order, as the core lists them) in block `block` or after it. */
function firstMatchAt(matches: readonly ClaimMatch[], block: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid] as ClaimMatch).block < block) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The state before the first block of a page. */
export const NO_STATE: SubjectState = { carried: null, section: undefined };

/** Characters of text per window of a full detection (a window's first step reads the context of all of it at once). */
const WINDOW_CHARS = 20_000;

/**
 * Full detection, equal to the core's `detectClaims(blocks, { title })`, but run
 * section by section (sections grouped into windows of ~WINDOW_CHARS), so no
 * step touches the whole page at once; passing over the blocks `skip` names.
 */
export function* detectSectionsSteps(
  blocks: readonly TextBlock[],
  title: string,
  windowChars = WINDOW_CHARS,
  skip?: SkipBlock,
): Generator<number, Detected, void> {
  const about = yield* aboutMgtSteps(blocks, title);
  const matches: ClaimMatch[] = [];
  const states: SubjectState[] = new Array(blocks.length);
  const windows = new WeakMap<TextBlock, WindowState[]>();
  // The core's section stack, kept up to date as windows advance.
  const stack: TextBlock[] = [];
  let w0 = 0;
  while (w0 < blocks.length) {
    let w1 = w0 + 1;
    let chars = (blocks[w0] as TextBlock).text.length;
    while (w1 < blocks.length && (chars < windowChars || !sectionStart(blocks[w1] as TextBlock))) {
      chars += (blocks[w1] as TextBlock).text.length;
      w1++;
    }
    const first = blocks[w0] as TextBlock;
    if (sectionStart(first)) while (stack.length > 0 && (stack[stack.length - 1] as TextBlock).headingLevel >= first.headingLevel) stack.pop();
    for (const m of yield* detectWindow(blocks, w0, w1, [...stack], about, skip, states, windows)) matches.push(m);
    for (let i = w0; i < w1; i++) {
      const b = blocks[i] as TextBlock;
      if (!sectionStart(b)) continue;
      while (stack.length > 0 && (stack[stack.length - 1] as TextBlock).headingLevel >= b.headingLevel) stack.pop();
      stack.push(b);
    }
    w0 = w1;
  }
  return { matches, about, title, states, windows };
}

export interface Detected {
  matches: ClaimMatch[];
  /** Whether the page counts as about MgT (needed by the next rescan). */
  about: boolean;
  /** The title `about` was decided with: a new one may change it (a page's "(1) New message"). */
  title: string;
  /**
   * Per block, detection's state after it: a rescan resumes right before the first
   * changed block, not at its section's start (a section holding one huge block, or
   * a long one, is not detected again for a paragraph added after it).
   */
  states: SubjectState[];
  /**
   * Per block taken in windows (windows.ts), the state after each window, in order: a
   * rescan can resume inside it. One map, shared by a full detection and every rescan
   * after it (keyed by block: a block's text never changes, a changed part is a new block).
   */
  windows: WeakMap<TextBlock, WindowState[]>;
  /**
   * After a rescan: its first `head` matches are the first `head` of the detection it
   * resumed from (the same objects), and its last `tail` are that detection's last
   * `tail`, moved with their blocks (the same claims). What a caller made of each
   * match there holds (content/claim-reports.ts): a page of thousands of claims need
   * not compare them all after a change.
   */
  reused?: { head: number; tail: number };
}

/** Where a window of a huge block ends, and detection's state after it. */
export interface WindowState {
  end: number;
  state: SubjectState;
}

/**
 * Where detection may resume inside the huge block an edit read again: the end of
 * the last window that the removed and the added block both have, within the text
 * they share, with the state after it; undefined if none. Windows are cut one after
 * another from the block's start, so the first ones are the same as long as the
 * text they looked at is; compared, not assumed.
 */
function resumeInside(edit: SectionEdit, windows: WeakMap<TextBlock, WindowState[]>): { from: number; state: SubjectState; kept: WindowState[] } | undefined {
  const shared = edit.unchangedPrefix;
  const old = edit.removed[0];
  const fresh = edit.added[0];
  // (The added block is the first of the edit's: a block put in the middle of a huge one adds two more after it.)
  if (shared === undefined || old === undefined || fresh === undefined || edit.removed.length !== 1) return undefined;
  if (old.headingLevel !== 0 || fresh.headingLevel !== 0 || old.tag !== fresh.tag || old.region !== fresh.region) return undefined;
  const before = windows.get(old);
  if (before === undefined) return undefined;
  const now = windowsOf(fresh);
  let k = 0;
  while (k < before.length && k < now.length - 1 && (before[k] as WindowState).end === (now[k] as [number, number])[1] && (before[k] as WindowState).end <= shared) k++;
  if (k === 0) return undefined;
  const last = before[k - 1] as WindowState;
  return { from: last.end, state: last.state, kept: before.slice(0, k) };
}

/**
 * Matches for `blocks` (the page after `edits`), given the matches and `about`
 * from before them. Returns null when only a full scan gives the right answer.
 */
export function* rescanSectionsSteps(
  blocks: readonly TextBlock[],
  title: string,
  before: Detected,
  edits: readonly SectionEdit[],
  skip?: SkipBlock,
): Generator<number, Detected | null, void> {
  let matches = before.matches;
  let states = before.states;
  let lo = -1;
  let hi = -1;
  let mentionsAdded = false;
  let mentionsRemoved = false;
  /** The highest rank (lowest level) of the headings added or taken away; 7: none. */
  let changedLevel = 7;
  for (const edit of edits) {
    // Re-reading a block that holds a heading removes and adds the same heading: fine.
    if (!keepsSections(edit)) {
      // A product card appended (its <h3>) on a page of thousands: detecting every
      // block again, where the card's own section is a few blocks.
      for (const b of edit.removed) if (sectionStart(b)) changedLevel = Math.min(changedLevel, b.headingLevel);
      for (const b of edit.added) if (sectionStart(b)) changedLevel = Math.min(changedLevel, b.headingLevel);
    }
    const { at, removed, added } = edit;
    // Only the way that could flip it is looked at (a huge block's test reads all of it).
    // A huge block removed is not searched for names (10 MB: ~12 ms, and it is usually
    // read again, split or grown): whether the page is about MgT is asked again instead,
    // which stops at its first two mentions.
    if (before.about) mentionsRemoved ||= removed.some((b) => b.text.length > HUGE_TEXT || countsAsMention(b));
    else mentionsAdded ||= added.some(countsAsMention);
    const end = at + removed.length;
    const delta = added.length - removed.length;
    matches = shiftMatches(matches, at, end, delta);
    // (Native copies: spreading the list of one state per block cost ~1 ms per 70,000.)
    states = states.slice(0, at).concat(new Array<SubjectState>(added.length), states.slice(end));
    // The hull of everything changed so far, in the new indices.
    const shift = (x: number, fallback: number): number => (x < at ? x : x >= end ? x + delta : fallback);
    if (lo < 0) {
      lo = at;
      hi = at + added.length;
    } else {
      lo = Math.min(shift(lo, at), at);
      hi = Math.max(shift(hi, at + added.length), at + added.length);
    }
  }
  // (4): unchanged unless the title changed, or mentions came or went the way that could flip it.
  let about = before.about;
  if (title !== before.title || (mentionsAdded && !about) || (mentionsRemoved && about)) {
    about = yield* aboutMgtSteps(blocks, title);
    if (about !== before.about) return null;
  }
  if (lo < 0) return title === before.title ? before : { ...before, title };

  // The window: from the section start at or before the change to the next one after
  // it that closes every heading added or taken away.
  // Each end is looked for only as far as needed: on a page without headings, the
  // window is the whole page, and finding its ends walked every block (~0.3 ms per
  // 70,000) where detection stops a few blocks past the change.
  /** The section start at or before the change (w0), found only when detection starts there. */
  const windowStart = (): number => {
    let w0 = Math.min(lo, blocks.length - 1);
    while (w0 > 0 && !sectionStart(blocks[w0] as TextBlock)) w0--;
    return Math.max(w0, 0);
  };
  /** Whether the change lies past its section's start (w0 < lo): detection can resume right before it. */
  const insideSection = lo > 0 && (lo >= blocks.length || !sectionStart(blocks[lo] as TextBlock));
  /** How far the window's end (w1) was looked for: every block before it is not one. */
  let looked = Math.max(hi, lo + 1);
  /** min(w1, limit): w1 the first section start at or after `looked` that closes every heading changed, or the page's end. */
  const windowEndWithin = (limit: number): number => {
    while (looked < limit && looked < blocks.length && !(sectionStart(blocks[looked] as TextBlock) && (blocks[looked] as TextBlock).headingLevel <= changedLevel)) looked++;
    return Math.min(looked, limit, blocks.length);
  };

  // Blocks before the first change are as they were, and so is the state after each:
  // detection resumes right before the change; inside a huge block read again, right
  // after the last window that is as it was, whose matches are kept.
  const inside = edits.length === 1 && edits[0]!.at === lo ? resumeInside(edits[0]!, before.windows) : undefined;
  const resume = inside !== undefined ? inside.state : insideSection ? states[lo - 1] : undefined;
  const from = resume !== undefined ? lo : windowStart();
  const kept =
    inside === undefined
      ? []
      : before.matches.slice(firstMatchAt(before.matches, lo), firstMatchAt(before.matches, lo + 1)).filter((m) => m.start < inside.from);
  const fresh: ClaimMatch[] = [];
  // No section changed: past the changed blocks, a block detects as it did before
  // once the state before it (the subject carried) is as it was, and so does every
  // block after it (see the top of this file: the rest is unchanged). So detection
  // goes on in runs, from the changed blocks on, and stops after the first run that
  // leaves the state as it was; a page without headings otherwise had everything
  // after a paragraph added mid-page detected again (a 5 MB forum thread: ~60 ms).
  // A heading added or taken away: the whole window, in one run.
  const converges = changedLevel === 7;
  /** Where detection stopped: past it, every block's matches and state are as before. */
  let stop = from;
  let state = resume;
  let run = CONVERGE_FIRST_RUN;
  // A lone edit whose blocks leave the state as the blocks it replaced left it: the
  // block after them starts as it did, and is not detected at all (a paragraph added
  // right before a 5 MB `<pre>` had the `<pre>` detected again).
  const entered = converges && edits.length === 1 ? stateAfterEdit(edits[0]!, before.states) : undefined;
  // (An edit that only took blocks away: the state before the blocks after it may be that already.)
  const converged = entered !== undefined && hi === from && state !== undefined && sameState(state, entered);
  while (!converged && windowEndWithin(stop + 1) > stop) {
    const start = stop;
    const end = windowEndWithin(converges ? Math.max(stop + run, hi + 1) : Infinity);
    // The states after the run's blocks before this rescan (shifted with their blocks; unset for the changed ones).
    const was = converges ? states.slice(start, end) : [];
    // Detection ends after the first block that leaves the state as it was, within the
    // run: past the changed blocks, or after the last of them, as `entered`. A huge
    // block later in the run is not reached.
    let last = end;
    const until = (i: number, now: SubjectState): boolean => {
      const then = i === hi - 1 ? entered : i >= hi ? was[i - start] : undefined;
      if (then === undefined || !sameState(then, now)) return false;
      last = i + 1;
      return true;
    };
    for (const m of yield* detectWindow(blocks, start, end, openAt(blocks, start), about, skip, states, before.windows, state, start === from ? inside : undefined, converges ? until : undefined)) fresh.push(m);
    stop = last;
    state = states[last - 1];
    // (Or after a block passed over, which no `until` is asked of.)
    if (converges && (last < end || convergedIn(was, states, Math.max(start, hi), end, start))) break;
    run *= 2;
  }
  // The core lists matches in block order; the window's blocks are one run.
  const head = firstMatchAt(matches, from);
  const after = firstMatchAt(matches, stop);
  return {
    about,
    title,
    matches: matches.slice(0, head).concat(kept, fresh, matches.slice(after)),
    states,
    windows: before.windows,
    reused: { head, tail: matches.length - after },
  };
}

/**
 * The state a lone edit's blocks were left with before it, which the block after them
 * started from: after the last block it removed, else after the block before it;
 * undefined at the page's start or where that state is not known.
 */
function stateAfterEdit(edit: SectionEdit, was: readonly (SubjectState | undefined)[]): SubjectState | undefined {
  const last = edit.at + edit.removed.length - 1;
  return last >= 0 ? was[last] : undefined;
}

function sameState(a: SubjectState, b: SubjectState): boolean {
  return a.carried === b.carried && a.section === b.section;
}

/** Blocks detected in the first run past the changed ones (rescanSectionsSteps); each next run is twice as long. */
const CONVERGE_FIRST_RUN = 4;

/**
 * Whether, after some block in [from, to), the state is as it was before the rescan
 * (`was[i - offset]`): past it, detection goes as it did (the blocks after it, the
 * run's own included, then match and leave the states they left before).
 */
function convergedIn(was: readonly (SubjectState | undefined)[], now: readonly SubjectState[], from: number, to: number, offset: number): boolean {
  for (let i = from; i < to; i++) {
    const a = was[i - offset];
    const b = now[i];
    if (a !== undefined && b !== undefined && sameState(a, b)) return true;
  }
  return false;
}
