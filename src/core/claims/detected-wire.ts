// A full pass's detection as it crosses to the extension's background and back
// (content/detect-offload.ts, background/detect-port.ts): the blocks go there, and
// what `detectSectionsSteps` found comes back in plain data, checked, then made
// into the `Detected` a later rescan resumes from (its windows keyed by the
// page's own blocks again). Pure: no browser API, so both sides and the unit
// tests share it.
import type { ClaimMatch, TextBlock } from '../types';
import { CLAIM_PATTERNS } from './patterns';
import type { SubjectState } from './detect';
import { NO_STATE, type Detected, type SkipBlock, type WindowState } from './sections';
import type { Subject } from './subject';

/**
 * What goes to the background, in order: the pass's blocks in one or more
 * messages (`blockMessages`), then the title and which blocks detection passes
 * over (kept-blocks.ts), as indices into all of them, ascending.
 */
export type DetectPortMessage = { type: 'blocks'; blocks: TextBlock[] } | { type: 'detect'; title: string; skip: number[] };

/** Characters of block text per message: the browser serializes each message on the page's thread (~2 ms each in Chromium). */
export const BLOCK_MESSAGE_CHARS = 256 * 1024;

/**
 * `blocks` in messages of whole blocks, each of at most BLOCK_MESSAGE_CHARS characters
 * of text (sent one per slice); null when one block alone is longer (one huge
 * block, which the page detects in windows itself rather than send in one message).
 */
export function blockMessages(blocks: readonly TextBlock[], size = BLOCK_MESSAGE_CHARS): TextBlock[][] | null {
  const out: TextBlock[][] = [];
  let group: TextBlock[] = [];
  let chars = 0;
  for (const b of blocks) {
    if (b.text.length > size) return null;
    if (chars + b.text.length > size && group.length > 0) {
      out.push(group);
      group = [];
      chars = 0;
    }
    group.push(b);
    chars += b.text.length;
  }
  if (group.length > 0) out.push(group);
  return out;
}

/** A subject state as sent: carried, then section (`u` for a section not known yet, as JSON has no undefined). */
type WireState = [Subject | null, Subject | null | 'u'];

/** What the background answers: `Detected` without its object identities, and its time. */
export interface DetectAnswer {
  matches: ClaimMatch[];
  about: boolean;
  states: WireState[];
  /** Per block taken in windows: its index and the state after each window. */
  windows: Array<[number, Array<[number, WireState]>]>;
  ms: number;
}

const toWire = (s: SubjectState): WireState => [s.carried, s.section === undefined ? 'u' : s.section];
const fromWire = ([carried, section]: WireState): SubjectState => ({ carried, section: section === 'u' ? undefined : section });

/** The answer for `blocks` (the background's side). */
export function encodeDetected(found: Detected, blocks: readonly TextBlock[], ms: number): DetectAnswer {
  const windows: DetectAnswer['windows'] = [];
  blocks.forEach((block, i) => {
    const w = found.windows.get(block);
    if (w !== undefined) windows.push([i, w.map((x) => [x.end, toWire(x.state)])]);
  });
  return { matches: found.matches, about: found.about, states: Array.from(found.states, (s) => toWire(s ?? NO_STATE)), windows, ms };
}

/** The `Detected` the answer stands for, on the page's own `blocks`. */
export function decodeDetected(answer: DetectAnswer, blocks: readonly TextBlock[], title: string): Detected {
  const windows = new WeakMap<TextBlock, WindowState[]>();
  for (const [i, list] of answer.windows) windows.set(blocks[i] as TextBlock, list.map(([end, s]) => ({ end, state: fromWire(s) })));
  return { matches: answer.matches, about: answer.about, title, states: answer.states.map(fromWire), windows };
}

/** Which blocks `skip` passes over, as indices. */
export function skippedIndices(blocks: readonly TextBlock[], skip: SkipBlock | undefined): number[] {
  const out: number[] = [];
  if (skip !== undefined) blocks.forEach((b, i) => skip(b) && out.push(i));
  return out;
}

const SUBJECTS: ReadonlySet<unknown> = new Set(['mgt', 'other', 'magnesium', null]);
const STANCES: ReadonlySet<unknown> = new Set(['asserted', 'hedged', 'negated']);
// (The ids detection finds: taken from the patterns, so the list of all ids stays out of the script every page loads.)
const IDS: ReadonlySet<unknown> = new Set(CLAIM_PATTERNS.map((p) => p.claim));

function isWireState(x: unknown): x is WireState {
  return Array.isArray(x) && x.length === 2 && SUBJECTS.has(x[0]) && (x[1] === 'u' || SUBJECTS.has(x[1]));
}

function isMatchIn(m: unknown, blocks: readonly TextBlock[]): m is ClaimMatch {
  if (typeof m !== 'object' || m === null) return false;
  const { claim, stance, block, start, end, quote, matchStart, matchEnd } = m as Partial<ClaimMatch>;
  if (!IDS.has(claim) || !STANCES.has(stance) || typeof quote !== 'string' || !Number.isInteger(block)) return false;
  const text = blocks[block as number]?.text;
  if (text === undefined) return false;
  const within = (a: unknown, b: unknown): boolean => Number.isInteger(a) && Number.isInteger(b) && 0 <= (a as number) && (a as number) <= (b as number) && (b as number) <= text.length;
  return within(start, end) && within(matchStart, matchEnd);
}

/** Whether `x` is an answer for `blocks`: every match inside a block, a state per block, windows of blocks that exist. */
export function isDetectAnswer(x: unknown, blocks: readonly TextBlock[]): x is DetectAnswer {
  if (typeof x !== 'object' || x === null) return false;
  const { matches, about, states, windows, ms } = x as Partial<DetectAnswer>;
  if (typeof about !== 'boolean' || typeof ms !== 'number' || !Number.isFinite(ms)) return false;
  if (!Array.isArray(matches) || !matches.every((m) => isMatchIn(m, blocks))) return false;
  if (!Array.isArray(states) || states.length !== blocks.length || !states.every(isWireState)) return false;
  if (!Array.isArray(windows)) return false;
  return windows.every(
    (w) =>
      Array.isArray(w) &&
      w.length === 2 &&
      Number.isInteger(w[0]) &&
      blocks[w[0]] !== undefined &&
      Array.isArray(w[1]) &&
      w[1].every((e) => Array.isArray(e) && e.length === 2 && Number.isInteger(e[0]) && isWireState(e[1])),
  );
}

function isTextBlock(b: unknown): b is TextBlock {
  if (typeof b !== 'object' || b === null) return false;
  const { text, tag, headingLevel, region, candidates } = b as Partial<TextBlock>;
  return typeof text === 'string' && typeof tag === 'string' && Number.isInteger(headingLevel) && typeof region === 'string' && (candidates === undefined || (Array.isArray(candidates) && candidates.every(Number.isInteger)));
}

/** Whether `x` is a message of the detection port (its `skip` checked against the blocks by the background). */
export function isDetectPortMessage(x: unknown): x is DetectPortMessage {
  if (typeof x !== 'object' || x === null) return false;
  const { type } = x as { type?: unknown };
  if (type === 'detect') {
    const { title, skip } = x as { title?: unknown; skip?: unknown };
    return typeof title === 'string' && Array.isArray(skip) && skip.every((i) => Number.isInteger(i) && i >= 0);
  }
  if (type !== 'blocks') return false;
  const { blocks } = x as { blocks?: unknown };
  return Array.isArray(blocks) && blocks.every(isTextBlock);
}
