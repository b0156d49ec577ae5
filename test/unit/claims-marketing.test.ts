// Label and marketing wording as product pages write it (bullets under a product
// heading, so the subject is the product). Each row: the sentence, and every
// "claim:stance" it must yield, no more.
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../src/core/claims/detect';
import type { TextBlock } from '../../src/core/types';

const page = (text: string): TextBlock[] => [
  { text: 'Magtein Magnesium L-Threonate', tag: 'h1', headingLevel: 1, region: 'main' },
  { text, tag: 'p', headingLevel: 0, region: 'main' },
];

describe('marketing wording', () => {
  it.each<[string, string]>([
    ["Magtein is the first magnesium compound able to effectively boost brain magnesium levels.", "brain-uptake-exclusive:asserted"],
    ["Helps with brain fog.", "cognition:asserted"],
    ["Supports a healthy stress response.", "anxiety-stress:asserted"],
    ["Helps you fall asleep and stay asleep.", "sleep:asserted"],
    ["Supports healthy magnesium levels in the brain.", "brain-uptake:asserted"],
    ["Supports healthy brain magnesium levels.", "brain-uptake:asserted"],
    ["Won't have a laxative effect like other forms.", "gi-tolerance:asserted"],
    ["Promotes healthy memory function.", "memory:asserted"],
    ["Supports brain plasticity.", "synapse-density:asserted"],
    ["Helps maintain healthy synaptic density.", "synapse-density:asserted"],
    ["Supports relaxation and restful sleep.", "anxiety-stress:asserted sleep:asserted"],
    ["Natural sleep aid.", "sleep:asserted"],
    ["Boosts brainpower.", "cognition:asserted"],
    ["Clinically researched ingredient.", "clinically-proven:asserted"],
    ["Proven to support memory.", "clinically-proven:asserted memory:asserted"],
    ["Backed by human clinical trials.", "clinically-proven:asserted"],
    ["Safe for daily use.", "safety:asserted"],
    ["Developed by neuroscientists at MIT.", "mit-origin:asserted"],
    ["Increases brain magnesium levels by up to 15%.", "brain-uptake:asserted"],
    ["Supports learning, memory and focus.", "cognition:asserted memory:asserted"],
    ["Supports cognitive health as you age.", "cognition:asserted"],
    ["Promotes a calm, focused mind.", "anxiety-stress:asserted"],
    ["Helps support healthy sleep patterns.", "sleep:asserted"],
    ["Enhances mental clarity and focus.", "cognition:asserted"],
    ["Improves short-term and long-term memory.", "memory:asserted"],
    ["Reduces occasional anxiety.", "anxiety-stress:asserted"],
    ["Supports healthy mood.", "mood:asserted"],
    ["Higher brain bioavailability than other magnesium forms.", "brain-uptake:asserted superior-form:asserted"],
    ["May support memory, focus and sleep.", "cognition:hedged memory:hedged sleep:hedged"],
    ["Our customers report deeper sleep and sharper memory.", "memory:asserted sleep:asserted"],
    ["Scientifically proven to cross the blood brain barrier.", "brain-uptake:asserted clinically-proven:asserted"],
    ["Formulated with patented Magtein.", "patented-form:asserted"],
    ["Magtein increased synapse density by 30% in animal studies.", "synapse-density:hedged"],
    ["It's a great option for people with ADHD.", "adhd:asserted"],
    ["Helps relieve headaches.", "pain:asserted"],
    ["Helps with leg cramps at night.", "muscle-cramps:asserted"],
  ])('%s → %s', (text, expected) => {
    const got = detectClaims(page(text)).map((m) => `${m.claim}:${m.stance}`).sort().join(' ');
    expect(got).toBe(expected);
  });
});
