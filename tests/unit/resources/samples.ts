import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { crc32 } from '../../../src-core/board/zip';

/**
 * Tiny valid files of every kind the library keeps, built here byte by byte from their formats' specifications, so
 * a test can also cut them short or damage them at a known place.
 */

const bytes = (...parts: (Uint8Array | number[] | string)[]): Uint8Array => {
  const arrays = parts.map((p) => (typeof p === 'string' ? latin1(p) : p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) { out.set(a, o); o += a.length; }
  return out;
};
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const le16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const zeros = (n: number) => new Uint8Array(n);

export async function pdfSample(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A6' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text('Sabaq');
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

const pngChunk = (type: string, data: Uint8Array | number[]) => {
  const body = bytes(type, data);
  return bytes(be32(body.length - 4), body, be32(crc32(body)));
};

/** A red PNG one pixel wide (and one high unless asked). */
export function pngSample(height = 1): Uint8Array {
  const ihdr = [...be32(1), ...be32(height), 8, 2, 0, 0, 0];
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.from([0, 255, 0, 0]))); // filter byte, R, G, B
  return bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', []));
}

/** A 1×1 grey baseline JPEG: one 8×8 block whose DC difference and AC coefficients are all zero. */
export function jpegSample(): Uint8Array {
  const table = (cls: number) => [0xff, 0xc4, 0x00, 0x14, cls, 1, ...zeros(15), 0x00];
  return bytes(
    [0xff, 0xd8],
    [0xff, 0xe0, 0x00, 0x10], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0],
    [0xff, 0xdb, 0x00, 0x43, 0x00], new Uint8Array(64).fill(1),
    [0xff, 0xc0, 0x00, 0x0b, 8, 0, 1, 0, 1, 1, 1, 0x11, 0],
    table(0x00), table(0x10),
    [0xff, 0xda, 0x00, 0x08, 1, 1, 0x00, 0, 63, 0],
    [0x3f], // DC category 0 ('0'), end of block ('0'), padded with ones
    [0xff, 0xd9],
  );
}

/** A 1×1 GIF89a with a two-colour palette. */
export function gifSample(): Uint8Array {
  return bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0], [0, 0, 0, 255, 255, 255],
    [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0], [2, 2, 0x44, 0x01, 0], [0x3b]);
}

/** A 1×1 lossless WebP (VP8L). */
export function webpSample(): Uint8Array {
  const vp8l = [0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07];
  const chunk = bytes('VP8L', le32(vp8l.length), vp8l, [0]); // odd chunks are padded to even
  return bytes('RIFF', le32(4 + chunk.length), 'WEBP', chunk);
}

/** MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz (417 bytes each), optionally after an ID3v2 tag. */
export function mp3Sample(frames = 4, id3 = true): Uint8Array {
  const frame = bytes([0xff, 0xfb, 0x90, 0x00], zeros(417 - 4));
  const title = bytes('TIT2', be32(6), [0, 0], [0], 'Song');
  const tag = bytes('ID3', [3, 0, 0], [0, 0, 0, title.length], title);
  return bytes(...(id3 ? [tag] : []), ...Array.from({ length: frames }, () => frame));
}

let oggTable: Uint32Array | undefined;
function oggCrc(data: Uint8Array): number {
  if (!oggTable) {
    oggTable = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let r = i << 24;
      for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
      oggTable[i] = r >>> 0;
    }
  }
  let crc = 0;
  for (const b of data) crc = ((crc << 8) ^ oggTable[((crc >>> 24) ^ b) & 0xff]!) >>> 0;
  return crc;
}

function oggPage(flags: number, sequence: number, packet: Uint8Array): Uint8Array {
  const page = bytes('OggS', [0, flags], zeros(8), le32(0x5abac), le32(sequence), le32(0), [1, packet.length], packet);
  page.set(le32(oggCrc(page)), 22);
  return page;
}

