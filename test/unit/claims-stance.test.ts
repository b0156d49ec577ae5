// Stance rules: what makes a claim asserted, hedged or negated.
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import type { Stance, TextBlock } from '../../src/core/types';

const page = (text: string): TextBlock[] => [
  { text: 'Magnesium L-Threonate', tag: 'h1', headingLevel: 1, region: 'main' },
  { text, tag: 'p', headingLevel: 0, region: 'main' },
];
const stanceOf = (text: string, claim: string): Stance | undefined =>
  detectClaims(page(text)).find((m) => m.claim === claim)?.stance;

describe('stance', () => {
  it.each<[string, string, Stance]>([
    ['Does magnesium L-threonate improve memory?', 'memory', 'hedged'],
    ['The company says Magtein improves sleep quality.', 'sleep', 'hedged'],
    ['Brands claim it crosses the blood-brain barrier.', 'brain-uptake', 'hedged'],
    ['Rats given MgT showed better learning and memory.', 'memory', 'hedged'],
    ['In a 2010 rat study in the journal Neuron, MgT raised brain magnesium.', 'neuron-2010', 'asserted'],
    ['Not only does MgT cross the blood-brain barrier, it also improves memory.', 'brain-uptake', 'asserted'],
    ['No more leg cramps since I started Magtein.', 'muscle-cramps', 'asserted'],
    ['Three weeks is not enough to say MgT improves sleep.', 'sleep', 'negated'],
    ['None of this shows that MgT prevents dementia.', 'dementia', 'negated'],
    ['The claim that MgT is the only form to reach the brain is simply wrong.', 'brain-uptake-exclusive', 'negated'],
    ['It is not "safe for everyone": people with kidney disease should ask first.', 'safety', 'negated'],
    ['Threonate and threonine are different molecules, and MgT contains threonate.', 'threonine-confusion', 'negated'],
    ['Magtein does not act as a laxative.', 'gi-tolerance', 'asserted'],
    ['There is no proof yet that MgT prevents dementia.', 'dementia', 'negated'],
  ])('%s → %s %s', (text, claim, stance) => {
    expect(stanceOf(text, claim)).toBe(stance);
  });
});

describe('stance inside a long trigger', () => {
  it('"Unlike other forms, it appears to cross…" is hedged, and reported once', () => {
    const ms = detectClaims(page('Unlike other forms of magnesium, MgT appears to be able to cross the blood-brain barrier.'));
    expect(ms.map((m) => `${m.claim}:${m.stance}`)).toEqual(['brain-uptake-exclusive:hedged']);
  });
});

