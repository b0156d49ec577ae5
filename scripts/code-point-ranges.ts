// The runs of code points from `from` to U+10FFFF (surrogates left out) whose
// character passes `test`, as [first, last] pairs in order: what the generated
// Unicode tables (gen-risky.ts, gen-symbols.ts) are made of.
export function codePointRanges(from: number, test: (ch: string) => boolean): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let c = from; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (!test(String.fromCodePoint(c))) continue;
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
  }
  return ranges;
}
