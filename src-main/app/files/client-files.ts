import path from 'node:path';
import type { Knex } from 'knex';
import type { Actor } from '../../../src-core/auth/actor';
import { z } from 'zod';
import { isRole, permissionsOf } from '../../../src-core/auth/roles';
import { fieldErrors } from '../../../src-core/contract/call';
import { errorResponse } from '../../../src-core/contract/error-body';
import { OperationError, STATUS_OF, type ErrorBody } from '../../../src-core/contract/errors';
import type { FileInfo } from '../../../src-core/contract/ops/resources';
import type { Me } from '../../../src-core/contract/schemas';
import { localeFromHeader, type Locale } from '../../../src-core/i18n/index';
import { readableFile } from '../../../src-core/resources/file-access';
import { DEFAULT_FILE_LIMITS, MB, type FileLimits } from '../../../src-core/resources/sniff';
import { issueFileTicket, verifyFileTicket } from '../../../src-core/resources/tickets';
import { replicaRecorder } from '../../../src-core/sync/changes';
import type { Clock } from '../../../src-core/util/clock';
import { ServerUnreachable } from '../server-link';
import { FileCache, type CachedFile } from './cache';
import { downloadFile, type DownloadOutcome, type ExpectedFile } from './download';
import { prefetchFiles, type PrefetchRun } from './prefetch';
import { answerFile, answerPackageEntry, errorAnswer, PackageShelf, type FileAnswer, type FileRequest } from './serve';
import { httpServerFiles, type ServerFiles } from './server-files';
import { acceptUpload, sendPendingUploads, uploaderOf, type SendSummary } from './uploads';

/** A file this computer could not fetch or send, kept for the sync's status (`client_meta.file_problems`). */
export interface FileProblem { sha256: string; messageKey: string; params: Record<string, string | number>; at: string }

export interface FilesStatus {
  /** Files written here still to be sent. */
  uploadsPending: number;
  /** The last fetch of the coming lessons' files (null before the first). */
  prefetch: (PrefetchRun & { running: boolean; at: string }) | null;
  problems: FileProblem[];
}

