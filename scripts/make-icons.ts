// Draws the Evidence Lens toolbar icons (a lens over a check mark) and writes them as PNGs.
// No dependencies: shapes are signed-distance functions, antialiased by supersampling,
// and the PNG is encoded by hand (zlib deflate from node:zlib + CRC32).
// Run: npx tsx scripts/make-icons.ts
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Rgb = [number, number, number];
/** A shape: negative distance inside, positive outside, in unit (0..1) coordinates. */
type Sdf = (x: number, y: number) => number;
interface Layer {
  shape: Sdf;
  color: Rgb;
}

const circle = (cx: number, cy: number, r: number): Sdf => (x, y) => Math.hypot(x - cx, y - cy) - r;
const ring = (cx: number, cy: number, r: number, half: number): Sdf => (x, y) =>
  Math.abs(Math.hypot(x - cx, y - cy) - r) - half;
/** A line segment with round ends (a "capsule"). */
const stroke = (ax: number, ay: number, bx: number, by: number, half: number): Sdf => (x, y) => {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - half;
};
const union = (...shapes: Sdf[]): Sdf => (x, y) => Math.min(...shapes.map((s) => s(x, y)));

const hex = (h: string): Rgb => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
];

/** Small icons get thicker strokes so they stay legible at 16 px. */
function layers(size: number): Layer[] {
  const w = size <= 16 ? 1.35 : size <= 32 ? 1.15 : 1;
  const cx = 0.42;
  const cy = 0.42;
  const r = 0.3;
  return [
    { shape: circle(cx, cy, r), color: hex('#ecfdf5') }, // glass
    { shape: stroke(0.64, 0.64, 0.86, 0.86, 0.085 * w), color: hex('#134e4a') }, // handle
    { shape: ring(cx, cy, r, 0.05 * w), color: hex('#0f766e') }, // rim
    {
      shape: union(stroke(0.29, 0.43, 0.39, 0.53, 0.05 * w), stroke(0.39, 0.53, 0.56, 0.32, 0.05 * w)),
      color: hex('#15803d'),
    }, // check
  ];
}

function render(size: number, samples = 8): Buffer {
  const rgba = Buffer.alloc(size * size * 4);
  const ls = layers(size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied accumulation over the sub-samples.
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let cr = 0, cg = 0, cb = 0, ca = 0;
          for (const l of ls) {
            if (l.shape(x, y) <= 0) {
              [cr, cg, cb] = l.color; // opaque layers: the top one wins
              ca = 1;
            }
          }
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      rgba[i + 3] = Math.round((a / n) * 255);
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
export function encodePng(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  // Each row starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function writeIcons(): void {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
  mkdirSync(outDir, { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, render(size)));
    console.log(file);
  }
}

// Write only when run as a script, so encodePng can be imported (e.g. by a test).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeIcons();
