import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bytesOnDisk, sendRanges, type RangeSource } from '../send-ranges';

/**
 * Sends a held file, or a file of a package, with byte ranges (a video seeks, an interrupted download resumes):
 * one range → 206 with Content-Range, several → multipart/byteranges, none that fits → 416. Files never change
 * under their hash, so they are cached for a year and revalidated by their ETag.
 */
export interface Sendable extends RangeSource {
  /** A strong validator: the file's hash (and the entry's path inside a package). */
  etag: string;
}

export function fileOnDisk(filePath: string, size: number, mime: string, etag: string): Sendable {
  return { ...bytesOnDisk(filePath, size, mime), etag };
}

export function bytesInMemory(bytes: Uint8Array, mime: string, etag: string): Sendable {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { size: buf.length, mime, etag, stream: (r) => Readable.from([r ? buf.subarray(r.start, r.end + 1) : buf]) };
}

export function sendWithRanges(request: FastifyRequest, reply: FastifyReply, file: Sendable, headers: Record<string, string>) {
  const etag = `"${file.etag}"`;
  reply
    .headers(headers)
    .header('Content-Type', file.mime)
    .header('Accept-Ranges', 'bytes')
    .header('ETag', etag)
    .header('Cache-Control', 'private, max-age=31536000, immutable')
    .header('X-Content-Type-Options', 'nosniff')
    // The ticket is in the address: a page of a package that links elsewhere must not hand it on.
    .header('Referrer-Policy', 'no-referrer');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').map((t) => t.trim()).includes(etag)) return reply.code(304).send();

  return sendRanges(request, reply, file, etag);
}