/** The desktop client's files: what its hosts (the loopback http-host, the Electron shell) and its sync use. */
export interface ClientFiles {
  readonly limits: FileLimits;
  upload(sessionId: string | null, bytes: Uint8Array, fileName: string, locale: Locale): Promise<{ ok: true; file: FileInfo } | ErrorBody>;
  /** A short-lived address of a file for a signed-in user allowed to read it (fetched first when not here yet). */
  ticket(sessionId: string | null, sha256: string, locale: Locale): Promise<{ ok: true; url: string; expiresAt: string; launchPath?: string } | ErrorBody>;
  /** GET /files/t/<ticket>/<sha>[/pkg/<path>]. */
  answerTicket(ticket: string, sha256: string, packagePath: string | null, req: FileRequest): Promise<FileAnswer>;
  /** GET /files/<sha> with the session as bearer. */
  answerSession(sessionId: string | null, sha256: string, req: FileRequest): Promise<FileAnswer>;
  /** Sends files written here (those named, or all) to the server; throws ServerUnreachable when it cannot. */
  sendUploads(only?: ReadonlySet<string>): Promise<SendSummary>;
  /** The files of the coming lessons are fetched (a run under way is joined, and run again after it). */
  prefetch(): Promise<PrefetchRun>;
  /** After a sync: the rest of the files to send, then the coming lessons' files, in the background. */
  afterSync(): void;
  status(): Promise<FilesStatus>;
  /** Resolves when the files' background work (sending, fetching ahead) has stopped for now. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** The files of a desktop client (startClientApp's), or null for a ClientApp that has none. */
export function filesOf(app: object): ClientFiles | null {
  const files = (app as { files?: ClientFiles }).files;
  return files && typeof files.ticket === 'function' ? files : null;
}

export interface ClientFilesDeps {
  db: Knex;
  dataDir: string;
  serverUrl: string;
  clock: Clock;
  deviceId: string;
  maxFileMb?: number;
  server?: ServerFiles;
  /** The actor of a local session allowed to act now, or the translated reason why not (unknown, locked). */
  actorOf(sessionId: string | null, locale: Locale): Actor | ErrorBody;
  tokenFor(userId: string, renew?: boolean): Promise<string | null>;
  /** The journal's sync under way, if any: the files wait for it between two files. */
  syncing(): Promise<unknown> | null;
  log(line: string): void;
}

/** The SHA-256 names of files in a text (a change's arguments, a call's input). */
export const shasIn = (text: string): string[] => text.match(/\b[0-9a-f]{64}\b/g) ?? [];

const PROBLEMS_KEY = 'file_problems';
const MAX_PROBLEMS = 50;
const SHA = /^[0-9a-f]{64}$/;

const failure = (locale: Locale, code: OperationError['code'], key?: string, params: Record<string, string | number> = {}): ErrorBody =>
  errorResponse(new OperationError(code, key, params), locale).body;
const refusal = (locale: Locale, code: OperationError['code'], key: string): FileAnswer =>
  errorAnswer(STATUS_OF[code], failure(locale, code, key));

/** Who may write files: whoever may add to the library or write their lessons (the server's rule for POST /files). */
const mayUpload = (actor: Actor) => permissionsOf(actor.roles).some((p) => p === 'resources.upload' || p === 'lesson.writeOwn');
const UploadName = z.object({ name: z.string().trim().min(1).max(255) });

export function startClientFiles(deps: ClientFilesDeps): ClientFiles {
  const { db, clock } = deps;
  const limits: FileLimits = { ...DEFAULT_FILE_LIMITS, maxBytes: Math.round((deps.maxFileMb ?? 200) * MB) };
  const cache = new FileCache(db, path.join(deps.dataDir, 'files'), clock);
  const server = deps.server ?? httpServerFiles(deps.serverUrl);
  const shelf = new PackageShelf(cache, limits);
  // Tickets live as long as this process: a new secret at each start.
  const secret = crypto.getRandomValues(new Uint8Array(32));
  let closed = false;
  let prefetching: Promise<PrefetchRun> | null = null;
  let again = false;
  let background: Promise<void> | null = null;
  let lastRun: (PrefetchRun & { running: boolean; at: string }) | null = null;
  const closing = new AbortController();
  // One download of a file at a time: a ticket asked for during the prefetch of the same file waits for it.
  const downloads = new Map<string, Promise<DownloadOutcome>>();

  function fetchFile(sha: string, userId: string, expected: ExpectedFile = {}): Promise<DownloadOutcome> {
    const under = downloads.get(sha);
    if (under) return under.catch(() => undefined).then(() => fetchFile(sha, userId, expected));
    const run = downloadFile({ cache, server, token: (renew) => deps.tokenFor(userId, renew), signal: closing.signal }, sha, expected)
      .then(async (outcome) => {
        if (outcome === 'mismatch') {
          deps.log(`files: ${sha} came with wrong bytes and was thrown away`);
          await problem(sha, 'error.file_download_corrupt');
        }
        return outcome;
      })
      .finally(() => downloads.delete(sha));
    downloads.set(sha, run);
    return run;
  }

  const ctxOf = (actor: Actor) => ({ db, clock, actor, host: 'replica' as const, changes: replicaRecorder });

  async function problem(sha256: string, messageKey: string, params: Record<string, string | number> = {}): Promise<void> {
    await db.transaction(async (trx) => {
      const row = await trx('client_meta').where({ key: PROBLEMS_KEY }).first();
      const list = row ? (JSON.parse(String(row.value)) as FileProblem[]) : [];
      list.push({ sha256, messageKey, params, at: clock.now().toISOString() });
      await trx('client_meta').insert({ key: PROBLEMS_KEY, value: JSON.stringify(list.slice(-MAX_PROBLEMS)) }).onConflict('key').merge();
    });
  }

  /** The file when the actor may read it here: the shared rule, or they wrote it on this computer. */
  async function readable(actor: Actor, sha: string): Promise<CachedFile | null> {
    const held = await cache.complete(sha);
    if (!held) return null;
    if (await readableFile(ctxOf(actor), sha)) return held;
    return (await uploaderOf(db, sha)) === actor.userId ? held : null;
  }

  async function actorOfUser(userId: string): Promise<Actor | null> {
    const account = await db('local_accounts').where({ user_id: userId }).first('profile');
    if (!account) return null;
    const me = JSON.parse(String(account.profile)) as Me;
    return { userId: me.userId, personId: me.person.id, schoolId: me.school.id, roles: me.roles.filter(isRole), deviceId: deps.deviceId };
  }

  const sendDeps = { db, cache, server, tokenFor: deps.tokenFor, problem, log: deps.log, signal: closing.signal };

  function runPrefetch(): Promise<PrefetchRun> {
    if (prefetching) {
      again = true;
      return prefetching;
    }
    const at = clock.now().toISOString();
    prefetching = (async () => {
      let run: PrefetchRun;
      do {
        again = false;
        lastRun = { wanted: 0, fetched: 0, held: 0, failed: 0, offline: false, ...lastRun, running: true, at };
        run = await prefetchFiles({
          db, cache, clock, log: deps.log,
          download: (file) => fetchFile(file.sha256, file.userId, file.expected),
          yieldToSync: async () => { await deps.syncing()?.catch(() => undefined); },
          stopped: () => closed,
        }, (progress) => { lastRun = { ...progress, running: true, at }; });
        lastRun = { ...run, running: false, at };
      } while (again && !closed && !run.offline);
      return run;
    })().finally(() => { prefetching = null; });
    return prefetching;
  }

  return {
    limits,

    async upload(sessionId, bytes, fileName, locale) {
      const actor = deps.actorOf(sessionId, locale);
      if ('ok' in actor) return actor;
      if (!mayUpload(actor)) return failure(locale, 'forbidden', 'error.forbidden', { permission: 'resources.upload' });
      const named = UploadName.safeParse({ name: fileName });
      if (!named.success) return errorResponse(new OperationError('invalid_input', 'error.invalid_input', {}, fieldErrors(named.error)), locale).body;
      try {
        const file = await acceptUpload({ db, cache, limits }, actor.userId, bytes, named.data.name);
        return { ok: true, file };
      } catch (err) {
        if (err instanceof OperationError) return errorResponse(err, locale).body;
        throw err;
      }
    },

    async ticket(sessionId, sha, locale) {
      const actor = deps.actorOf(sessionId, locale);
      if ('ok' in actor) return actor;
      if (!SHA.test(sha)) return failure(locale, 'invalid_input', 'error.sha_invalid');
      if (!(await cache.complete(sha))) {
        // Not here yet: fetched now, with the user's own token (the server's rule decides first), when it answers.
        try {
          const outcome = await fetchFile(sha, actor.userId);
          if (outcome !== 'complete') return failure(locale, 'not_found', 'error.not_found');
        } catch (err) {
          if (!(err instanceof ServerUnreachable)) throw err;
          return failure(locale, 'not_found', 'error.file_not_on_this_computer');
        }
      }
      const file = await readable(actor, sha);
      if (!file) return failure(locale, 'not_found', 'error.not_found');
      await cache.touch(sha);
      const issued = await issueFileTicket(secret, actor.userId, sha, clock.now());
      const launchPath = file.kind === 'html5' ? (await shelf.get(sha)).launchPath : undefined;
      return { ok: true, url: issued.url, expiresAt: issued.expiresAt, ...(launchPath ? { launchPath } : {}) };
    },

    async answerTicket(ticket, sha, packagePath, req) {
      const locale = localeFromHeader(req.headers['accept-language']);
      if (!SHA.test(sha)) return refusal(locale, 'invalid_input', 'error.sha_invalid');
      const valid = await verifyFileTicket(secret, ticket, sha, clock.now());
      const actor = valid ? await actorOfUser(valid.userId) : null;
      if (!actor) return refusal(locale, 'unauthenticated', 'error.ticket_invalid');
      const file = await readable(actor, sha);
      if (!file) return refusal(locale, 'not_found', 'error.not_found');
      await cache.touch(sha);
      if (packagePath === null) return answerFile(cache, file, req);
      const answer = await answerPackageEntry(shelf, file, packagePath, req);
      if (answer === 'bad_path') return refusal(locale, 'invalid_input', 'error.package_path_invalid');
      return answer === 'not_found' ? refusal(locale, 'not_found', 'error.not_found') : answer;
    },

    async answerSession(sessionId, sha, req) {
      const locale = localeFromHeader(req.headers['accept-language']);
      const actor = deps.actorOf(sessionId, locale);
      if ('ok' in actor) return errorAnswer(STATUS_OF[actor.error.code], actor);
      if (!SHA.test(sha)) return refusal(locale, 'invalid_input', 'error.sha_invalid');
      const file = await readable(actor, sha);
      if (!file) return refusal(locale, 'not_found', 'error.not_found');
      await cache.touch(sha);
      return answerFile(cache, file, req);
    },

    sendUploads: (only) => sendPendingUploads(sendDeps, only),

    prefetch: runPrefetch,

    afterSync() {
      if (closed || background) return;
      background = (async () => {
        try {
          await sendPendingUploads(sendDeps);
        } catch (err) {
          if (!(err instanceof ServerUnreachable)) throw err;
          return; // the server went away: the coming lessons' files wait too
        }
        await runPrefetch();
      })().catch((err: Error) => deps.log(`files: ${err.stack ?? err.message}`)).finally(() => { background = null; });
    },

    async status() {
      const row = await db('client_meta').where({ key: PROBLEMS_KEY }).first();
      return {
        uploadsPending: (await cache.pendingUploads()).length,
        prefetch: lastRun ? { ...lastRun } : null,
        problems: row ? (JSON.parse(String(row.value)) as FileProblem[]) : [],
      };
    },

    async settled() {
      while (background || prefetching) {
        await background;
        await prefetching?.catch(() => undefined);
      }
    },

    async close() {
      closed = true;
      closing.abort();
      await background;
      await prefetching?.catch(() => undefined);
    },
  };
}
