// Finds claims about magnesium L-threonate in a page's blocks: for each sentence,
// which claim ids it makes, about whom, and with what stance.
import type { ClaimId, ClaimMatch, Stance, TextBlock } from '../types';
import { INVISIBLE, normalize, normalizedIndex, rawEnd, rawIndex, type NormalizedText } from '../text/normalize';
import { needsNormalizing } from './match-text';
import { sentenceSpans } from '../text/sentences';
import { sentenceSpansNear, windowsOf } from '../text/windows';
import { candidateOffsets } from './prefilter';
import { clauseSpans } from './clauses';
import { isChrome, pageContext } from './context';
import { ANY_CUE, CLAIM_PATTERNS, SUPPRESSES, type ClaimPattern } from './patterns';
import { stanceOf } from './stance';
import { firstTriggerSpan } from './triggers';
import { leadingSubjectOf, mentionsMgt, mentionsOtherForm, subjectOf, type Subject } from './subject';
import { runToEnd } from '../steps';

/**
 * What detection carries from one block to the next: the subject "it" refers to,
 * and the section subject it was set under. Resuming from the state after block k
 * detects block k + 1 on exactly as a detection from the section's start would.
 */
export interface SubjectState {
  carried: Subject | null;
  section: Subject | null | undefined;
}

export interface DetectOptions {
  /** The page title (helps decide whether the page is about MgT). */
  title?: string;
  /**
   * Whether the page is about MgT, when the caller already knows it from the whole
   * page (it detects a part of the page at a time); otherwise found from `blocks`.
   */
  aboutMgt?: boolean;
  /**
   * Start block `at` in `state` (the state after the block before it, from an earlier
   * detection); with `from`, inside that huge block, at its window starting there,
   * `state` being the state after the window before (`onWindowEnd`).
   */
  resume?: { at: number; state: SubjectState; from?: number };
  /** Called with each block's index and the state after it (what `resume` takes). */
  onBlockEnd?: (index: number, state: SubjectState) => void;
  /** Asked after each block but the last (after onBlockEnd, with the same state): true ends detection there. */
  until?: (index: number, state: SubjectState) => boolean;
  /** Called, for a block taken in windows, after each of its windows (passed over or not) with where it ends and the state after it. */
  onWindowEnd?: (index: number, end: number, state: SubjectState) => void;
}

/** A bibliography entry: "Slutsky I, Abumaria N, … Neuron. 2010;65(2):165-77." */
const REFERENCE =
  /\bet\s+al\b.{0,200}\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\s*(?:[A-Z][a-z]{2}\s*\d{0,2})?\s*;\s*\d+\s*(?:\(\d+\))?\s*:\s*\d+|\bdoi:\s*10\.\d{4,}/;

const WORD_CHAR = /[\p{L}\p{N}]/u;

const STANCE_RANK: Record<Stance, number> = { asserted: 3, negated: 2, hedged: 1 };

interface Found {
  claim: ClaimId;
  stance: Stance;
  /** Trigger span in normalized sentence-relative offsets. */
  start: number;
  end: number;
}

export function detectClaims(blocks: readonly TextBlock[], options: DetectOptions = {}): ClaimMatch[] {
  return runToEnd(detectClaimsSteps(blocks, options));
}

/**
 * The same detection, one block per step, so a caller on the main thread can yield
 * between steps (long pages must not make one long task). Yields the index of the
 * next block; returns all matches.
 */
