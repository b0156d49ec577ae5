// Claim detection after a change, without re-reading the whole page: only the
// section around the changed blocks is detected again, and every other match is
// kept (its block index shifted). Pure: no DOM.
//
// Why a section is enough (src/core/claims/detect.ts, context.ts): a block's
// matches depend on (1) its own text, (2) the subject carried from earlier
// blocks, which resets at every heading outside nav/footer, (3) its section's
// subject, from the open headings above it, and (4) whether the page is about
// MgT (its title or an h1/h2 names MgT, or two blocks do). So: detect from the
// heading before the change to the heading after it, with the open headings
// above prepended and (4) passed in as `aboutMgt`. A changed heading, or a
// change to (4), needs a full scan instead. test/unit/rescan.test.ts checks the
// result equals a full scan.
import { detectClaimsSteps } from '../core/claims/detect';
import { isChrome } from '../core/claims/context';
import { rawMentionsMgt } from '../core/claims/subject';
import type { ClaimMatch, TextBlock } from '../core/types';
import type { BlockEdit } from './page-index';


function sectionStart(b: TextBlock): boolean {
  return b.headingLevel > 0 && !isChrome(b);
}

/** Whether two runs of blocks hold the same section starts (level, text, region), in order. */
function sameHeadings(a: readonly TextBlock[], b: readonly TextBlock[]): boolean {
  const ha = a.filter(sectionStart);
  const hb = b.filter(sectionStart);
  return (
    ha.length === hb.length &&
    ha.every((h, i) => {
      const o = hb[i] as TextBlock;
      return h.headingLevel === o.headingLevel && h.text === o.text && h.region === o.region && h.tag === o.tag;
    })
  );
}

/** Blocks that count towards "the page is about MgT" (as pageContext counts them). */
function countsAsMention(b: TextBlock): boolean {
  return !isChrome(b) && b.region !== 'aside' && rawMentionsMgt(b.text);
}

/** pageContext's `aboutMgt`, stopping as soon as the answer is known. Yields every 64 blocks. */
export function* aboutMgtSteps(blocks: readonly TextBlock[], title: string): Generator<number, boolean, void> {
  if (rawMentionsMgt(title)) return true;
  let mentions = 0;
  for (let i = 0; i < blocks.length; i++) {
    if ((i & 63) === 63) yield i;
    const b = blocks[i] as TextBlock;
    if (!countsAsMention(b)) continue;
    if (b.headingLevel > 0 && b.headingLevel <= 2) return true;
    if (++mentions >= 2) return true;
  }
  return false;
}

export function aboutMgt(blocks: readonly TextBlock[], title: string): boolean {
  const steps = aboutMgtSteps(blocks, title);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The headings still open at section start `w0` (the core's section stack there), outermost first. */
function openHeadings(blocks: readonly TextBlock[], w0: number): TextBlock[] {
  const open: TextBlock[] = [];
  let level = w0 < blocks.length && sectionStart(blocks[w0] as TextBlock) ? (blocks[w0] as TextBlock).headingLevel : 7;
  for (let i = w0 - 1; i >= 0 && level > 1; i--) {
    const b = blocks[i] as TextBlock;
    if (sectionStart(b) && b.headingLevel < level) {
      open.unshift(b);
      level = b.headingLevel;
    }
  }
  return open;
}

/** Matches in blocks [w0, w1) (w0 a section start or 0, w1 a section start or the end), in page indices. */
function* detectWindow(
  blocks: readonly TextBlock[],
  w0: number,
  w1: number,
  open: readonly TextBlock[],
  about: boolean,
): Generator<number, ClaimMatch[], void> {
  const found = yield* detectClaimsSteps([...open, ...blocks.slice(w0, w1)], { aboutMgt: about });
  const out: ClaimMatch[] = [];
  for (const m of found) if (m.block >= open.length) out.push({ ...m, block: m.block - open.length + w0 });
  return out;
}

/** Characters of text per window of a full detection (a window's first step reads the context of all of it at once). */
const WINDOW_CHARS = 20_000;

/**
 * Full detection, equal to the core's `detectClaims(blocks, { title })`, but run
 * section by section (sections grouped into windows of ~WINDOW_CHARS), so no
 * step touches the whole page at once.
 */
export function* detectSteps(
  blocks: readonly TextBlock[],
  title: string,
  windowChars = WINDOW_CHARS,
): Generator<number, Detected, void> {
  const about = yield* aboutMgtSteps(blocks, title);
  const matches: ClaimMatch[] = [];
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
    for (const m of yield* detectWindow(blocks, w0, w1, [...stack], about)) matches.push(m);
    for (let i = w0; i < w1; i++) {
      const b = blocks[i] as TextBlock;
      if (!sectionStart(b)) continue;
      while (stack.length > 0 && (stack[stack.length - 1] as TextBlock).headingLevel >= b.headingLevel) stack.pop();
      stack.push(b);
    }
    w0 = w1;
  }
  return { matches, about };
}

export interface Detected {
  matches: ClaimMatch[];
  /** Whether the page counts as about MgT (needed by the next rescan). */
  about: boolean;
}

/**
 * Matches for `blocks` (the page after `edits`), given the matches and `about`
 * from before them. Returns null when only a full scan gives the right answer.
 */
export function* rescanSteps(
  blocks: readonly TextBlock[],
  title: string,
  before: Detected,
  edits: readonly BlockEdit[],
): Generator<number, Detected | null, void> {
  let matches = before.matches;
  let lo = -1;
  let hi = -1;
  let mentionsAdded = false;
  let mentionsRemoved = false;
  for (const { at, removed, added, indexedOnly } of edits) {
    // Re-reading a block that holds a heading removes and adds the same heading: fine.
    // (Headings only newly indexed were there all along: no section changed.)
    if (!indexedOnly && !sameHeadings(removed, added)) return null;
    mentionsAdded ||= added.some(countsAsMention);
    mentionsRemoved ||= removed.some(countsAsMention);
    const end = at + removed.length;
    const delta = added.length - removed.length;
    matches = matches.flatMap((m) => (m.block < at ? [m] : m.block < end ? [] : [{ ...m, block: m.block + delta }]));
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
  if (lo < 0) return before;

  // (4): unchanged unless mentions came or went the way that could flip it.
  let about = before.about;
  if ((mentionsAdded && !about) || (mentionsRemoved && about)) {
    about = yield* aboutMgtSteps(blocks, title);
    if (about !== before.about) return null;
  }

  // The window: from the section start at or before the change to the next one after it.
  let w0 = Math.min(lo, blocks.length - 1);
  while (w0 > 0 && !sectionStart(blocks[w0] as TextBlock)) w0--;
  if (w0 < 0) w0 = 0;
  let w1 = Math.max(hi, lo + 1);
  while (w1 < blocks.length && !sectionStart(blocks[w1] as TextBlock)) w1++;
  w1 = Math.min(w1, blocks.length);

  const fresh = yield* detectWindow(blocks, w0, w1, openHeadings(blocks, w0), about);
  // The core lists matches in block order; the window's blocks are one run.
  return {
    about,
    matches: [...matches.filter((m) => m.block < w0), ...fresh, ...matches.filter((m) => m.block >= w1)],
  };
}
