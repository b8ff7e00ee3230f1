// Draws the app icon (build/icon.png, 1024×1024) with no image library and no download:
// a blue rounded square with a white city skyline. Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 3; // per axis, for smooth edges

const BLUE_TOP = [16, 98, 168];
const BLUE_BOTTOM = [8, 62, 120];
const WHITE = [255, 255, 255];
const LIGHT = [158, 206, 240];

// Buildings as [left, right, top] in fractions of the icon; the ground line is at GROUND.
const GROUND = 0.78;
const BUILDINGS = [
  [0.16, 0.27, 0.52],
  [0.29, 0.39, 0.36],
  [0.41, 0.51, 0.47],
  [0.53, 0.63, 0.26],
  [0.65, 0.74, 0.42],
  [0.76, 0.85, 0.56],
];

function insideRoundedSquare(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Colour at a point (fractions 0..1), or null outside the icon. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  if (y >= GROUND && y <= GROUND + 0.035 && x >= 0.12 && x <= 0.89) return WHITE;
  for (const [left, right, top] of BUILDINGS) {
    if (x >= left && x <= right && y >= top && y < GROUND) {
      // A column of lit windows in each building.
      // Rows counted up from the ground so every window is whole.
      const wx = (x - left) / (right - left);
      const fromBase = GROUND - 0.05 - y;
      const k = Math.floor(fromBase / 0.06);
      const windowTop = GROUND - 0.05 - 0.06 * k - 0.033;
      const inWindow = wx > 0.3 && wx < 0.7 && fromBase >= 0 && fromBase - 0.06 * k < 0.033 && windowTop >= top + 0.05;
      return inWindow ? LIGHT : WHITE;
    }
  }
  const t = y;
  return BLUE_TOP.map((c, i) => Math.round(c + (BLUE_BOTTOM[i] - c) * t));
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const rowStart = py * (SIZE * 4 + 1);
  raw[rowStart] = 0; // PNG filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a += 1;
      }
    }
    const o = rowStart + 1 + px * 4;
    if (a > 0) {
      raw[o] = Math.round(r / a);
      raw[o + 1] = Math.round(g / a);
      raw[o + 2] = Math.round(b / a);
    }
    raw[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
process.stderr.write(`wrote ${out} (${png.length} bytes)\n`);
