import { ascii, startsWith, u32be, u32le, type BlockReader } from './bytes';
import { fileCorrupt, fileTruncated, fileTypeUnknown } from './file-errors';
import { riffSizeMatches } from './sniff-images';
import type { FileCheck } from './sniff';

/**
 * Sound and video, by their bytes. Each container is walked from its first header to its last, so a file cut short
 * (a copy interrupted, an upload stopped) is found: its last frame, page, chunk or box runs past the end.
 */

/** WAV: RIFF/WAVE whose chunks add up to the declared length, with its format and its data. */
export const wav: FileCheck = {
  matches: (head) => ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE',
  async verify(r, head) {
    const end = riffSizeMatches(head, r.size, 'WAV');
    const seen = new Set<string>();
    let p = 12;
    while (p + 8 <= end) {
      const h = await r.bytes(p, 8);
      const size = u32le(h, 4);
      if (p + 8 + size > end) throw fileTruncated('WAV');
      seen.add(ascii(h, 0, 4));
      p += 8 + size + (size % 2);
    }
    if (!seen.has('fmt ') || !seen.has('data')) throw fileCorrupt('WAV');
    return { kind: 'audio', mime: 'audio/wav', format: 'WAV' };
  },
};

/** Ogg: pages chained to the end of the file; the first page's codec says sound (Opus, Vorbis, FLAC) or video. */
export const ogg: FileCheck = {
  matches: (head) => ascii(head, 0, 4) === 'OggS',
  async verify(r, head) {
    if (head.length < 28 || head[4] !== 0 || (head[5]! & 0x02) === 0) throw fileCorrupt('OGG');
    const first = head.subarray(27 + head[26]!);
    const codec = ascii(first, 0, 8);
    const video = codec.startsWith('\x80theora') || codec.startsWith('fishead');
    const audio = codec === 'OpusHead' || codec.startsWith('\x01vorbis') || codec.startsWith('\x7fFLAC') || codec.startsWith('Speex');
    if (!video && !audio) throw fileTypeUnknown();
    let p = 0;
    while (p < r.size) {
      const h = await r.bytes(p, 27);
      if (h.length < 27) throw fileTruncated('OGG');
      if (ascii(h, 0, 4) !== 'OggS' || h[4] !== 0) throw fileCorrupt('OGG');
      const lacing = await r.bytes(p + 27, h[26]!);
      if (lacing.length < h[26]!) throw fileTruncated('OGG');
      const body = lacing.reduce((n, v) => n + v, 0);
      p += 27 + lacing.length + body;
      if (p > r.size) throw fileTruncated('OGG');
    }
    return video ? { kind: 'video', mime: 'video/ogg', format: 'OGG' } : { kind: 'audio', mime: 'audio/ogg', format: 'OGG' };
  },
};

