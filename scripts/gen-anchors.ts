// Writes src/core/claims/anchors.generated.ts: for every claim pattern, the
// literal strings the prefilter scans for (every match of the pattern's
// triggers, within a clause that has its cue, contains one of them), and the
// anchors of the names. Generated rather than derived at run time: parsing the
// regexes on every page load cost ~20 ms of cold JavaScript in the content
// script. test/unit/prefilter.test.ts fails when the file is out of date.
//
// Where a regex alternative must contain one of several literal runs, the run
// met least often in reference text is taken. Each pattern then gets whichever
// of two anchor sets matches less often in reference text (the labelled corpus pages and the benchmark's ordinary shop
// page): its cue's literals, or its loosened triggers' literals, each cut to
// its longest word (a part of a necessary string is still necessary).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { CLAIM_PATTERNS } from '../src/core/claims/patterns';
import { MGT_NAME, OTHER_FORM } from '../src/core/claims/names';
import { anchorsOf, type AnchorCost } from '../src/core/text/anchors';
import { loosen, withFoldedSources } from '../src/core/text/regex-source';
import { PUNCTUATION_FOLDS } from '../src/core/text/normalize';
import { literalScanner, scannerTable } from '../src/core/text/scanner';
import { generatePage } from '../bench/pages';

const OUT = new URL('../src/core/claims/anchors.generated.ts', import.meta.url);

function referenceText(): string {
  const dir = new URL('../test/fixtures/corpus/', import.meta.url);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
  pages.push(generatePage({ name: 'reference', bytes: 300_000, claimParagraphs: 0, seed: 99 }));
  return pages.map((html) => parseHTML(html).document.body?.textContent ?? '').join('\n');
}

/**
 * Anchors cut to what the scanner can read (its longest run of letters, digits,
 * spaces and . ' -), and, in a set too large to scan cheaply, to their longest
 * word; anchors containing another one are dropped.
 */