/** An Ogg Opus stream (head, tags, one silent packet), or an Ogg Theora one's first page for video. */
export function oggSample(codec: 'opus' | 'theora' = 'opus'): Uint8Array {
  const head = codec === 'opus'
    ? bytes('OpusHead', [1, 1], le16(312), le32(48000), [0, 0, 0])
    : bytes([0x80], 'theora', [3, 2, 1], zeros(35));
  const tags = codec === 'opus' ? bytes('OpusTags', le32(5), 'sabaq', le32(0)) : bytes([0x81], 'theora', le32(0), le32(0));
  return bytes(oggPage(0x02, 0, head), oggPage(0, 1, tags), oggPage(0x04, 2, Uint8Array.from([0xf8])));
}

/** 100 samples of 16-bit mono PCM at 8 kHz. */
export function wavSample(): Uint8Array {
  const fmt = bytes('fmt ', le32(16), le16(1), le16(1), le32(8000), le32(16000), le16(2), le16(16));
  const data = bytes('data', le32(200), zeros(200));
  return bytes('RIFF', le32(4 + fmt.length + data.length), 'WAVE', fmt, data);
}

const box = (type: string, ...payload: (Uint8Array | number[] | string)[]) => {
  const body = bytes(...payload);
  return bytes(be32(8 + body.length), type, body);
};

/** A movie header box: timescale 1000, no duration, identity matrix, next track 1. */
const mvhd = () => box('mvhd', [0, 0, 0, 0], be32(0), be32(0), be32(1000), be32(0), be32(0x00010000), [1, 0], zeros(10),
  be32(0x00010000), be32(0), be32(0), be32(0), be32(0x00010000), be32(0), be32(0), be32(0), be32(0x40000000), zeros(24), be32(1));

/** ISO base media: `ftyp` with the brand, a movie box and a little media data. */
export function isoSample(brand: 'isom' | 'M4A ' | 'qt  ' | 'heic', opts: { largeMdat?: boolean } = {}): Uint8Array {
  const ftyp = box('ftyp', brand, be32(0x200), brand, 'isom');
  const media = zeros(64).fill(7);
  const mdat = opts.largeMdat ? bytes(be32(1), 'mdat', be32(0), be32(16 + media.length), media) : box('mdat', media);
  return bytes(ftyp, box('moov', mvhd()), mdat);
}

const ebmlElement = (id: number[], payload: Uint8Array) => bytes(id, [0x80 | payload.length], payload);

/** An EBML header naming the document type, then a segment with an Info element (known or unknown size). */
export function ebmlSample(docType: 'webm' | 'matroska', opts: { unknownSize?: boolean } = {}): Uint8Array {
  const header = bytes(
    ebmlElement([0x42, 0x86], Uint8Array.from([1])), ebmlElement([0x42, 0xf7], Uint8Array.from([1])),
    ebmlElement([0x42, 0xf2], Uint8Array.from([4])), ebmlElement([0x42, 0xf3], Uint8Array.from([8])),
    ebmlElement([0x42, 0x82], latin1(docType)), ebmlElement([0x42, 0x87], Uint8Array.from([2])),
    ebmlElement([0x42, 0x85], Uint8Array.from([2])),
  );
  // Info { TimecodeScale 1,000,000 }
  const info = ebmlElement([0x15, 0x49, 0xa9, 0x66], Uint8Array.from([0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40]));
  const size = opts.unknownSize ? [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] : [0x01, 0, 0, 0, 0, 0, 0, info.length];
  return bytes([0x1a, 0x45, 0xdf, 0xa3], [0x80 | header.length], header, [0x18, 0x53, 0x80, 0x67], size, info);
}

/** A small HTML5 package: index.html at the root with its script, style and picture. */
export function html5Sample(files: Record<string, string | Uint8Array> = {}): Uint8Array {
  return zipSync({
    'index.html': strToU8('<!doctype html><html><head><link rel="stylesheet" href="css/style.css"><script src="js/app.js"></script></head><body>Сәлем</body></html>'),
    'js/app.js': strToU8('document.body.dataset.ready = "yes";'),
    'css/style.css': strToU8('body { color: #123456 }'),
    'img/dot.png': pngSample(),
    ...Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
  });
}

/** A zip of the given files (a package, or a zip that is none). */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
}

export { bytes, latin1 };
