/**
 * HTTP byte ranges (RFC 9110 §14), for every host that sends files: the update feed (electron-updater's differential
 * download asks for many ranges of the new installer in one request and expects multipart/byteranges back) and the
 * files of the library on the central server and on a desktop client (a video seeks, a download resumes).
 */
export interface ByteRange {
  start: number;
  end: number; // inclusive
}

export type RangeRequest =
  | { kind: 'whole' } // no Range header, or one we may (and do) ignore
  | { kind: 'ranges'; ranges: ByteRange[] }
  | { kind: 'unsatisfiable' };

/** More ranges than this in one request are ignored (the whole file is sent): a cheap guard against abuse. */
export const MAX_RANGES = 500;

export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return { kind: 'whole' };
  const m = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!m) return { kind: 'whole' };
  const specs = m[1]!.split(',').map((s) => s.trim()).filter(Boolean);
  if (specs.length === 0 || specs.length > MAX_RANGES) return { kind: 'whole' };
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const r = /^(\d*)-(\d*)$/.exec(spec);
    if (!r || (r[1] === '' && r[2] === '')) return { kind: 'whole' }; // a malformed header is ignored
    if (r[1] === '') {
      const suffix = Number(r[2]);
      if (suffix > 0 && size > 0) ranges.push({ start: Math.max(0, size - suffix), end: size - 1 });
      continue;
    }
    const start = Number(r[1]);
    const end = r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1);
    if (r[2] !== '' && Number(r[2]) < start) return { kind: 'whole' };
    if (start < size) ranges.push({ start, end });
  }
  return ranges.length ? { kind: 'ranges', ranges } : { kind: 'unsatisfiable' };
}

/** The parts of a multipart/byteranges body around each range's bytes, and the body's total length. */
export function multipartFrame(ranges: ByteRange[], size: number, contentType: string, boundary: string) {
  const heads = ranges.map(
    (r, i) => `${i === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Range: bytes ${r.start}-${r.end}/${size}\r\n\r\n`,
  );
  const tail = `\r\n--${boundary}--\r\n`;
  const byteLength = (text: string) => new TextEncoder().encode(text).length;
  const length =
    heads.reduce((n, h) => n + byteLength(h), 0) +
    ranges.reduce((n, r) => n + (r.end - r.start + 1), 0) +
    byteLength(tail);
  return { heads, tail, length };
}