function shorten(anchors: readonly string[]): string[] {
  const cut = (a: string, separators: RegExp): string => {
    const start = a.startsWith('^') ? '^' : '';
    const parts = a.replace(/^\^/, '').split(separators).map((x) => x.trim()).filter((x) => x.length > 0);
    const longest = parts.reduce((x, y) => (y.length > x.length ? y : x), '');
    return start && longest === parts[0] && !longest.includes(' ') ? start + longest : longest;
  };
  let words = [...new Set(anchors.map((a) => cut(a, /[^a-z0-9.' -]+/)))];
  if (words.length > 60) words = [...new Set(words.map((a) => cut(a, /[^a-z0-9.'-]+/)))];
  const plain = (w: string): string => w.replace(/^\^/, '');
  return words.filter((w) => !words.some((o) => o !== w && !o.startsWith('^') && plain(w).includes(plain(o))));
}

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) n++;
  return n;
}

/**
 * A trigger alternative's guard: its anchors cut to their longest run of letters
 * and digits (a part of a necessary string is necessary too), without words that
 * hold another of them. Matched against the clause lowercased with `includes`.
 */
function guardWords(anchors: readonly string[]): string[] {
  const words = [...new Set(anchors.map((a) => (a.match(/[a-z0-9]+/g) ?? ['']).reduce((x, y) => (y.length > x.length ? y : x))))];
  // (An empty word would pass every clause: sound, if useless.)
  return words.filter((w) => !words.some((o) => o !== w && w.includes(o)));
}

function hits(anchors: readonly string[], text: string): number {
  let n = 0;
  literalScanner([anchors]).scan(text, () => n++);
  return n;
}

export function generate(): string {
  const text = referenceText();
  // Of the literal runs a regex alternative must contain, the one met least often
  // in the reference text: each hit costs the prefilter a check of the triggers.
  const counted = new Map<string, number>();
  const cost: AnchorCost = (anchors) => {
    const key = anchors.join('\u0000');
    let n = counted.get(key);
    if (n === undefined) counted.set(key, (n = hits(anchors, text)));
    return n;
  };
  // A guard is cheapest when its words are rare in reference text: each hit runs the alternative.
  const lower = text.toLowerCase();
  const guardCost: AnchorCost = (anchors) => guardWords(anchors).reduce((n, w) => n + occurrences(lower, w), 0);
  const lines: string[] = [];
  /** Each pattern's anchors, in CLAIM_PATTERNS' order: the prefilter's groups (then the names'). */
  const groups: string[][] = [];
  const loose: string[] = [];
  const guards: string[] = [];
  for (const p of CLAIM_PATTERNS) {
    // Candidates: the cue's anchors and the triggers', each with runs picked by
    // length and by frequency; the one with the fewest hits wins.
    const candidates: string[][] = [];
    for (const pick of [undefined, cost]) {
      candidates.push(anchorsOf(p.cue.source, pick));
      try {
        const trigger = shorten(p.triggers.flatMap((t) => anchorsOf(loosen(t.source), pick)));
        if (trigger.every((a) => a.replace(/^\^/, '').length >= 2)) candidates.push(trigger);
      } catch {
        // a trigger without literal anchors: the cue's only
      }
    }
    const chosen = candidates.reduce((best, c) => (hits(c, text) < hits(best, text) ? c : best));
    lines.push(`  ${JSON.stringify(p.claim)}: ${JSON.stringify(chosen)},`);
    groups.push(chosen);
    loose.push(`  ${JSON.stringify(p.claim)}: ${JSON.stringify(withFoldedSources(p.triggers.map((t) => loosen(t.source)).join('|'), PUNCTUATION_FOLDS))},`);
    guards.push(`  ${JSON.stringify(p.claim)}: ${JSON.stringify(p.triggers.map((t) => guardWords(anchorsOf(loosen(t.source), guardCost))))},`);
  }
  // Names are never held to a word start: missing one would change what "it" means.
  const names = [...new Set([...anchorsOf(MGT_NAME.source), ...anchorsOf(OTHER_FORM.source), 'magnesium'].map((n) => n.replace(/^\^/, '')))];
  const table = scannerTable([...groups, names]);
  return `// Generated by scripts/gen-anchors.ts (npm run gen:anchors); do not edit.
// Literal anchors the prefilter scans for (see prefilter.ts): per claim pattern,
// and for the names of magnesium forms. A leading "^" means "starts a word".
import type { ClaimId } from '../types';
import type { ScannerTable } from '../text/scanner';

export const PATTERN_ANCHORS: Readonly<Record<ClaimId, readonly string[]>> = {
${lines.join('\n')}
};

export const NAME_ANCHORS: readonly string[] = ${JSON.stringify(names)};

/**
 * The prefilter's scanner (text/scanner.ts, \`scannerTable\`) for the groups above: each
 * pattern's anchors in CLAIM_PATTERNS' order, then the names. Written here so a
 * page's first pass need not work it out.
 */
export const PREFILTER_SCANNER: ScannerTable = JSON.parse(${JSON.stringify(JSON.stringify(table))});

/**
 * Per claim pattern, its triggers loosened into one regex source (no word boundaries
 * or lookarounds): a superset. They also accept, for each quote, dash and space,
 * every character normalization folds to it, so they run on raw page text.
 */
export const LOOSE_TRIGGERS: Readonly<Record<ClaimId, string>> = {
${loose.join('\n')}
};

/**
 * Per claim pattern, one guard per trigger, in order: lowercase words, one of which
 * every clause the trigger matches holds. A trigger whose guard fails is not run
 * (claims/triggers.ts), so it is never compiled on a page whose text cannot match it.
 */
export const TRIGGER_GUARDS: Readonly<Record<ClaimId, readonly (readonly string[])[]>> = {
${guards.join('\n')}
};
`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) {
  writeFileSync(OUT, generate());
  console.log(`wrote ${OUT.pathname}`);
}
