// Sentence splitting with Intl.Segmenter (ICU rules), available in Node 20 and browsers.

let segmenter: Intl.Segmenter | null = null;

/** [start, end) offsets of each sentence of `text`, trailing spaces excluded. */
export function sentenceSpans(text: string): Array<[number, number]> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const spans: Array<[number, number]> = [];
  for (const seg of segmenter.segment(text)) {
    let end = seg.index + seg.segment.length;
    while (end > seg.index && text.charCodeAt(end - 1) === 32) end--;
    if (end > seg.index) spans.push([seg.index, end]);
  }
  return spans;
}