export function* detectClaimsSteps(blocks: readonly TextBlock[], options: DetectOptions = {}): Generator<number, ClaimMatch[], void> {
  // Normalized text, made once per block and only when needed: most blocks are plain
  // ASCII, where the raw text already is the text to match.
  const norms: Array<NormalizedText | undefined> = new Array(blocks.length);
  const norm = (i: number) => (norms[i] ??= normalize((blocks[i] as TextBlock).text));
  const matchText = (i: number) => {
    const raw = (blocks[i] as TextBlock).text;
    return needsNormalizing(raw) ? norm(i).text : raw;
  };
  const ctx = pageContext(blocks, matchText, normalize(options.title ?? '').text, options.aboutMgt);
  yield 0;
  const out: ClaimMatch[] = [];
  let carried: Subject | null = null;
  let carriedSection: Subject | null | undefined;
  const { resume, onBlockEnd, onWindowEnd, until } = options;

  for (let index = 0; index < blocks.length; index++) {
    if (index > 0) {
      const state = { carried, section: carriedSection };
      onBlockEnd?.(index - 1, state);
      if (until?.(index - 1, state) === true) return out;
    }
    const resuming = resume !== undefined && index === resume.at;
    if (resuming) ({ carried, section: carriedSection } = resume.state);
    const from = resuming ? (resume.from ?? 0) : 0;
    yield index;
    const block = blocks[index] as TextBlock;
    if (isChrome(block)) continue;
    const section = ctx.sectionSubject[index] ?? null;
    // A new section resets what "it" refers to (not when resuming inside the block: the state is from there).
    if (from === 0 && (block.headingLevel > 0 || section !== carriedSection)) carried = section;
    carriedSection = section;
    // A huge block (one 10 MB text node) is taken in windows, each as if a block of
    // its own (windows.ts): no step normalizes, tests or splits all of it at once.
    // Each window's prefilter candidates (from a sparse read, else found here): a
    // window or a sentence holding none names no form and holds no claim, so it would
    // neither find anything nor change the subject carried ("it"), and is passed
    // over; only the stretches around them are split into sentences.
    const all = windowsOf(block);
    const whole = all.length === 1;
    let c = 0;
    let first = true;
    for (const [w0, w1] of all) {
      if (w0 < from) continue;
      const raw = whole ? block.text : block.text.slice(w0, w1);
      let near: number[] | null = null;
      if (!whole && block.candidates !== undefined) {
        const given = block.candidates;
        near = [];
        while (c < given.length && (given[c] as number) < w0) c++;
        for (let k = c; k < given.length && (given[k] as number) < w1; k++) near.push((given[k] as number) - w0);
      } else if (!whole) near = candidateOffsets(raw); // (null: text to normalize first; then all of it)
      if (near === null || near.length > 0) {
        if (!first) yield index;
        first = false;
        // (A window is normalized once, here, for both the look and the sentences.)
        const windowNorm = whole || !needsNormalizing(raw) ? null : normalize(raw);
        const text = whole ? matchText(index) : (windowNorm?.text ?? raw);
        const namesMgt = mentionsMgt(text);
        // Unless a cue is there or a form is named, nothing to find and no subject worth carrying; and
        // a block can only hold a claim about MgT if MgT is named or is the subject in force.
        if ((namesMgt || ANY_CUE.test(text) || mentionsOtherForm(text)) && (namesMgt || carried === 'mgt' || section === 'mgt')) {
          const n = whole ? norm(index) : (windowNorm ?? normalize(raw));
          const isReference = REFERENCE.test(n.text);
          const spans: Array<[number, number]> = isReference
            ? [[0, n.text.length]]
            : near === null
              ? sentenceSpans(n.text)
              : sentenceSpansNear(
                  n.text,
                  near.map((at) => normalizedIndex(n, at)),
                );
          let k0 = 0;
          for (let k = 0; k < spans.length; k++) {
            // A block of many sentences must not be one long task either.
            if (k > 0 && k % 64 === 0) yield index;
            const [s0, s1] = spans[k] as [number, number];
            if (near !== null) {
              const r0 = rawIndex(n, s0);
              while (k0 < near.length && (near[k0] as number) < r0) k0++;
              if (k0 >= near.length || (near[k0] as number) >= rawEnd(n, s1)) continue;
            }
            const sentence = n.text.slice(s0, s1);
            const found = findInSentence(sentence, isReference, section, () => carried, (s) => (carried = s));
            for (const f of found) out.push(toMatch(f, index, n, s0, s1, w0));
          }
        }
      }
      if (!whole) onWindowEnd?.(index, w1, { carried, section: carriedSection });
    }
  }
  if (blocks.length > 0) onBlockEnd?.(blocks.length - 1, { carried, section: carriedSection });
  return out;
}

