import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import type { ResourceKind } from '../../../src-core/contract/ops/resources';
import type { Clock } from '../../../src-core/util/clock';

/** What this computer holds of a file (a `file_cache` row). */
export interface CachedFile {
  sha256: string;
  size: number;
  mime: string;
  kind: ResourceKind;
  state: 'partial' | 'complete';
  /** Written on this computer and not yet on the central server. */
  uploadPending: boolean;
}

export interface FileMeta { size: number; mime: string; kind: ResourceKind }

const SHA = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The SHA-256 of a file on disk, read as a stream (a video need not fit in memory). */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const toRow = (r: Record<string, unknown>): CachedFile => ({
  sha256: String(r.sha256),
  size: Number(r.size_bytes),
  mime: String(r.mime),
  kind: r.kind as ResourceKind,
  state: r.state === 'complete' ? 'complete' : 'partial',
  uploadPending: Boolean(r.upload_pending),
});

/**
 * The files this computer holds, content-addressed under `<data>/files/<aa>/<sha>`, with a download under way as
 * `<sha>.part`. A file is written to a temporary name and renamed into place, and only a file whose SHA-256 was
 * read back from disk and found right is `complete`: a half-written or wrong file is never served.
 */
export class FileCache {
  constructor(private readonly db: Knex, readonly root: string, private readonly clock: Clock) {}

  filePath(sha: string): string {
    if (!SHA.test(sha)) throw new Error(`not a sha256: ${sha.slice(0, 80)}`);
    return path.join(this.root, sha.slice(0, 2), sha);
  }

  partPath(sha: string): string {
    return `${this.filePath(sha)}.part`;
  }

  async get(sha: string): Promise<CachedFile | null> {
    if (!SHA.test(sha)) return null;
    const row = await this.db('file_cache').where({ sha256: sha }).first();
    return row ? toRow(row) : null;
  }

  /** The entry when the file is here whole and verified (its row says so and the file is on disk at its size). */
  async complete(sha: string): Promise<CachedFile | null> {
    const entry = await this.get(sha);
    if (entry?.state !== 'complete') return null;
    const size = await fileSize(this.filePath(sha));
    return size === entry.size ? entry : null;
  }

  /**
   * Keeps bytes written on this computer (an upload): the file goes in whole and verified. `uploadPending` marks it
   * for the server; a file already held whole keeps its mark (fetched from the server or sent already: it is there).
   */
  async putBytes(bytes: Uint8Array, meta: Omit<FileMeta, 'size'>, uploadPending: boolean): Promise<CachedFile> {
    const sha = sha256Of(bytes);
    const held = await this.complete(sha);
    if (held) {
      await this.touch(sha);
      return { ...held };
    }
    const target = this.filePath(sha);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      if ((await sha256OfFile(temp)) !== sha) throw new Error(`the file ${sha} was not written whole`);
      await rename(temp, target);
      await rm(this.partPath(sha), { force: true });
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    const now = this.clock.now().toISOString();
    await this.db('file_cache')
      .insert({ sha256: sha, size_bytes: bytes.byteLength, mime: meta.mime, kind: meta.kind, state: 'complete', upload_pending: uploadPending, created_at: now, last_used_at: now })
      .onConflict('sha256').merge(['size_bytes', 'mime', 'kind', 'state', 'upload_pending', 'last_used_at']);
    return (await this.get(sha))!;
  }

  /** The bytes of a download already here (0 when none): the next request asks for the rest. */
  async partLength(sha: string): Promise<number> {
    return (await fileSize(this.partPath(sha))) ?? 0;
  }

  /** The folder a file and its part go in. */
  async prepare(sha: string): Promise<void> {
    await mkdir(path.dirname(this.filePath(sha)), { recursive: true });
  }

  /** A download begins or goes on: the row says partial (a complete row is left alone). */
  async beginPart(sha: string, meta: FileMeta): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db('file_cache')
      .insert({ sha256: sha, size_bytes: meta.size, mime: meta.mime, kind: meta.kind, state: 'partial', upload_pending: false, created_at: now, last_used_at: null })
      .onConflict('sha256').merge(['size_bytes', 'mime', 'kind'])
      .where('file_cache.state', 'partial');
  }

  /** A stream that appends to the part (`restart`: the part is begun anew). */
  partWriter(sha: string, restart: boolean): WriteStream {
    return createWriteStream(this.partPath(sha), { flags: restart ? 'w' : 'a' });
  }

  /**
   * The part is whole (`size` bytes): its SHA-256 decides. Right: it becomes the file, complete. Wrong: the part
   * and its row go (nothing of it is kept or served). Shorter: it stays for the next run.
   */
  async finishPart(sha: string, size: number): Promise<'complete' | 'short' | 'mismatch'> {
    const part = this.partPath(sha);
    const length = (await fileSize(part)) ?? 0;
    if (length < size) return 'short';
    if (length > size || (await sha256OfFile(part)) !== sha) {
      await this.dropPart(sha);
      return 'mismatch';
    }
    await rename(part, this.filePath(sha));
    const now = this.clock.now().toISOString();
    await this.db('file_cache').where({ sha256: sha }).update({ state: 'complete', size_bytes: size, last_used_at: now });
    return 'complete';
  }

  /** Forgets a download: its part on disk and its partial row. */
  async dropPart(sha: string): Promise<void> {
    await rm(this.partPath(sha), { force: true });
    await this.db('file_cache').where({ sha256: sha, state: 'partial' }).delete();
  }

  async touch(sha: string): Promise<void> {
    await this.db('file_cache').where({ sha256: sha }).update({ last_used_at: this.clock.now().toISOString() });
  }

  /** Files written here that the server does not hold yet, oldest first. */
  async pendingUploads(): Promise<CachedFile[]> {
    const rows = await this.db('file_cache').where({ state: 'complete' }).whereNot({ upload_pending: false }).orderBy('created_at');
    return rows.map(toRow);
  }

  async setUploadPending(sha: string, pending: boolean): Promise<void> {
    await this.db('file_cache').where({ sha256: sha }).update({ upload_pending: pending });
  }

  /** Reads a complete file, whole or the inclusive byte range asked. */
  read(sha: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(this.filePath(sha), range ? { start: range.start, end: range.end } : {});
  }
}

async function fileSize(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}
