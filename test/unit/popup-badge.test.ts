import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { badgeText } from '../../src/background/badge';

describe('badgeText', () => {
  it('hides the badge for no claims', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
  });
  it('shows the count, capped so it fits', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});

// The committed icons: valid PNGs of the size their names say, with visible pixels.
describe('toolbar icons', () => {
  it.each([16, 32, 48, 128])('icon-%i.png', (size) => {
    const png = readFileSync(new URL(`../../assets/icons/icon-${size}.png`, import.meta.url));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
    // Collect IDAT chunks and check that some pixels are opaque and some transparent.
    const parts: Buffer[] = [];
    for (let o = 8; o < png.length; ) {
      const len = png.readUInt32BE(o);
      if (png.toString('ascii', o + 4, o + 8) === 'IDAT') parts.push(png.subarray(o + 8, o + 8 + len));
      o += 12 + len;
    }
    const raw = inflateSync(Buffer.concat(parts));
    expect(raw.length).toBe(size * (size * 4 + 1));
    let opaque = 0;
    let clear = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const a = raw[y * (size * 4 + 1) + 1 + x * 4 + 3] ?? 0;
        if (a === 255) opaque++;
        if (a === 0) clear++;
      }
    }
    expect(opaque).toBeGreaterThan(size * size * 0.2);
    expect(clear).toBeGreaterThan(size * size * 0.1);
  });
});
