import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type { Actor } from '../../src-core/auth/actor';
import type { FileInfo, ResourceKind } from '../../src-core/contract/ops/resources';
import { fileTooLarge } from '../../src-core/resources/file-errors';
import { DEFAULT_FILE_LIMITS, sniffFile, type SniffedFile } from '../../src-core/resources/sniff';
import { openFileSource, type FileStore, type ReceivedFile } from './store';

/**
 * POST /files: a teacher's file, received whole, checked by its bytes (its kind and type decided here, never taken
 * from the sender), then kept once on disk whoever sends the same bytes again, and recorded as held by the
 * caller's school. A refused file leaves nothing behind, on disk or in the database.
 */
export async function uploadFile(db: Knex, store: FileStore, actor: Actor, body: Readable, declaredBytes: number | null, now: Date): Promise<FileInfo> {
  const max = store.settings.maxBytes;
  // A body that says it is too large is refused before a byte of it is read.
  if (declaredBytes !== null && declaredBytes > max) throw fileTooLarge(max);
  const received = await store.receive(body);
  const sniffed = await checkReceived(store, received);
  const placed = await store.place(received);
  const key = { school_id: actor.schoolId, sha256: received.sha256 };
  try {
    await db('files')
      .insert({ ...key, size_bytes: received.size, mime: sniffed.mime, kind: sniffed.kind, uploaded_by: actor.userId, created_at: now.toISOString() })
      .onConflict(['school_id', 'sha256']).ignore();
  } catch (err) {
    // The content came to disk with this upload and no school holds it: it goes again.
    if (placed && !(await db('files').where({ sha256: received.sha256 }).first('school_id'))) await store.remove(received.sha256);
    throw err;
  }
  const row = await db('files').where(key).first();
  return { sha256: received.sha256, size: Number(row.size_bytes), mime: String(row.mime), kind: row.kind as ResourceKind };
}

/** The received file's kind by its bytes; a refused file is deleted before the refusal goes back. */
async function checkReceived(store: FileStore, received: ReceivedFile): Promise<SniffedFile> {
  try {
    const source = await openFileSource(received.tempPath);
    try {
      return await sniffFile(source, { ...DEFAULT_FILE_LIMITS, maxBytes: store.settings.maxBytes });
    } finally {
      await source.close();
    }
  } catch (err) {
    await store.discard(received);
    throw err;
  }
}
