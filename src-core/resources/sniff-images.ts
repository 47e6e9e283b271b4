import { crc32 } from '../board/zip';
import { ascii, lastIndexOf, startsWith, u32be, u32le, type BlockReader } from './bytes';
import { fileCorrupt, fileTruncated } from './file-errors';
import type { FileCheck } from './sniff';

/**
 * Documents and pictures, by their bytes: each check says whether the file starts as its format does, then
 * whether its end is there (a file cut short loses its end marker first).
 */

const tail = (r: BlockReader, n: number) => r.bytes(Math.max(0, r.size - n), n);

/** PDF: `%PDF-` in the first kilobyte (readers allow a little junk before it) and `%%EOF` in the last one. */
export const pdf: FileCheck = {
  matches: (head) => lastIndexOf(head.subarray(0, 1024), '%PDF-') >= 0,
  async verify(r, head) {
    const at = lastIndexOf(head.subarray(0, 1024), '%PDF-');
    if (!/^[12]\.\d/.test(ascii(head, at + 5, 3))) throw fileCorrupt('PDF');
    if (lastIndexOf(await tail(r, 1024), '%%EOF') < 0) throw fileTruncated('PDF');
    return { kind: 'pdf', mime: 'application/pdf', format: 'PDF' };
  },
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** PNG: the signature, a sound IHDR chunk first (its CRC checked), and the IEND chunk as the file's last bytes. */
export const png: FileCheck = {
  matches: (head) => startsWith(head, PNG_SIGNATURE),
  async verify(r, head) {
    if (head.length < 33 || u32be(head, 8) !== 13 || ascii(head, 12, 4) !== 'IHDR') throw fileCorrupt('PNG');
    const width = u32be(head, 16);
    const height = u32be(head, 20);
    if (width === 0 || height === 0 || crc32(head.subarray(12, 29)) !== u32be(head, 29)) throw fileCorrupt('PNG');
    if (!startsWith(await tail(r, 12), IEND)) throw fileTruncated('PNG');
    return { kind: 'image', mime: 'image/png', format: 'PNG' };
  },
};

/** JPEG: starts FF D8 FF and ends with the end-of-image marker FF D9 (zero bytes of padding after it allowed). */
export const jpeg: FileCheck = {
  matches: (head) => startsWith(head, [0xff, 0xd8, 0xff]),
  async verify(r) {
    const end = await tail(r, 4096);
    let i = end.length;
    while (i > 0 && end[i - 1] === 0) i--;
    if (i < 2 || end[i - 2] !== 0xff || end[i - 1] !== 0xd9 || r.size < 4) throw fileTruncated('JPEG');
    return { kind: 'image', mime: 'image/jpeg', format: 'JPEG' };
  },
};

/** GIF: GIF87a or GIF89a, a screen of some size, and the trailer byte 3B at the end. */
export const gif: FileCheck = {
  matches: (head) => ['GIF87a', 'GIF89a'].includes(ascii(head, 0, 6)),
  async verify(r, head) {
    if (head.length < 13) throw fileTruncated('GIF');
    const end = await tail(r, 1);
    if (end[0] !== 0x3b) throw fileTruncated('GIF');
    return { kind: 'image', mime: 'image/gif', format: 'GIF' };
  },
};

/** WebP: a RIFF container whose declared size is the file's, holding a VP8, VP8L or VP8X chunk. */
export const webp: FileCheck = {
  matches: (head) => ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP',
  async verify(r, head) {
    riffSizeMatches(head, r.size, 'WebP');
    if (!['VP8 ', 'VP8L', 'VP8X'].includes(ascii(head, 12, 4))) throw fileCorrupt('WebP');
    return { kind: 'image', mime: 'image/webp', format: 'WebP' };
  },
};

/** A RIFF file (WebP, WAV) declares its own length: more than the file holds is a file cut short. */
export function riffSizeMatches(head: Uint8Array, size: number, format: 'WebP' | 'WAV'): number {
  if (head.length < 16) throw fileTruncated(format);
  const declared = u32le(head, 4) + 8;
  if (declared > size) throw fileTruncated(format);
  // A chunk of odd length is padded to even, so the RIFF may be one byte shorter than the file.
  if (declared < size - 1) throw fileCorrupt(format);
  return declared;
}
