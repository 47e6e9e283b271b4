/**
 * Draws the application icon — the sun of the Kazakh flag over an open book — as assets/icon.svg (the source)
 * and assets/icon.png (512×512, for electron-builder), from one list of shapes so the two always agree.
 * No image libraries: the PNG is rasterised here (4×4 supersampling) and written with zlib.
 *
 *   npx tsx scripts/make-icon.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
type Rgb = [number, number, number];
type Shape =
  | { kind: 'roundedRect'; x: number; y: number; w: number; h: number; r: number; fill: Rgb }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: Rgb }
  | { kind: 'polygon'; points: [number, number][]; fill: Rgb };

const SKY: Rgb = [0x00, 0xaf, 0xca]; // the flag's sky blue
const GOLD: Rgb = [0xfe, 0xc5, 0x0c]; // the flag's gold
const PAGE: Rgb = [0xff, 0xff, 0xff];

const rays: Shape[] = Array.from({ length: 16 }, (_, i) => {
  const a = (i / 16) * Math.PI * 2;
  const spread = Math.PI / 40;
  const at = (angle: number, r: number): [number, number] => [256 + Math.cos(angle) * r, 176 + Math.sin(angle) * r];
  return { kind: 'polygon', points: [at(a - spread, 72), at(a, 100), at(a + spread, 72)], fill: GOLD };
});

const SHAPES: Shape[] = [
  { kind: 'roundedRect', x: 32, y: 32, w: 448, h: 448, r: 96, fill: SKY },
  ...rays,
  { kind: 'circle', cx: 256, cy: 176, r: 60, fill: GOLD },
  { kind: 'polygon', points: [[96, 296], [246, 324], [246, 432], [96, 404]], fill: PAGE },
  { kind: 'polygon', points: [[266, 324], [416, 296], [416, 404], [266, 432]], fill: PAGE },
];

function inside(shape: Shape, x: number, y: number): boolean {
  switch (shape.kind) {
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
    case 'roundedRect': {
      const { x: left, y: top, w, h, r } = shape;
      if (x < left || x > left + w || y < top || y > top + h) return false;
      const cx = Math.min(Math.max(x, left + r), left + w - r);
      const cy = Math.min(Math.max(y, top + r), top + h - r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    }
    case 'polygon': {
      let odd = false;
      const p = shape.points;
      for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
        const [xi, yi] = p[i]!;
        const [xj, yj] = p[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
      }
      return odd;
    }
  }
}

export function renderPng(): Buffer {
  const SS = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS;
          const y = py + (sy + 0.5) / SS;
          let color: Rgb | null = null;
          for (const shape of SHAPES) if (inside(shape, x, y)) color = shape.fill;
          if (color) { r += color[0]; g += color[1]; b += color[2]; a += 1; }
        }
      }
      const o = 1 + px * 4;
      if (a > 0) { row[o] = Math.round(r / a); row[o + 1] = Math.round(g / a); row[o + 2] = Math.round(b / a); }
      row[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(data: Buffer): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

export function renderSvg(): string {
  const hex = ([r, g, b]: Rgb) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const n = (v: number) => Number(v.toFixed(2));
  const body = SHAPES.map((s) => {
    if (s.kind === 'circle') return `  <circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${hex(s.fill)}"/>`;
    if (s.kind === 'roundedRect') return `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${hex(s.fill)}"/>`;
    return `  <polygon points="${s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${hex(s.fill)}"/>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
    '  <title>Sabaq</title>',
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  writeFileSync(path.join(assets, 'icon.svg'), renderSvg());
  writeFileSync(path.join(assets, 'icon.png'), renderPng());
  console.log('assets/icon.svg and assets/icon.png written');
}
