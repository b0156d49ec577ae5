// A long text read by slices: a string, or consecutive pieces never joined whole.
// A huge page's text arrives in pieces (content/page-text.ts); joining 5 MB of
// them into one string copies it all, in one step, only for the prefilter to read
// it again 16 K characters at a time. Not joining them keeps that copy out of the
// pass: the same work in total, but no step that long (content/page-index.ts).

import { pieceHolding } from './piece-holding';

/** What the prefilter needs of its text: its length and slices of it. */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** Consecutive pieces read as one text; a slice joins only the pieces it covers. */
export class PiecedText implements TextSource {
  readonly length: number;
  /** Where each piece starts in the whole text. */
  private readonly starts: number[] = [];

  constructor(private readonly pieces: readonly string[]) {
    let at = 0;
    for (const piece of pieces) {
      this.starts.push(at);
      at += piece.length;
    }
    this.length = at;
  }

  slice(start: number, end: number): string {
    const from = Math.max(0, start);
    const to = Math.min(this.length, end);
    if (from >= to) return '';
    let i = pieceHolding(this.starts, from);
    const first = this.pieces[i] as string;
    const offset = this.starts[i] as number;
    // Most slices lie in one piece: a slice of it shares its memory.
    if (to <= offset + first.length) return first.slice(from - offset, to - offset);
    const parts = [first.slice(from - offset)];
    for (i++; i < this.pieces.length && (this.starts[i] as number) < to; i++) {
      const piece = this.pieces[i] as string;
      const pieceStart = this.starts[i] as number;
      parts.push(to >= pieceStart + piece.length ? piece : piece.slice(0, to - pieceStart));
    }
    return parts.join('');
  }
}
