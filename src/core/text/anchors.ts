// Literal anchors of a regular expression: strings of which every match must
// contain at least one. Lets a plain string scanner (scanner.ts) stand in for
// the regex when deciding where a pattern could possibly match.
//
// Handles the small regex dialect our cues and names use: literals, escapes
// (\s \b \.), classes ([\s-] [dk]), groups (?:a|b), and the quantifiers ? * +
// {n,m}. Whitespace is one symbol (the scanner folds every run of whitespace to
// a single space), so \s and \s+ both become " ". Anything else is a gap: the
// literal runs on either side of it are separate candidates, and the longest
// one is kept. Throws on what it cannot read, so a new pattern cannot silently
// lose its anchors (test/unit/prefilter.test.ts builds them all).

import { alternatives, groupEnd } from './regex-source';

/** A piece of an alternative: a set of strings it can be, or a gap of unknown text. */
type Atom = { kind: 'set'; values: string[] } | { kind: 'gap'; anchors?: string[] } | { kind: 'boundary' };

const MAX_VARIANTS = 256;
const GAP: Atom = { kind: 'gap' };

function set(...values: string[]): Atom {
  return { kind: 'set', values };
}

function product(a: string[], b: string[]): string[] | null {
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out.length > MAX_VARIANTS ? null : [...new Set(out)];
}

/** The characters a simple class stands for, or null (negated or with ranges: a gap). */
function classValues(body: string): string[] | null {
  if (body.startsWith('^')) return null;
  const out = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\') {
      const e = body[++i];
      if (e === 's') out.add(' ');
      else if (e === '.' || e === '-' || e === "'") out.add(e);
      else return null;
    } else if (body[i + 1] === '-' && i + 2 < body.length) return null; // a range
    else out.add(c.toLowerCase());
  }
  return [...out];
}

/** The atoms of one alternative. */
function atoms(source: string, cost: AnchorCost = byLength): Atom[] {
  const out: Atom[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    let atom: Atom;
    let next = i + 1;
    if (c === '\\') {
      const e = source[i + 1];
      next = i + 2;
      if (e === 'b') {
        out.push({ kind: 'boundary' }); // not text, but anchors after it start a word
        i = next;
        continue;
      }
      if (e === 's') atom = set(' ');
      else if (e === '.' || e === '-' || e === "'" || e === '/') atom = set(e);
      else atom = GAP; // \w \d \S …
    } else if (c === '[') {
      const end = source.indexOf(']', i + 1);
      const values = classValues(source.slice(i + 1, end));
      atom = values ? set(...values) : GAP;
      next = end + 1;
    } else if (c === '(') {
      const end = groupEnd(source, i);
      if (end < 0) throw new Error(`unbalanced group in ${source}`);
      if (!source.startsWith('(?:', i)) throw new Error(`only (?:…) groups are supported: ${source}`);
      const body = source.slice(i + 3, end - 1);
      const inner = expand(body);
      // A group too open to spell out still holds one of its alternatives' anchors.
      atom = inner ? set(...inner) : { kind: 'gap', anchors: tryAnchors(body, cost) };
      next = end;
    } else if (c === '.' || c === '^' || c === '$') {
      atom = GAP;
    } else if (c === '?' || c === '*' || c === '+' || c === '{' || c === ')' || c === '|') {
      throw new Error(`unexpected "${c}" in ${source}`);
    } else {
      atom = set(c === ' ' ? ' ' : c.toLowerCase());
    }
    // Quantifiers. Whitespace runs are one symbol already, so \s+ is one " ".
    const q = source[next];
    const ws = atom.kind === 'set' && atom.values.every((v) => v === ' ');
    let after: Atom | null = null;
    if (q === '?') {
      atom = atom.kind === 'set' ? set(...atom.values, '') : GAP;
      next++;
    } else if (q === '*') {
      atom = ws ? set(' ', '') : GAP;
      next++;
    } else if (q === '+') {
      if (!ws) after = GAP; // at least one, then unknown
      next++;
    } else if (q === '{') {
      const close = source.indexOf('}', next);
      const min = Number(source.slice(next + 1, close).split(',')[0]);
      if (min > 0) after = GAP;
      else atom = GAP;
      next = close + 1;
    }
    if (source[next] === '?') next++; // lazy quantifier: same strings
    out.push(atom);
    if (after) out.push(after);
    i = next;
  }
  return out;
}

/**
 * All strings an alternation can match, when it has no gaps; null otherwise.
 * (Used for groups: "(?:memory|cognitive)" is the two strings.)
 */
function expand(source: string): string[] | null {
  const all: string[] = [];
  for (const alt of alternatives(source)) {
    let acc = [''];
    for (const a of atoms(alt)) {
      if (a.kind === 'boundary') continue;
      if (a.kind === 'gap') return null;
      const p = product(acc, a.values);
      if (p === null) return null;
      acc = p;
    }
    all.push(...acc);
  }
  return all.length > MAX_VARIANTS ? null : all;
}

/**
 * How costly a set of anchors is to scan for (lower is better): by default, the
 * shorter its shortest string, the more often it will be met.
 */
export type AnchorCost = (anchors: readonly string[]) => number;

const byLength: AnchorCost = (anchors) => -Math.min(...anchors.map((a) => a.replace(/^\^/, '').length));

/** Literal strings every match of one alternative contains: its cheapest gap-free run (of 2+ characters). */
function anchorsOfAlternative(source: string, cost: AnchorCost): string[] {
  let best: string[] | null = null;
  let bestCost = Infinity;
  let bestLength = 0;
  let acc = [''];
  // Whether the current run starts right after \b (a word start), marked "^" in the result.
  let wordStart = false;
  const consider = (): void => {
    const trimmed = acc.map((s) => s.replace(/^ +| +$/g, ''));
    const length = Math.min(...trimmed.map((s) => s.length));
    if (length >= 2) {
      const marked = wordStart && trimmed.every((s) => !s.includes(' ') && acc.every((a) => !a.startsWith(' ')));
      const candidate = [...new Set(trimmed.map((s) => (marked ? `^${s}` : s)))];
      const c = cost(candidate);
      if (c < bestCost || (c === bestCost && length > bestLength)) {
        best = candidate;
        bestCost = c;
        bestLength = length;
      }
    }
    acc = [''];
    wordStart = false;
  };
  for (const a of atoms(source, cost)) {
    if (a.kind === 'boundary') {
      if (acc.length === 1 && acc[0] === '') wordStart = true;
      continue;
    }
    if (a.kind === 'gap') {
      consider();
      if (a.anchors) {
        acc = a.anchors;
        consider();
      }
      continue;
    }
    const p = product(acc, a.values);
    if (p === null) consider();
    else acc = p;
  }
  consider();
  if (best === null) throw new Error(`no literal anchor of 2+ characters in /${source}/`);
  return best;
}

function tryAnchors(source: string, cost: AnchorCost): string[] | undefined {
  try {
    return anchorsOf(source, cost);
  } catch {
    return undefined;
  }
}

/**
 * Lowercase anchors for a whole regex source: every match contains one of them.
 * An anchor marked "^" follows a \b in the regex: it starts a word. Of the
 * literal runs each alternative must contain, the cheapest by `cost` is taken.
 */
export function anchorsOf(source: string, cost: AnchorCost = byLength): string[] {
  return [...new Set(alternatives(source).flatMap((alt) => anchorsOfAlternative(alt, cost)))];
}
