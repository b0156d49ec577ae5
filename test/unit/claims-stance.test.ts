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