function findInSentence(
  sentence: string,
  isReference: boolean,
  section: Subject | null,
  getCarried: () => Subject | null,
  setCarried: (s: Subject) => void,
): Found[] {
  const namesMgt = mentionsMgt(sentence);
  const hasCue = ANY_CUE.test(sentence);
  const found = new Map<ClaimId, Found>();
  for (const [c0, c1] of clauseSpans(sentence)) {
    const clause = sentence.slice(c0, c1);
    const explicit = subjectOf(clause);
    const carried = getCarried();
    const next = leadingSubjectOf(clause);
    if (next) setCarried(next);
    if (!hasCue) continue;
    let lower: string | undefined;
    for (const p of CLAIM_PATTERNS) {
      if (isReference && !p.inReferences) continue;
      if (!p.cue.test(clause)) continue;
      const prev = found.get(p.claim);
      if (prev?.stance === 'asserted') continue;
      const hit = firstTrigger(p, clause, (lower ??= clause.toLowerCase()));
      if (!hit) continue;
      // Whose claim: a form named before the words decides; MgT named anywhere in the
      // clause counts; otherwise the subject carried from context.
      const before = subjectOf(clause.slice(0, hit[0]));
      const subject = before === 'other' ? 'other' : explicit === 'mgt' ? 'mgt' : (before ?? carried);
      if (!subjectAllows(p, subject, namesMgt, section)) continue;
      if (p.requires && !p.requires.test(sentence)) continue;
      const stance = stanceOf(sentence, c0, c0 + hit[0], c0 + hit[1], p.inReferences === true);
      if (prev && STANCE_RANK[prev.stance] >= STANCE_RANK[stance]) continue;
      found.set(p.claim, { claim: p.claim, stance, start: c0 + hit[0], end: c0 + hit[1] });
    }
  }
  for (const [winner, loser] of SUPPRESSES) {
    const w = found.get(winner);
    const l = found.get(loser);
    if (w && l && STANCE_RANK[w.stance] >= STANCE_RANK[l.stance]) found.delete(loser);
  }
  return [...found.values()];
}

function subjectAllows(p: ClaimPattern, subject: Subject | null, sentenceNamesMgt: boolean, section: Subject | null): boolean {
  switch (p.subject) {
    case 'mgt':
      return subject === 'mgt';
    case 'mention':
      return sentenceNamesMgt || subject === 'mgt';
    case 'general':
      return subject !== 'other' && (subject === 'mgt' || section === 'mgt' || sentenceNamesMgt);
  }
}

function firstTrigger(p: ClaimPattern, clause: string, lower: string): [number, number] | null {
  const best = firstTriggerSpan(p, clause, lower);
  // Highlight whole words: patterns often stop at a stem ("increas").
  if (best) while (best[1] < clause.length && WORD_CHAR.test(clause[best[1]] as string)) best[1]++;
  return best;
}

/** Converts normalized sentence-relative offsets back to raw block offsets (`norm`: the window of the block starting at `w0`). */
function toMatch(f: Found, block: number, norm: NormalizedText, s0: number, s1: number, w0: number): ClaimMatch {
  const start = rawIndex(norm, s0);
  const end = rawEnd(norm, s1);
  return {
    claim: f.claim,
    stance: f.stance,
    block,
    start: w0 + start,
    end: w0 + end,
    quote: norm.raw.slice(start, end).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim(),
    matchStart: w0 + rawIndex(norm, s0 + f.start),
    matchEnd: w0 + rawEnd(norm, s0 + f.end),
  };
}
