// Page and section context: is the page about MgT, and what is each block's default
// subject (the subject of sentences that name none, like product bullets)?
import type { TextBlock } from '../types';
import { mentionsMgt, mentionsOtherForm, rawMentionsMgt, type Subject } from './subject';
import { runToEnd } from '../steps';
import { HUGE_TEXT, windowsHolding, windowsOf } from '../text/windows';

/** Regions whose text never makes claims or makes a page "about MgT" (menus, footers). */
export function isChrome(block: TextBlock): boolean {
  return block.region === 'nav' || block.region === 'footer';
}

/** A heading that starts a section (one in a menu or footer does not). */
export function sectionStart(block: TextBlock): boolean {
  return block.headingLevel > 0 && !isChrome(block);
}

/** Whether a block's mentions of MgT count towards "the page is about MgT": not in menus, footers and asides. */
function mentionsCount(block: TextBlock): boolean {
  return !isChrome(block) && block.region !== 'aside';
}

/** Blocks that count towards "the page is about MgT": they name it, outside menus, footers and asides. */
export function countsAsMention(block: TextBlock): boolean {
  return mentionsCount(block) && rawMentionsMgt(block.text);
}

/**
 * How many mentions a huge block counts for, up to `enough`, one window per step:
 * each window that names MgT, as detection takes each window as a block of its own
 * (a plain-text file naming MgT all through is about MgT). A window ends at a
 * sentence end, inside no name (windows.ts; only text without one for 32,768
 * characters is cut elsewhere, at white space).
 */
function* mentionsByWindows(block: TextBlock, i: number, enough: number): Generator<number, number, void> {
  if (!mentionsCount(block)) return 0;
  let n = 0;
  for (const [w0, w1] of windowsHolding(windowsOf(block), block.candidates)) {
    if (rawMentionsMgt(block.text.slice(w0, w1)) && ++n >= enough) break;
    yield i;
  }
  return n;
}

/**
 * Whether the page is about MgT: its title or an h1/h2 names it, or two blocks
 * do (two windows of a huge block count as two). Stops as soon as the answer is
 * known; yields every 64 blocks.
 */
export function* aboutMgtSteps(blocks: readonly TextBlock[], title: string): Generator<number, boolean, void> {
  if (rawMentionsMgt(title)) return true;
  let mentions = 0;
  for (let i = 0; i < blocks.length; i++) {
    if ((i & 63) === 63) yield i;
    const b = blocks[i] as TextBlock;
    const n = b.text.length > HUGE_TEXT ? yield* mentionsByWindows(b, i, 2 - mentions) : countsAsMention(b) ? 1 : 0;
    if (n === 0) continue;
    if (b.headingLevel > 0 && b.headingLevel <= 2) return true;
    if ((mentions += n) >= 2) return true;
  }
  return false;
}

export function aboutMgt(blocks: readonly TextBlock[], title: string): boolean {
  return runToEnd(aboutMgtSteps(blocks, title));
}

const OTHER_SECTION = /\bother\s+(?:forms|types|kinds)\b|\balternatives\b/i;

/** The subject a heading (its text as matched) gives its section, or null: the one above it goes on. */
export function headingSubject(text: string): Subject | null {
  if (mentionsMgt(text)) return 'mgt';
  if (mentionsOtherForm(text) || OTHER_SECTION.test(text)) return 'other';
  return null;
}

export interface PageContext {
  aboutMgt: boolean;
  /** Default subject of each block, from the nearest heading above it (null: none). */
  sectionSubject: Array<Subject | null>;
}

/** `text(i)` gives block i's text for matching (normalized when it needs to be). */
export function pageContext(blocks: readonly TextBlock[], text: (i: number) => string, title = '', aboutOverride?: boolean): PageContext {
  const about = aboutOverride ?? aboutMgt(blocks, title);
  const pageDefault: Subject | null = about ? 'mgt' : null;

  // Stack of open headings: [level, subject].
  const stack: Array<[number, Subject | null]> = [];
  const sectionSubject: Array<Subject | null> = [];
  blocks.forEach((b, i) => {
    if (sectionStart(b)) {
      while (stack.length && (stack[stack.length - 1] as [number, Subject | null])[0] >= b.headingLevel) stack.pop();
      const parent = stack.length ? (stack[stack.length - 1] as [number, Subject | null])[1] : pageDefault;
      stack.push([b.headingLevel, headingSubject(text(i)) ?? parent]);
    }
    sectionSubject.push(stack.length ? (stack[stack.length - 1] as [number, Subject | null])[1] : pageDefault);
  });
  return { aboutMgt: about, sectionSubject };
}

/**
 * The headings still open at a point of the page (the section stack detection
 * keeps there), outermost first, as indices into the `count` headings before the
 * point in page order. `levelBelow(i, below)` gives heading i's level when it
 * starts a section (not in nav/footer) at a level under `below`, else 0: callers
 * with many headings can skip work for those that cannot count. `ownLevel` is
 * the point's own heading level when it is a heading (7 otherwise).
 * `previous(i, below)`, when given, is the nearest j ≤ i whose `levelBelow(j, below)`
 * may be non-zero (or -1): the walk back then jumps over the others instead of
 * asking for each, which on a page with thousands of headings and a candidate
 * under each would cost headings × candidates.
 *
 * Detecting a part of a page needs only these headings before each of its blocks:
 * whatever else came before was closed by one of them (see content/sparse-read.ts).
 */
export function openHeadings(
  count: number,
  levelBelow: (i: number, below: number) => number,
  ownLevel = 7,
  previous?: (i: number, below: number) => number,
): number[] {
  const open: number[] = [];
  let level = ownLevel;
  for (let i = count - 1; i >= 0 && level > 1; i--) {
    if (previous !== undefined) {
      i = previous(i, level);
      if (i < 0) break;
    }
    const l = levelBelow(i, level);
    if (l > 0 && l < level) {
      open.unshift(i);
      level = l;
    }
  }
  return open;
}
