import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { OperationError } from '../../src-core/contract/errors';
import type { ByteSource } from '../../src-core/resources/bytes';
import { fileTooLarge } from '../../src-core/resources/file-errors';
import { MB } from '../../src-core/resources/sniff';

/**
 * The central server's files on disk, content-addressed: `<dir>/<aa>/<sha256>`, one copy per content whichever
 * schools hold it (the `files` table says which do). An upload is written under `<dir>/tmp` first and moved into
 * place only once whole and checked, so a reader never sees half a file.
 */
export interface FileStoreSettings {
  /** SABAQ_FILES_DIR, by default `<DATA_DIR>/files` (also when the database is PostgreSQL). */
  dir: string;
  /** SABAQ_MAX_FILE_MB, 200 by default. */
  maxBytes: number;
}

export function fileStoreSettingsFromEnv(env: Record<string, string | undefined>, dataDir: string): FileStoreSettings {
  const mb = Number(env.SABAQ_MAX_FILE_MB ?? 200);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`SABAQ_MAX_FILE_MB must be a positive number of megabytes, not ${env.SABAQ_MAX_FILE_MB}`);
  return { dir: path.resolve(env.SABAQ_FILES_DIR ?? path.join(dataDir, 'files')), maxBytes: Math.floor(mb * MB) };
}

/** An upload written whole to a temporary file, with its hash and length. */
export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  size: number;
}

/** A temporary file older than this was left by a server that stopped mid-upload. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export class FileStore {
  constructor(readonly settings: FileStoreSettings) {}

  get tempDir(): string {
    return path.join(this.settings.dir, 'tmp');
  }

  pathOf(sha256: string): string {
    return path.join(this.settings.dir, sha256.slice(0, 2), sha256);
  }

  /**
   * Streams a body to a temporary file while hashing and counting it. Past the limit it stops reading and throws
   * `too_large`; a body cut off throws `upload_interrupted`. On any failure the temporary file is gone.
   */
  async receive(body: Readable): Promise<ReceivedFile> {
    await mkdir(this.tempDir, { recursive: true });
    const tempPath = path.join(this.tempDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const out = createWriteStream(tempPath, { flags: 'wx' });
    const hash = createHash('sha256');
    let size = 0;
    try {
      await copyCounting(body, out, this.settings.maxBytes, (chunk) => {
        size += chunk.length;
        hash.update(chunk);
      });
    } catch (err) {
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await unlink(tempPath).catch(() => undefined);
      throw err;
    }
    return { tempPath, sha256: hash.digest('hex'), size };
  }

  /** Moves a checked upload into place; true when the content is new on disk (the same bytes are kept once). */
  async place(received: ReceivedFile): Promise<boolean> {
    const target = this.pathOf(received.sha256);
    if (await this.has(received.sha256)) {
      await this.discard(received);
      return false;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(received.tempPath, target);
    return true;
  }

  async discard(received: ReceivedFile): Promise<void> {
    await unlink(received.tempPath).catch(() => undefined);
  }

  async remove(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch(() => undefined);
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then((s) => s.isFile(), () => false);
  }

  /** The size of a held file on disk, or null when the disk does not hold it. */
  async sizeOf(sha256: string): Promise<number | null> {
    return stat(this.pathOf(sha256)).then((s) => (s.isFile() ? s.size : null), () => null);
  }

  /** Temporary files of uploads a stopped server never finished. */
  async removeStaleTemp(now: number): Promise<void> {
    const names = await readdir(this.tempDir).catch(() => [] as string[]);
    for (const name of names) {
      const file = path.join(this.tempDir, name);
      const info = await stat(file).catch(() => null);
      if (info?.isFile() && now - info.mtimeMs > STALE_TEMP_MS) await unlink(file).catch(() => undefined);
    }
  }
}

/**
 * Copies a request body to a file, stopping at the limit. The body is never destroyed (that would close the
 * connection before the 413 is sent): past the limit it is only left unread, and the route closes the connection
 * after answering.
 */
function copyCounting(body: Readable, out: WriteStream, max: number, seen: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let done = false;
    const fail = (err: OperationError) => {
      if (done) return;
      done = true;
      body.off('data', onData);
      body.pause();
      out.destroy();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) return fail(fileTooLarge(max));
      seen(chunk);
      if (!out.write(chunk)) {
        body.pause();
        out.once('drain', () => body.resume());
      }
    };
    body.on('data', onData);
    body.once('end', () => { if (!done) out.end(); });
    body.once('error', () => fail(new OperationError('invalid_input', 'error.upload_interrupted')));
    body.once('close', () => { if (!body.readableEnded) fail(new OperationError('invalid_input', 'error.upload_interrupted')); });
    out.once('error', (err) => { if (!done) { done = true; body.off('data', onData); body.pause(); reject(err); } });
    out.once('close', () => { if (!done) { done = true; resolve(); } });
  });
}

/** A file on disk as the type checks read it; close it when done. */
export async function openFileSource(filePath: string): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(filePath, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const want = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.alloc(want);
      let got = 0;
      while (got < want) {
        const { bytesRead } = await handle.read(buf, got, want - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return buf.subarray(0, got);
    },
    close: () => handle.close(),
  };
}
