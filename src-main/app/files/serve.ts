import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ErrorBody } from '../../../src-core/contract/errors';
import { openPackage, packageEntryPath, type HtmlPackage } from '../../../src-core/resources/package';
import { FILE_CSP, PACKAGE_CSP } from '../../../src-core/resources/policies';
import type { FileLimits } from '../../../src-core/resources/sniff';
import { parseRange } from '../../../src-core/util/byte-ranges';
import type { CachedFile, FileCache } from './cache';

/**
 * A file of the cache as an HTTP answer, the same for the loopback http-host and the Electron app protocol, and as
 * the central server answers it: one byte range or the whole file, an ETag (the hash: the bytes never change), the
 * type the file was checked to be, nosniff; a package's files one by one, each with the package sandbox's policy.
 */
export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Readable | Uint8Array | null;
}

export interface FileRequest {
  method: string;
  headers: { range?: string; 'if-range'?: string; 'if-none-match'?: string; 'accept-language'?: string };
}


const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  // Files never change under their hash; the ticket is in the address and must not be handed on.
  'Cache-Control': 'private, max-age=31536000, immutable',
  'Referrer-Policy': 'no-referrer',
};

export const emptyAnswer = (status: number, headers: Record<string, string> = {}): FileAnswer => ({ status, headers: { ...COMMON, ...headers }, body: null });

/** An error in the house shape (translated), as the server answers it. */
export function errorAnswer(status: number, body: ErrorBody): FileAnswer {
  const bytes = Buffer.from(JSON.stringify(body));
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(bytes.length), 'X-Content-Type-Options': 'nosniff' }, body: bytes };
}

/**
 * The ticketed file an app:// URL names (`/files/t/<ticket>/<sha>` or `.../pkg/<path>`, the path still
 * percent-encoded), or null for any other URL.
 */
export function fileRoute(url: string): { ticket: string; sha256: string; packagePath: string | null } | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /^\/files\/t\/([A-Za-z0-9._-]{1,200})\/([0-9a-f]{64})(?:\/pkg\/(.*))?$/.exec(pathname);
  if (!m) return pathname.startsWith('/files/') ? { ticket: '', sha256: '', packagePath: null } : null;
  return { ticket: m[1]!, sha256: m[2]!, packagePath: m[3] ?? null };
}

/** A whole file or one range of it (several ranges are answered whole: no player needs them). */
export function answerFile(cache: FileCache, file: CachedFile, req: FileRequest): FileAnswer {
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    ...COMMON,
    'Content-Type': file.mime,
    'Accept-Ranges': 'bytes',
    ETag: etag,
    ...(file.kind === 'pdf' ? {} : { 'Content-Security-Policy': FILE_CSP }),
  };
  if (matches(req.headers['if-none-match'], etag)) return { status: 304, headers, body: null };
  const ifRange = req.headers['if-range'];
  const range = ifRange && ifRange !== etag ? { kind: 'whole' as const } : parseRange(req.headers.range, file.size);
  const head = req.method === 'HEAD';
  if (range.kind === 'unsatisfiable') return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.size}` }, body: null };
  if (range.kind === 'ranges' && range.ranges.length === 1) {
    const r = range.ranges[0]!;
    return {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${r.start}-${r.end}/${file.size}`, 'Content-Length': String(r.end - r.start + 1) },
      body: head ? null : cache.read(file.sha256, r),
    };
  }
  return { status: 200, headers: { ...headers, 'Content-Length': String(file.size) }, body: head || file.size === 0 ? null : cache.read(file.sha256) };
}

/** Packages opened lately, by hash: a lesson's page asks for dozens of files in a row. */
export class PackageShelf {
  private readonly open = new Map<string, HtmlPackage>();

  constructor(private readonly cache: FileCache, private readonly limits: FileLimits, private readonly keep = 2) {}

  async get(sha: string): Promise<HtmlPackage> {
    const held = this.open.get(sha);
    if (held) {
      this.open.delete(sha);
      this.open.set(sha, held);
      return held;
    }
    const pkg = openPackage(new Uint8Array(await readFile(this.cache.filePath(sha))), this.limits);
    this.open.set(sha, pkg);
    while (this.open.size > this.keep) this.open.delete(this.open.keys().next().value!);
    return pkg;
  }
}

/**
 * One file of an HTML5 package, by its path inside the package (checked: no way out of it); the package's own
 * address (an empty path) sends the page to its first page, whose relative links then resolve inside it.
 */
export async function answerPackageEntry(shelf: PackageShelf, file: CachedFile, rawPath: string, req: FileRequest): Promise<FileAnswer | 'not_found' | 'bad_path'> {
  if (file.kind !== 'html5') return 'not_found';
  const pkg = await shelf.get(file.sha256);
  if (rawPath === '') return emptyAnswer(302, { Location: pkg.launchPath.split('/').map(encodeURIComponent).join('/') });
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 'bad_path';
  }
  const entryPath = packageEntryPath(decoded);
  if (!entryPath) return 'bad_path';
  const entry = pkg.entry(entryPath);
  if (!entry) return 'not_found';
  const etag = `"${file.sha256}-${createHash('sha256').update(entryPath).digest('hex').slice(0, 16)}"`;
  const size = entry.bytes.byteLength;
  const headers = { ...COMMON, 'Content-Type': entry.mime, 'Content-Security-Policy': PACKAGE_CSP, 'Accept-Ranges': 'bytes', ETag: etag };
  if (matches(req.headers['if-none-match'], etag)) return { status: 304, headers, body: null };
  const ifRange = req.headers['if-range'];
  const range = ifRange && ifRange !== etag ? { kind: 'whole' as const } : parseRange(req.headers.range, size);
  if (range.kind === 'unsatisfiable') return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` }, body: null };
  const head = req.method === 'HEAD';
  if (range.kind === 'ranges' && range.ranges.length === 1) {
    const r = range.ranges[0]!;
    return {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${r.start}-${r.end}/${size}`, 'Content-Length': String(r.end - r.start + 1) },
      body: head ? null : entry.bytes.subarray(r.start, r.end + 1),
    };
  }
  return { status: 200, headers: { ...headers, 'Content-Length': String(size) }, body: head ? null : entry.bytes };
}

const matches = (ifNoneMatch: string | undefined, etag: string) => Boolean(ifNoneMatch?.split(',').map((t) => t.trim()).includes(etag));
