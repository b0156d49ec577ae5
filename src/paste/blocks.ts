// Pasted text → blocks for the annotated frame. Pure.
// Blank lines separate paragraphs. Inside a paragraph, a line break joins two
// lines into one block only when it looks like wrapped prose (the line runs on
// into a lower-case word); otherwise each line is its own block, as on a label
// typed out line by line ("Magtein 2,000 mg" / "Supports memory").

export interface PasteBlock {
  text: string;
  /** First block of a paragraph (drawn with space above). */
  paragraphStart: boolean;
}

const RUNS_ON = /[\p{Ll},;:\-–]$/u;
const STARTS_LOWER = /^[\p{Ll}(]/u;

export function pasteBlocks(input: string): PasteBlock[] {
  const out: PasteBlock[] = [];
  const paragraphs = input.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n+/);
  for (const para of paragraphs) {
    const lines = para.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    let current: string | null = null;
    let first = true;
    for (const line of lines) {
      if (current !== null && RUNS_ON.test(current) && STARTS_LOWER.test(line)) {
        current += `\n${line}`;
        continue;
      }
      if (current !== null) {
        out.push({ text: current, paragraphStart: first });
        first = false;
      }
      current = line;
    }
    if (current !== null) out.push({ text: current, paragraphStart: first });
  }
  return out;
}
