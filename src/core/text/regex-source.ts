// Reading the source text of a regular expression: where a group or a class
// ends, its top-level alternatives, and a loosened copy. Used by the anchor
// finder (anchors.ts) and by scripts/gen-anchors.ts, which writes the
// prefilter's loosened triggers (claims/anchors.generated.ts).

/** Index just past the class that opens at `i` (source[i] === '['), or -1 if it never closes. */
function classEnd(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j + 1;
  }
  return -1;
}

/** Index just past the group that opens at `i` (source[i] === '('), or -1 if it never closes. */
export function groupEnd(source: string, i: number): number {
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') {
      const end = classEnd(source, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/** `source` split at its top-level `|`. */
export function alternatives(source: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[' || c === '(') {
      const end = c === '[' ? classEnd(source, i) : groupEnd(source, i);
      if (end < 0) throw new Error(`unbalanced ${c} in ${source}`);
      i = end - 1;
    } else if (c === '|') {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/**
 * `source` without word boundaries, anchors and lookaround groups: the regex then
 * matches a superset (what it matched, and text where only a boundary or a
 * lookaround failed).
 */
export function loosen(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      if (e !== 'b' && e !== 'B') out += c + e;
      i++;
    } else if (c === '[') {
      const end = classEnd(source, i);
      if (end < 0) throw new Error(`unbalanced [ in ${source}`);
      out += source.slice(i, end); // inside a class, \b is a backspace: kept as it is
      i = end - 1;
    } else if (c === '(' && /^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      const end = groupEnd(source, i);
      i = (end < 0 ? source.length : end) - 1;
    } else if (c !== '^' && c !== '$') {
      out += c;
    }
  }
  return out;
}

/** `ch` as a regex escape, \uXXXX (a code unit of the Basic Multilingual Plane). */
export function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Per character a fold produces, the escapes of every other character folded to it. */
export function foldedFrom(folds: Readonly<Record<string, string>>): Map<string, string> {
  const from = new Map<string, string>();
  for (const [raw, to] of Object.entries(folds)) if (raw !== to) from.set(to, (from.get(to) ?? '') + unicodeEscape(raw));
  return from;
}

/** Does the (positive) class body hold `ch` itself: unescaped, escaped, or a dash at either end? */
function classHolds(body: string, ch: string): boolean {
  if (ch === '-') return body.startsWith('-') || body.endsWith('-') || body.includes('\\-');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      if (body[i + 1] === ch) return true;
      i++;
    } else if (body[i] === ch) return true;
  }
  return false;
}

/**
 * `source` made to match raw text wherever it matched folded text: each
 * character a fold produces (an ASCII quote, dash or space) it accepts, alone or
 * in a class, it then accepts as any character folded to it. Negated classes
 * need nothing: they already accept the raw (non-ASCII) characters. The
 * prefilter's loosened triggers are written so, and its windows need no folding.
 */
export function withFoldedSources(source: string, folds: Readonly<Record<string, string>>): string {
  const from = foldedFrom(folds);
  const either = (ch: string): string => `[\\${ch === ' ' ? 'x20' : ch}${from.get(ch) as string}]`;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      out += from.has(e) ? either(e) : c + e;
      i++;
    } else if (c === '[') {
      const end = classEnd(source, i);
      if (end < 0) throw new Error(`unbalanced [ in ${source}`);
      const cls = source.slice(i, end);
      const body = cls.slice(1, -1);
      const extra = body.startsWith('^') ? '' : [...from.keys()].filter((ch) => classHolds(body, ch)).map((ch) => from.get(ch)).join('');
      // New members go where they cannot make a range with a "-" of the class.
      if (extra === '') out += cls;
      else if (!body.startsWith('-')) out += `[${extra}${body}]`;
      else if (!body.endsWith('-')) out += `[${body}${extra}]`;
      else out += `(?:${cls}|[${extra}])`;
      i = end - 1;
    } else {
      out += from.has(c) ? either(c) : c;
    }
  }
  return out;
}
