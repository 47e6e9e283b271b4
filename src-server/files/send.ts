import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { multipartFrame, parseRange, type ByteRange } from '../update-ranges';

/**
 * Sends a held file, or a file of a package, with byte ranges (a video seeks, an interrupted download resumes):
 * one range → 206 with Content-Range, several → multipart/byteranges, none that fits → 416. Files never change
 * under their hash, so they are cached for a year and revalidated by their ETag.
 */
export interface Sendable {
  size: number;
  mime: string;
  /** A strong validator: the file's hash (and the entry's path inside a package). */
  etag: string;
  /** The bytes of one inclusive range. */
  stream(range?: ByteRange): Readable;
}

export function fileOnDisk(filePath: string, size: number, mime: string, etag: string): Sendable {
  return { size, mime, etag, stream: (r) => createReadStream(filePath, r ? { start: r.start, end: r.end } : {}) };
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

  const ifRange = request.headers['if-range'];
  const range = ifRange && ifRange !== etag ? { kind: 'whole' as const } : parseRange(request.headers.range, file.size);
  if (range.kind === 'unsatisfiable') {
    return reply.code(416).header('Content-Range', `bytes */${file.size}`).send();
  }
  if (range.kind === 'whole') return reply.header('Content-Length', file.size).send(file.stream());
  if (range.ranges.length === 1) {
    const [r] = range.ranges as [ByteRange];
    return reply
      .code(206)
      .header('Content-Range', `bytes ${r.start}-${r.end}/${file.size}`)
      .header('Content-Length', r.end - r.start + 1)
      .send(file.stream(r));
  }
  const ranges = range.ranges;
  const boundary = `sabaq-${randomBytes(12).toString('hex')}`;
  const frame = multipartFrame(ranges, file.size, file.mime, boundary);
  async function* body() {
    for (const [i, r] of ranges.entries()) {
      yield Buffer.from(frame.heads[i]!);
      yield* file.stream(r);
    }
    yield Buffer.from(frame.tail);
  }
  return reply
    .code(206)
    .header('Content-Type', `multipart/byteranges; boundary=${boundary}`)
    .header('Content-Length', frame.length)
    .send(Readable.from(body()));
}
