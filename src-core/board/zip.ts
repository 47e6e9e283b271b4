import { unzipSync } from 'fflate';
import { BoardImportError, type BoardImportLimits, tooBig } from './model';
import { parseXml, XmlError, type XmlElement } from './svg';

/**
 * Opens a board zip safely: the central directory is read first, and the declared sizes are checked against the
 * limits before anything is inflated (zip bombs); each inflated entry is then checked against its CRC-32, so a
 * declared size that lies, or damaged data, is refused rather than imported half.
 */

export interface ZipEntryInfo {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

export interface BoardZip {
  names: string[];
  has(name: string): boolean;
  /** Inflates the named entries (all at once, one pass); a name not in the zip is left out of the result. */
  read(names: string[]): Map<string, Uint8Array>;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

export const looksLikeZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));

function findEndOfDirectory(b: Uint8Array): number {
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  for (let e = b.length - 22; e >= lowest; e--) {
    if (u32(b, e) === 0x06054b50 && e + 22 + u16(b, e + 20) <= b.length) return e;
  }
  return -1;
}

export function openBoardZip(bytes: Uint8Array, limits: BoardImportLimits): BoardZip {
  if (bytes.length > limits.maxBytes) throw tooBig(`The file is ${bytes.length} bytes`, limits.maxBytes);
  const eocd = findEndOfDirectory(bytes);
  // The directory sits at the end of a zip: a file cut short has lost it.
  if (eocd < 0) throw new BoardImportError('truncated', 'The zip has no end-of-directory record');
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new BoardImportError('corrupt', 'Zip64 board files are not supported');
  if (count > limits.maxEntries) throw new BoardImportError('corrupt', `The zip has ${count} entries`);
  if (dirOffset + dirSize > eocd) throw new BoardImportError('truncated', 'The zip directory lies outside the file');

  const entries = new Map<string, ZipEntryInfo>();
  let total = 0;
  let p = dirOffset;
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || u32(bytes, p) !== 0x02014b50) throw new BoardImportError('corrupt', 'The zip directory is damaged');
    const nameLen = u16(bytes, p + 28);
    const entry: ZipEntryInfo = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: u16(bytes, p + 10),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
    };
    const localOffset = u32(bytes, p + 42);
    if (localOffset + 30 + entry.compressedSize > dirOffset) throw new BoardImportError('corrupt', `Zip entry ${entry.name} overruns its data`);
    if (entry.method !== 0 && entry.method !== 8) throw new BoardImportError('corrupt', `Zip entry ${entry.name} uses compression ${entry.method}`);
    // Deflate never makes data much bigger: a compressed size far above the declared one means the declared size lies.
    if (entry.compressedSize > entry.size + Math.ceil(entry.size / 1000) * 5 + 64) {
      throw new BoardImportError('corrupt', `Zip entry ${entry.name} declares a wrong size`);
    }
    total += entry.size;
    if (total > limits.maxInflated) throw tooBig(`The zip inflates to more than ${limits.maxInflated} bytes`, limits.maxInflated);
    entries.set(entry.name, entry);
    p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
  }

  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read(names) {
      const wanted = new Set(names.filter((n) => entries.has(n)));
      let files: Record<string, Uint8Array>;
      try {
        files = unzipSync(bytes, {
          // fflate sees the same directory; inflate only what is wanted, at the size already checked.
          filter: (f) => wanted.has(f.name) && f.originalSize === entries.get(f.name)?.size,
        });
      } catch (e) {
        throw new BoardImportError('corrupt', `The zip data is damaged: ${(e as Error).message}`);
      }
      const out = new Map<string, Uint8Array>();
      for (const name of wanted) {
        const data = files[name];
        const info = entries.get(name)!;
        if (!data || data.length !== info.size || crc32(data) !== info.crc) {
          throw new BoardImportError('corrupt', `Zip entry ${name} is damaged (size or CRC-32 does not match)`);
        }
        out.set(name, data);
      }
      return out;
    },
  };
}

let crcTable: Uint32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Decodes a zip entry as UTF-8 text; invalid UTF-8 is a damaged file. */
export function entryText(data: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new BoardImportError('corrupt', `${name} is not valid UTF-8`);
  }
}

/** Parses a zip entry as XML; a DOCTYPE, malformed or oversized XML makes the whole file corrupt. */
export function readXml(data: Uint8Array, name: string): XmlElement {
  try {
    return parseXml(entryText(data, name));
  } catch (e) {
    if (e instanceof XmlError) throw new BoardImportError('corrupt', `${name}: ${e.message}`, { reason: e.reason });
    throw e;
  }
}
