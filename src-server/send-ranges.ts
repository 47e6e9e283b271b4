import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { multipartFrame, parseRange, type ByteRange } from '../src-core/util/byte-ranges';

/** Bytes the server sends with byte ranges: their size, their type and a stream of any inclusive range of them. */
export interface RangeSource {
  size: number;
  mime: string;
  stream(range?: ByteRange): Readable;
}

export function bytesOnDisk(filePath: string, size: number, mime: string): RangeSource {
  return { size, mime, stream: (r) => createReadStream(filePath, r ? { start: r.start, end: r.end } : {}) };
}

/**
 * The body of the reply as the request's Range asks (the caller has set the other headers): the whole, one range
 * (206 with Content-Range), several (206 multipart/byteranges) or none that fits (416). An If-Range that is not
 * `etag` (the reply's own ETag header) asks for the whole.
 */
export function sendRanges(request: FastifyRequest, reply: FastifyReply, source: RangeSource, etag: string) {
  const ifRange = request.headers['if-range'];
  const range = ifRange && ifRange !== etag ? { kind: 'whole' as const } : parseRange(request.headers.range, source.size);
  if (range.kind === 'unsatisfiable') return reply.code(416).header('Content-Range', `bytes */${source.size}`).send();
  if (range.kind === 'whole') return reply.header('Content-Length', source.size).send(source.stream());
  if (range.ranges.length === 1) {
    const [r] = range.ranges as [ByteRange];
    return reply
      .code(206)
      .header('Content-Range', `bytes ${r.start}-${r.end}/${source.size}`)
      .header('Content-Length', r.end - r.start + 1)
      .send(source.stream(r));
  }
  const ranges = range.ranges;
  const boundary = `sabaq-${randomBytes(12).toString('hex')}`;
  const frame = multipartFrame(ranges, source.size, source.mime, boundary);
  async function* body() {
    for (const [i, r] of ranges.entries()) {
      yield Buffer.from(frame.heads[i]!);
      yield* source.stream(r);
    }
    yield Buffer.from(frame.tail);
  }
  return reply
    .code(206)
    .header('Content-Type', `multipart/byteranges; boundary=${boundary}`)
    .header('Content-Length', frame.length)
    .send(Readable.from(body()));
}