// The denials' and the doubts' cues, each alternative run only on text holding one of
// its words (round 22), against the single regular expressions they were until then.
describe('denial and doubt cues (one guarded pattern per alternative)', async () => {
  const { deniesEvidence, deniedAfter, hedgedBefore } = await import('../../src/core/claims/stance');
  const { fixturePages } = await import('./fixture-pages');
  const { W } = await import('./wordings');
  const { extractPageData } = await import('../../src/extract');
  const { parseHTML } = await import('linkedom');
  const { CLAIM_IDS } = await import('../../src/core/types');
  const NEG_EVIDENCE_BEFORE =
    /\b(?:no|little|insufficient|limited|lacks?|lacking|without|weak|scant)\s+(?:\w+\s+){0,2}(?:evidence|proof|data|study|studies|trial|trials|research)\b|\bthere\s+(?:is|are)\s+no\b|\b(?:not|never)\s+(?:been\s+|yet\s+been\s+)?(?:shown|proven|demonstrated|established|confirmed)\b|\bunproven\b|\bmyths?\b|\bdebunk\w*|\bcontrary\s+to\b|\b(?:false|untrue|misleading)\s+(?:claim|idea|notion|that)|\bdespite\s+(?:the\s+)?(?:claims?|marketing)|\bnot\s+enough\s+(?:\w+\s+){0,3}to\s+(?:say|claim|conclude|show|know)|\btoo\s+(?:small|few|short|weak|early)\s+(?:\w+\s+){0,2}to\s+(?:say|claim|conclude|show|know)|\bnone\s+of\s+(?:this|these|that|those|them|the\s+\w+)\s+(?:shows?|proves?|means?|demonstrates?|suggests?)|\b(?:doesn'?t|does\s+not|don'?t|do\s+not|did\s+not|didn'?t)\s+(?:show|prove|mean|demonstrate|establish)\s+that\b/i;
  const NEG_AFTER_BEFORE =
    /^[^.!?]{0,60}?\b(?:is|are|was|remains?)\s+(?:\w+ly\s+)?(?:a\s+|an?\s+)?(?:\w+\s+)?(?:myth|mix-?up|misconception|mistake|error|confusion|false|untrue|not\s+true|unproven|unsupported|not\s+supported|overstated|exaggerated|misleading|wrong|marketing)\b|^[^.;!?]{0,40}?\b(?:has|have)\s+(?:not|never)\s+been\s+(?:shown|proven|demonstrated|established|confirmed)|^[^.;!?]{0,20}?\b(?:is|are)\s+not\s+(?:supported|backed)\b|^[^.!?]{0,40}?\b(?:is|are)\s+(?:\w+\s+)?(?:different|distinct|not\s+the\s+same)\b/i;

  const HEDGE_BEFORE =
    /\b(?:may|might|could|possibly|perhaps|potentially|whether|preliminary|(?:studies|research|evidence|data|findings|results|it|this)\s+(?:\w+\s+)?suggests?|suggests?\s+that|suggested\s+that|appears?\s+to|seems?\s+to|reportedly|supposedly|allegedly|purported\w*|touted|claimed|claims?\s+(?:that|to)|is\s+said\s+to|are\s+said\s+to|marketed\s+as|promoted\s+as|believed\s+to|thought\s+to|hoped?|hopefully|unclear|uncertain|unknown|theoretically|early\s+(?:research|studies|evidence|data)|some\s+(?:studies|research|evidence|of\s+us|websites|sites|labels|sellers|brands|companies|marketers|articles|bloggers)|says?|said|claims?|believes?|cautioned|warned|questioned|doubts?|argues?|insists?|describes?|calls?|the\s+(?:idea|claim|notion|belief|assertion|promise)\s+that)\b|\bif\b[^,]*$/i;

  /** Every text the tests know: the fixture pages' blocks, every wording, and denials written in capitals. */
  const texts: string[] = [];
  for (const [, html] of fixturePages()) {
    const { document } = parseHTML(html);
    for (const b of extractPageData(document as unknown as Document, null).page.blocks) texts.push(b.text);
  }
  for (const id of CLAIM_IDS) for (const c of [...W[id].yes, ...W[id].no]) texts.push(typeof c === 'string' ? c : c.text);
  texts.push('THERE IS NO EVIDENCE that it works. It IS A MYTH. Has NOT been SHOWN. Is not Backed. Are NOT THE SAME.');
  texts.push('Some Studies SUGGEST it. The Idea That it helps. IF it works, Marketed As a cure; Believed To help; Early Research; it is said to; claims to.');

  it('say exactly what the single expressions said, before and after every word of every text', () => {
    let windows = 0;
    let denials = 0;
    let doubts = 0;
    for (const text of texts) {
      for (let at = 0; at <= text.length; at++) {
        if (at > 0 && at < text.length && /\w/.test(text[at - 1] as string) && /\w/.test(text[at] as string)) continue;
        const before = text.slice(Math.max(0, at - 240), at);
        const after = text.slice(at, at + 240);
        const was = [NEG_EVIDENCE_BEFORE.test(before), NEG_AFTER_BEFORE.test(after), HEDGE_BEFORE.test(before)];
        expect([deniesEvidence(before), deniedAfter(after), hedgedBefore(before)], `${JSON.stringify(before)} | ${JSON.stringify(after)}`).toEqual(was);
        windows++;
        if (was[0] || was[1]) denials++;
        if (was[2]) doubts++;
      }
    }
    expect(windows).toBeGreaterThan(10_000);
    expect(denials).toBeGreaterThan(200);
    expect(doubts).toBeGreaterThan(1_000);
  });
});
