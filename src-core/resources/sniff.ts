import type { ResourceKind } from '../contract/ops/resources';
import { BlockReader, startsWith, type ByteSource } from './bytes';
import { fileEmpty, fileTooLarge, fileTypeUnknown, type FileFormat } from './file-errors';
import { verifyPackage } from './package';
import { gif, jpeg, pdf, png, webp } from './sniff-images';
import { ebml, isoMedia, mp3, ogg, wav } from './sniff-media';

/** What a file is, decided by its bytes (never by its name or by what the sender says). */
export interface SniffedFile {
  kind: ResourceKind;
  mime: string;
  format: FileFormat;
}

export interface FileLimits {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** The most an HTML5 package may unpack to, in bytes (a zip bomb is refused before it is inflated). */
  maxPackageBytes: number;
  maxPackageEntries: number;
}

export const MB = 1024 * 1024;
export const DEFAULT_FILE_LIMITS: FileLimits = { maxBytes: 200 * MB, maxPackageBytes: 1024 * MB, maxPackageEntries: 20_000 };

/** One format: does the file start as this format does, and is the rest of it sound (else an OperationError)? */
export interface FileCheck {
  matches(head: Uint8Array): boolean;
  verify(reader: BlockReader, head: Uint8Array, limits: FileLimits): Promise<SniffedFile>;
}

const zip: FileCheck = {
  matches: (head) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]),
  async verify(reader, _head, limits) {
    // A package is checked whole: every entry inflated and its CRC-32 compared.
    verifyPackage(await reader.source.read(0, reader.size), limits);
    return { kind: 'html5', mime: 'application/zip', format: 'ZIP' };
  },
};

/** The order matters only for MP3, whose frame header is the weakest signature: it is tried last. */
const CHECKS: FileCheck[] = [zip, pdf, png, jpeg, gif, webp, wav, ogg, ebml, isoMedia, mp3];

/**
 * Decides a file's kind and MIME type from its bytes, or refuses it with a translated reason: too large, empty, a
 * type the library does not keep (SVG, HTML, documents, programs), or a known type that is damaged or cut short.
 */
export async function sniffFile(source: ByteSource, limits: FileLimits = DEFAULT_FILE_LIMITS): Promise<SniffedFile> {
  if (source.size > limits.maxBytes) throw fileTooLarge(limits.maxBytes);
  if (source.size === 0) throw fileEmpty();
  const reader = new BlockReader(source);
  const head = await reader.bytes(0, 4096);
  const check = CHECKS.find((c) => c.matches(head));
  if (!check) throw fileTypeUnknown();
  return check.verify(reader, head, limits);
}
