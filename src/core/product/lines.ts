// Turns page blocks into "fact lines" for label parsing. Table cells and
// definition-list items arrive as separate blocks ("Serving Size", "3 Capsules");
// consecutive ones are joined with " | " so a label and its value sit in one line.
//
// Only lines that can hold a label fact are kept (a cheap test before the
// costlier normalisation and regexes): this runs on every page, some of them 1 MB.
import type { TextBlock } from '../types';
import { normalizeFactText } from './text';

export interface FactLine {
  /** Normalised text (see normalizeFactText). */
  text: string;
  /** From table cells / definition lists (a label), not prose. */
  tabular: boolean;
  heading: boolean;
}

const TABULAR_TAGS = new Set(['td', 'th', 'dt', 'dd']);

/** Words every fact, directions line or directions heading contains at least one of. */
const RELEVANT = /threon|magtein|mgt|elemental|serving|supplement\s+facts|directions|suggested|recommended|dosage|\btak(?:e|es|ing)\b/i;
/** A heading or short label after which the directions follow in the next block. */
const LABEL_MAX = 40;

/** Lines from the main region only: navigation, asides and footers hold other products. */
export function factLines(blocks: readonly TextBlock[]): FactLine[] {
  const lines: FactLine[] = [];
  let cells: string[] = [];
  let keepNext = false;
  const endTable = (): void => {
    if (cells.length > 0) {
      const joined = cells.join(' | ');
      if (keepNext || RELEVANT.test(joined)) lines.push({ text: normalizeFactText(joined), tabular: true, heading: false });
      keepNext = false;
    }
    cells = [];
  };
  for (const block of blocks) {
    if (block.region !== 'main') continue;
    if (TABULAR_TAGS.has(block.tag)) {
      cells.push(block.text);
      continue;
    }
    endTable();
    const relevant = RELEVANT.test(block.text);
    if (!relevant && !keepNext) continue;
    const text = normalizeFactText(block.text);
    if (text === '') continue;
    const heading = block.headingLevel > 0;
    lines.push({ text, tabular: false, heading });
    keepNext = relevant && (heading || text.length < LABEL_MAX);
  }
  endTable();
  return lines;
}
