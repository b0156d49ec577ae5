// A huge page's text reaches the prefilter as pieces that are never joined
// (src/core/text/text-source.ts). Read by slices, the pieces must be exactly the
// joined text, and the prefilter must find exactly the offsets it finds in it.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { candidateOffsets } from '../../src/core/claims/prefilter';
import { PiecedText } from '../../src/core/text/text-source';
import { rng } from '../../bench/pages';
import { fixturePages } from './fixture-pages';

/** `text` cut at random places into pieces (some empty), as a page's pieces would be. */
function cut(text: string, random: () => number, meanLength: number): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    const length = random() < 0.1 ? 0 : 1 + Math.floor(random() * 2 * meanLength);
    pieces.push(text.slice(at, at + length));
    at += length;
  }
  return pieces;
}

describe('PiecedText', () => {
  it('slices like the joined string, across any pieces', () => {
    const random = rng(7);
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 400) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
      const pieces = cut(text, random, 1 + Math.floor(random() * 40));
      const source = new PiecedText(pieces);
      expect(source.length).toBe(text.length);
      for (let k = 0; k < 20; k++) {
        const a = Math.floor(random() * (text.length + 20)) - 10;
        const b = Math.floor(random() * (text.length + 20)) - 10;
        expect(source.slice(a, b), `round ${round}: slice(${a}, ${b})`).toBe(text.slice(Math.max(0, a), Math.max(0, b)));
      }
    }
  });
});

describe('candidateOffsets over pieces', () => {
  it('finds the same offsets as over the joined text, on every fixture page', () => {
    const random = rng(11);
    for (const [name, html] of fixturePages()) {
      const text = parseHTML(html).document.body?.textContent ?? '';
      const whole = candidateOffsets(text);
      for (const mean of [3, 50, 5000]) {
        expect(candidateOffsets(new PiecedText(cut(text, random, mean))), `${name}, pieces of ~${mean}`).toEqual(whole);
      }
    }
  });

  it('finds a claim cut into pieces at a step boundary', () => {
    const claim = 'Magnesium L-threonate improves memory.';
    for (const shift of [0, 1, 5, 12, 37]) {
      const text = 'x'.repeat(16384 - shift) + claim + ' filler'.repeat(3000);
      const whole = candidateOffsets(text);
      expect(whole?.length, `shift ${shift}`).toBeGreaterThan(0);
      // One piece per character around the boundary, long pieces elsewhere.
      const at = 16384 - shift;
      const pieces = [text.slice(0, at - 3), ...text.slice(at - 3, at + 40).split(''), text.slice(at + 40)];
      expect(candidateOffsets(new PiecedText(pieces)), `shift ${shift}`).toEqual(whole);
    }
  });
});

describe('candidateOffsets in steps', () => {
  it('gives the same offsets wherever the step boundaries fall (words starting there included)', () => {
    // "xatp" and "xiq" must not count as the word-start anchors "atp" and "iq"; at a
    // step's first character only the character before it can tell.
    const snippet = 'Zinc xatp boosts xiq levels. Magnesium L-threonate supports ATP production and IQ. Improves memory.';
    const pad = (n: number) => 'z '.repeat(n >> 1) + (n & 1 ? 'z' : '');
    const reference = (candidateOffsets(pad(1000) + snippet) ?? []).map((o) => o - 1000);
    expect(reference.length).toBeGreaterThan(0);
    for (let at = 16384 - 64 - 30; at <= 16384 + 10; at++) {
      const text = pad(at) + snippet;
      expect((candidateOffsets(text) ?? []).map((o) => o - at), `snippet at ${at}`).toEqual(reference);
      expect((candidateOffsets(new PiecedText([text.slice(0, at + 3), text.slice(at + 3)])) ?? []).map((o) => o - at), `pieces, snippet at ${at}`).toEqual(reference);
    }
  });
});
