// Page and section context: is the page about MgT, and what is each block's default
// subject (the subject of sentences that name none, like product bullets)?
import type { TextBlock } from '../types';
import { mentionsMgt, mentionsOtherForm, type Subject } from './subject';

/** Regions whose text never makes claims or makes a page "about MgT" (menus, footers). */
export function isChrome(block: TextBlock): boolean {
  return block.region === 'nav' || block.region === 'footer';
}

const OTHER_SECTION = /\bother\s+(?:forms|types|kinds)\b|\balternatives\b/i;

export interface PageContext {
  aboutMgt: boolean;
  /** Default subject of each block, from the nearest heading above it (null: none). */
  sectionSubject: Array<Subject | null>;
}

/** `text(i)` gives block i's text for matching (normalized when it needs to be). */
export function pageContext(blocks: readonly TextBlock[], text: (i: number) => string, title = '', aboutOverride?: boolean): PageContext {
  let mentions = 0;
  let headingMention = mentionsMgt(title);
  blocks.forEach((b, i) => {
    if (isChrome(b) || b.region === 'aside') return;
    if (!mentionsMgt(text(i))) return;
    mentions++;
    if (b.headingLevel > 0 && b.headingLevel <= 2) headingMention = true;
  });
  const aboutMgt = aboutOverride ?? (headingMention || mentions >= 2);
  const pageDefault: Subject | null = aboutMgt ? 'mgt' : null;

  // Stack of open headings: [level, subject].
  const stack: Array<[number, Subject | null]> = [];
  const sectionSubject: Array<Subject | null> = [];
  blocks.forEach((b, i) => {
    if (b.headingLevel > 0 && !isChrome(b)) {
      while (stack.length && (stack[stack.length - 1] as [number, Subject | null])[0] >= b.headingLevel) stack.pop();
      const parent = stack.length ? (stack[stack.length - 1] as [number, Subject | null])[1] : pageDefault;
      let subject: Subject | null = parent;
      const t = text(i);
      if (mentionsMgt(t)) subject = 'mgt';
      else if (mentionsOtherForm(t) || OTHER_SECTION.test(t)) subject = 'other';
      stack.push([b.headingLevel, subject]);
    }
    sectionSubject.push(stack.length ? (stack[stack.length - 1] as [number, Subject | null])[1] : pageDefault);
  });
  return { aboutMgt, sectionSubject };
}
