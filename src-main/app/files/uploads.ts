import type { Knex } from 'knex';
import type { FileInfo } from '../../../src-core/contract/ops/resources';
import { bytesSource } from '../../../src-core/resources/bytes';
import { sniffFile, type FileLimits } from '../../../src-core/resources/sniff';
import { ServerUnreachable } from '../server-link';
import type { FileCache } from './cache';
import type { ServerFiles } from './server-files';

/**
 * Who wrote each file on this computer, and under what name (`client_meta.file_uploads`): their token sends it,
 * and they may open it here before any lesson names it.
 */
type Uploads = Record<string, { userId: string; name: string }>;
const UPLOADS_KEY = 'file_uploads';

async function readUploads(db: Knex): Promise<Uploads> {
  const row = await db('client_meta').where({ key: UPLOADS_KEY }).first();
  return row ? (JSON.parse(String(row.value)) as Uploads) : {};
}

/** The user who wrote a file on this computer, or null. */
export async function uploaderOf(db: Knex, sha: string): Promise<string | null> {
  return (await readUploads(db))[sha]?.userId ?? null;
}

/** The most writers remembered; the oldest of the files already sent are forgotten first. */
const KEEP_UPLOADS = 1000;

async function changeUploads(db: Knex, change: (u: Uploads) => void): Promise<void> {
  await db.transaction(async (trx) => {
    const uploads = await readUploads(trx);
    change(uploads);
    const keys = Object.keys(uploads);
    if (keys.length > KEEP_UPLOADS) {
      const pending = new Set<string>(await trx('file_cache').whereNot({ upload_pending: false }).pluck('sha256'));
      for (const sha of keys.slice(0, keys.length - KEEP_UPLOADS)) if (!pending.has(sha)) delete uploads[sha];
    }
    await trx('client_meta').insert({ key: UPLOADS_KEY, value: JSON.stringify(uploads) }).onConflict('key').merge();
  });
}

/**
 * A file written on this computer (a board saved in a lesson, a picture for the plan): its bytes decide its type,
 * it is kept whole and verified, and it waits to be sent. Answered at once, with or without the network.
 * Throws the translated OperationError of the check (unknown type, damaged, too large) and keeps nothing then.
 */
export async function acceptUpload(deps: { db: Knex; cache: FileCache; limits: FileLimits }, userId: string, bytes: Uint8Array, fileName: string): Promise<FileInfo> {
  const sniffed = await sniffFile(bytesSource(bytes), deps.limits);
  const entry = await deps.cache.putBytes(bytes, { kind: sniffed.kind, mime: sniffed.mime }, true);
  if (entry.uploadPending) {
    await changeUploads(deps.db, (u) => {
      u[entry.sha256] ??= { userId, name: fileName.slice(0, 255) || entry.sha256 };
    });
  }
  return { sha256: entry.sha256, size: entry.size, mime: entry.mime, kind: entry.kind };
}

export interface SendDeps {
  db: Knex;
  cache: FileCache;
  server: ServerFiles;
  tokenFor(userId: string, renew?: boolean): Promise<string | null>;
  problem(sha: string, messageKey: string, params?: Record<string, string | number>): Promise<void>;
  log(line: string): void;
  /** Gives up a file on its way (the client is closing): it stays marked. */
  signal?: AbortSignal;
}

export interface SendSummary { sent: number; refused: number; waiting: number }

/**
 * Sends the files written here to the central server, oldest first, each with its writer's access token. 2xx (the
 * server has it now, or had it already) clears the mark; a refusal other than a token to renew (too large, a type
 * the server does not take, not allowed) gives up on the file with a problem recorded. No answer, or a server in
 * trouble, throws ServerUnreachable: the files stay marked and the loop tries again.
 */
export async function sendPendingUploads(deps: SendDeps, only?: ReadonlySet<string>): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, refused: 0, waiting: 0 };
  const uploads = await readUploads(deps.db);
  for (const file of await deps.cache.pendingUploads()) {
    if (only && !only.has(file.sha256)) continue;
    if (deps.signal?.aborted) break;
    if (!(await deps.cache.complete(file.sha256))) {
      // The file is gone from this computer (removed by hand): there is nothing left to send.
      deps.log(`files: ${file.sha256} is no longer on this computer and cannot be sent`);
      await deps.cache.setUploadPending(file.sha256, false);
      await deps.problem(file.sha256, 'error.not_found');
      summary.refused += 1;
      continue;
    }
    const who = uploads[file.sha256];
    const userId = who?.userId ?? (await deps.db('local_accounts').first('user_id'))?.user_id;
    if (!userId) {
      summary.waiting += 1;
      continue;
    }
    let answer: { status: number; body: unknown } | null = null;
    for (const renew of [false, true]) {
      const token = await deps.tokenFor(userId, renew);
      if (!token) break;
      answer = await deps.server.upload(token, who?.name ?? file.sha256, deps.cache.filePath(file.sha256), file.size, deps.signal);
      if (answer.status !== 401) break;
    }
    if (!answer || answer.status === 401) {
      summary.waiting += 1; // the writer signs in again, and it goes then
      continue;
    }
    const { status, body } = answer;
    if (status >= 200 && status < 300) {
      await deps.cache.setUploadPending(file.sha256, false);
      summary.sent += 1;
      continue;
    }
    if (status === 408 || status === 429 || status >= 500) throw new ServerUnreachable(`HTTP ${status}`);
    const error = (body as { error?: { messageKey?: string; params?: Record<string, string | number> } } | null)?.error;
    deps.log(`files: the server refused ${file.sha256} (HTTP ${status}, ${error?.messageKey ?? 'no reason'}); it stays on this computer only`);
    await deps.cache.setUploadPending(file.sha256, false);
    await deps.problem(file.sha256, error?.messageKey ?? 'error.internal', error?.params ?? {});
    summary.refused += 1;
  }
  return summary;
}