const KBPS: Record<string, number[]> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** The length of the MPEG audio frame whose header is at `o`, or 0 when these bytes are not a frame header. */
export function mpegFrameLength(b: Uint8Array, o: number): number {
  if (o + 4 > b.length || b[o] !== 0xff || (b[o + 1]! & 0xe0) !== 0xe0) return 0;
  const version = (b[o + 1]! >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
  const layer = 4 - ((b[o + 1]! >> 1) & 3); // 1, 2, 3 (4: reserved)
  const bitrateIndex = b[o + 2]! >> 4;
  const rateIndex = (b[o + 2]! >> 2) & 3;
  if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return 0;
  const kbps = KBPS[`${version === 3 ? 1 : 2}-${layer}`]![bitrateIndex]!;
  const rate = SAMPLE_RATES[version]![rateIndex]!;
  const padding = (b[o + 2]! >> 1) & 1;
  if (layer === 1) return (Math.floor((12 * kbps * 1000) / rate) + padding) * 4;
  const perFrame = layer === 3 && version !== 3 ? 72 : 144;
  return Math.floor((perFrame * kbps * 1000) / rate) + padding;
}

/** The length of an ID3v2 tag at the start of a file (header, tag, footer), or 0. */
function id3Length(head: Uint8Array): number {
  if (ascii(head, 0, 3) !== 'ID3' || head.length < 10) return 0;
  if ([6, 7, 8, 9].some((i) => head[i]! & 0x80)) return -1;
  const size = (head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!;
  return 10 + size + (head[5]! & 0x10 ? 10 : 0);
}

/**
 * MP3: an ID3v2 tag or a frame header at the start, then frames one after another to the end (an ID3v1 or APE tag
 * may close the file). Junk between frames is skipped to the next frame; a frame that runs past the end is a file
 * cut short.
 */
export const mp3: FileCheck = {
  matches: (head) => id3Length(head) !== 0 || (mpegFrameLength(head, 0) > 0 && startsAnotherFrame(head, mpegFrameLength(head, 0))),
  async verify(r, head) {
    const tag = id3Length(head);
    if (tag < 0) throw fileCorrupt('MP3');
    if (tag > r.size) throw fileTruncated('MP3');
    let p = tag;
    // Some tags are followed by zero padding the tag does not count.
    while (p < r.size && p < tag + 65536 && (await r.bytes(p, 1))[0] === 0) p++;
    let frames = 0;
    while (p < r.size) {
      const h = await r.bytes(p, 10);
      const length = mpegFrameLength(h, 0);
      if (length > 0) {
        if (p + length > r.size) throw fileTruncated('MP3');
        frames++;
        p += length;
        continue;
      }
      if (ascii(h, 0, 3) === 'TAG' || ascii(h, 0, 8) === 'APETAGEX' || ascii(h, 0, 6) === 'LYRICS') break;
      if (frames === 0) throw fileCorrupt('MP3');
      const next = await nextFrame(r, p + 1);
      if (next === null) throw fileCorrupt('MP3');
      p = next;
    }
    if (frames === 0) throw fileCorrupt('MP3');
    return { kind: 'audio', mime: 'audio/mpeg', format: 'MP3' };
  },
};

function startsAnotherFrame(head: Uint8Array, at: number): boolean {
  return at >= head.length - 4 || mpegFrameLength(head, at) > 0;
}

const RESYNC_BYTES = 64 * 1024;

/**
 * The next offset holding a frame header followed by another one (or by the end of the file), looked for over
 * 64 kB; the end of the file when only junk is left before it; null when the junk goes on (not an MP3 after all).
 */
async function nextFrame(r: BlockReader, from: number): Promise<number | null> {
  const window = await r.bytes(from, RESYNC_BYTES + 4);
  for (let i = 0; i + 4 <= window.length; i++) {
    const length = mpegFrameLength(window, i);
    if (length === 0) continue;
    const p = from + i;
    if (p + length >= r.size || mpegFrameLength(await r.bytes(p + length, 4), 0) > 0) return p;
  }
  return from + window.length >= r.size ? r.size : null;
}

const AUDIO_BRANDS = ['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B '];
const VIDEO_BRANDS = ['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9', 'mp41', 'mp42', 'avc1',
  'M4V ', 'M4VH', 'M4VP', 'dash', 'mmp4', 'MSNV', 'f4v ', 'NDAS', 'NDSC', 'NDSH', 'NDSM', 'NDSP', 'NDSS', 'NDXC', 'NDXH',
  'NDXM', 'NDXP', 'NDXS'];
/** Old QuickTime files start with one of these boxes instead of `ftyp`. */
const QUICKTIME_FIRST = ['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'];

const boxName = (b: Uint8Array, o: number) => ascii(b, o, 4);
const printable = (name: string) => /^[\x20-\x7e\xa9]{4}$/.test(name);

/**
 * MP4, M4A and MOV (ISO base media): the top-level boxes are walked, and their sizes must add up to the file's
 * length; a movie box (`moov`) must be among them. The `ftyp` brand tells M4A (sound) and QuickTime from MP4; other
 * ISO media (HEIC photos, AVIF, JPEG 2000) are not kinds the library keeps.
 */
export const isoMedia: FileCheck = {
  matches: (head) => head.length >= 12 && (boxName(head, 4) === 'ftyp' || (QUICKTIME_FIRST.includes(boxName(head, 4)) && u32be(head, 0) >= 8)),
  async verify(r, head) {
    const brand = boxName(head, 4) === 'ftyp' ? boxName(head, 8) : 'qt  ';
    const format = AUDIO_BRANDS.includes(brand) ? 'M4A' as const : brand === 'qt  ' ? 'MOV' as const : VIDEO_BRANDS.includes(brand) ? 'MP4' as const : null;
    if (!format) throw fileTypeUnknown();
    const boxes = new Set<string>();
    let p = 0;
    while (p < r.size) {
      const h = await r.bytes(p, 16);
      if (h.length < 8) throw fileTruncated(format);
      const name = boxName(h, 4);
      if (!printable(name)) throw fileCorrupt(format);
      let size = u32be(h, 0);
      let header = 8;
      if (size === 1) {
        if (h.length < 16) throw fileTruncated(format);
        size = u32be(h, 8) * 2 ** 32 + u32be(h, 12);
        header = 16;
      } else if (size === 0) {
        size = r.size - p; // the last box runs to the end of the file
      }
      if (size < header) throw fileCorrupt(format);
      if (p + size > r.size) throw fileTruncated(format);
      boxes.add(name);
      p += size;
    }
    // The movie box is written last by many recorders: a recording stopped before it cannot be played.
    if (!boxes.has('moov')) throw fileTruncated(format);
    if (format === 'M4A') return { kind: 'audio', mime: 'audio/mp4', format };
    return { kind: 'video', mime: format === 'MOV' ? 'video/quicktime' : 'video/mp4', format };
  },
};

/** An EBML variable-length integer at `o`: its length in bytes and value (marker bit kept for IDs), or null. */
function vint(b: Uint8Array, o: number, keepMarker: boolean): { length: number; value: number; unknown: boolean } | null {
  const first = b[o];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (o + length > b.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    value = value * 256 + b[o + i]!;
    allOnes &&= b[o + i] === 0xff;
  }
  return { length, value, unknown: !keepMarker && allOnes };
}

const EBML_ID = 0x1a45dfa3;
const DOCTYPE_ID = 0x4282;
const SEGMENT_ID = 0x18538067;

/**
 * WebM and Matroska: the EBML header names the document type; the segment that follows must fit the file (a
 * recording in progress declares an unknown size, which is allowed).
 */
export const ebml: FileCheck = {
  matches: (head) => startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]),
  async verify(r) {
    const h = await r.bytes(0, 4096);
    const id = vint(h, 0, true);
    const size = id && vint(h, id.length, false);
    if (!id || id.value !== EBML_ID || !size || size.unknown) throw fileCorrupt('WebM');
    const bodyStart = id.length + size.length;
    const bodyEnd = bodyStart + size.value;
    if (bodyEnd > h.length) throw bodyEnd > r.size ? fileTruncated('WebM') : fileCorrupt('WebM');
    let docType = '';
    for (let p = bodyStart; p < bodyEnd;) {
      const childId = vint(h, p, true);
      const childSize = childId && vint(h, p + childId.length, false);
      if (!childId || !childSize || childSize.unknown) throw fileCorrupt('WebM');
      const start = p + childId.length + childSize.length;
      if (start + childSize.value > bodyEnd) throw fileCorrupt('WebM');
      if (childId.value === DOCTYPE_ID) docType = ascii(h, start, childSize.value).replace(/\0+$/, '');
      p = start + childSize.value;
    }
    const format = docType === 'webm' ? 'WebM' as const : docType === 'matroska' ? 'Matroska' as const : null;
    if (!format) throw fileTypeUnknown();
    const segmentHead = await r.bytes(bodyEnd, 12);
    const segment = vint(segmentHead, 0, true);
    const segmentSize = segment && vint(segmentHead, segment.length, false);
    if (segmentHead.length === 0 || !segment || !segmentSize) throw fileTruncated(format);
    if (segment.value !== SEGMENT_ID) throw fileCorrupt(format);
    if (!segmentSize.unknown) {
      const end = bodyEnd + segment.length + segmentSize.length + segmentSize.value;
      if (end > r.size) throw fileTruncated(format);
    }
    return { kind: 'video', mime: format === 'WebM' ? 'video/webm' : 'video/x-matroska', format };
  },
};
