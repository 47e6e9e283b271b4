/**
 * A file's bytes as the type checks read them: by offset, from memory or from a file the host opens (the central
 * server's upload, the desktop client's cache). No host API here: the host passes a reader.
 */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer only at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

const BLOCK = 1024 * 1024;

/**
 * Reads a source through a window of one megabyte, so that a walk over many small headers (MP3 frames, Ogg pages,
 * MP4 boxes) costs one read per megabyte of the file, not one per header.
 */
export class BlockReader {
  private start = 0;
  private block: Uint8Array = new Uint8Array(0);

  constructor(readonly source: ByteSource) {}

  get size(): number {
    return this.source.size;
  }

  /** `length` bytes at `offset`, or fewer when the file ends first. */
  async bytes(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(this.source.size, offset + length);
    if (offset < 0 || offset >= end) return new Uint8Array(0);
    if (offset < this.start || end > this.start + this.block.length) {
      if (end - offset > BLOCK) return this.source.read(offset, end - offset);
      this.start = offset;
      this.block = await this.source.read(offset, Math.min(BLOCK, this.source.size - offset));
    }
    return this.block.subarray(offset - this.start, end - this.start);
  }
}

export const u16be = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
export const u32be = (b: Uint8Array, o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
export const u16le = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
export const u32le = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/** The bytes at `offset` read as Latin-1 text (four-character codes, signatures). */
export function ascii(b: Uint8Array, offset: number, length: number): string {
  let s = '';
  for (let i = offset; i < Math.min(b.length, offset + length); i++) s += String.fromCharCode(b[i]!);
  return s;
}

export function startsWith(b: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return b.length >= offset + signature.length && signature.every((v, i) => b[offset + i] === v);
}

/** The last index of `needle` in `hay`, or -1. */
export function lastIndexOf(hay: Uint8Array, needle: string): number {
  outer: for (let i = hay.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
