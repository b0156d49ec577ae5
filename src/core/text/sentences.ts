// Sentence splitting by ICU's rules (UAX #29): sentence-break.ts for plain text,
// Intl.Segmenter for the rest; then a few fixes for how pages write (abbreviations,
// informal lower-case starts).
import { sentenceStarts } from './sentence-break';

let segmenter: Intl.Segmenter | null = null;
/**
 * A terminator or a line break with more text after it: only there can ICU's rules
 * end a sentence inside a text, except after a full stop followed at once by a
 * lower-case letter or a digit ("2.5 mg", "example.com": UAX #29, SB6 and SB8),
 * which keeps such texts off ICU, whose first use costs ~25 ms. (Was: a terminator,
 * closing marks, white space and more text; but "levels.* The camera" also ends a
 * sentence after "levels.", which a longer text split and the text alone did not.)
 */
const INNER_END = /\.(?![a-z0-9])\s*\S|[!?\u2026\n\r\u0085\u2028\u2029]\s*\S/;

/** Abbreviations ICU may end a sentence at ("U.S. adults", "e.g. citrate", "Dr. Liu"). */
export const ABBREVIATION = /(?:^|[\s(])(?:U\.S|U\.K|e\.g|i\.e|vs|Dr|Drs|Prof|St|Inc|Ltd|Co|No|Fig|approx|ca|etc|al|Mr|Mrs|Ms|Jr|Sr)\.$/;

/** [start, end) offsets of each sentence of `text`, trailing spaces excluded. */
export function sentenceSpans(text: string): Array<[number, number]> {
  // Most blocks (cells, buttons, titles, short paragraphs) are one sentence: skip ICU.
  if (!INNER_END.test(text)) {
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
    let start = 0;
    while (start < end && text.charCodeAt(start) === 32) start++;
    return end > start ? [[start, end]] : [];
  }
  const spans: Array<[number, number]> = [];
  for (const [segStart, segEnd] of segments(text)) {
    let end = segEnd;
    while (end > segStart && text.charCodeAt(end - 1) === 32) end--;
    if (end <= segStart) continue;
    const last = spans[spans.length - 1];
    // Rejoin a sentence that ICU's rules split after an abbreviation, unless a
    // capitalised word follows "etc." or "al." (those often do end a sentence).
    if (last && ABBREVIATION.test(text.slice(Math.max(0, last[1] - 8), last[1])) && !/(?:etc|al)\.$/.test(text.slice(last[1] - 4, last[1]))) {
      last[1] = end;
    } else spans.push([segStart, end]);
  }
  return splitLowercaseStarts(text, spans);
}

/** [start, end) of each sentence by ICU's rules (UAX #29): computed here for plain text, else by Intl.Segmenter. */
function* segments(text: string): Generator<[number, number], void, void> {
  const starts = sentenceStarts(text);
  if (starts !== null) {
    for (let i = 0; i < starts.length; i++) yield [starts[i] as number, starts[i + 1] ?? text.length];
    return;
  }
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  // V8's segment iterator costs time in proportion to the whole string at every step,
  // so a long text is cut into chunks first, at places ICU breaks anyway (". The").
  for (const [c0, c1] of chunks(text)) {
    for (const seg of segmenter.segment(c1 - c0 === text.length ? text : text.slice(c0, c1))) {
      yield [c0 + seg.index, c0 + seg.index + seg.segment.length];
    }
  }
}

const CHUNK = 2048;
/**
 * A sentence end ICU's rules (UAX #29) always break after: a terminator, closing
 * marks, white space, then a capital letter (perhaps after an opening mark). Where
 * long text is cut, here and in windows.ts; callers set `lastIndex` before each use.
 */
export const SAFE_BREAK = /[.!?]["')\]]*\s+(?=["'(]?[A-Z])/g;

/** [start, end) chunks of about CHUNK characters, cut only at safe sentence breaks. */
function chunks(text: string): Array<[number, number]> {
  if (text.length <= CHUNK * 2) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > CHUNK * 2) {
    SAFE_BREAK.lastIndex = start + CHUNK;
    const m = SAFE_BREAK.exec(text);
    if (!m) break;
    const cut = m.index + m[0].length;
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, text.length]);
  return out;
}

/** Informal text ("been on it 6 weeks. my brain fog lifted…"): ICU won't break before lower case. */
const LOWER_START = /[a-z]{2,}[.!?]\s+(?=[a-z])/g;

function splitLowercaseStarts(text: string, spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    let start = a;
    const part = text.slice(a, b);
    LOWER_START.lastIndex = 0;
    for (let m = LOWER_START.exec(part); m; m = LOWER_START.exec(part)) {
      const dot = a + m.index + m[0].search(/[.!?]/) + 1;
      if (ABBREVIATION.test(text.slice(Math.max(start, dot - 8), dot))) continue;
      out.push([start, dot]);
      start = a + m.index + m[0].length;
    }
    out.push([start, b]);
  }
  return out;
}
