import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword, verifyPassword } from '../../src-core/auth/passwords';
import { isRole } from '../../src-core/auth/roles';
import { callOperation } from '../../src-core/contract/call';
import { errorResponse } from '../../src-core/contract/error-body';
import { OperationError, type ErrorBody } from '../../src-core/contract/errors';
import { isOperationName, operations } from '../../src-core/contract/operations';
import type { Me } from '../../src-core/contract/schemas';
import { openDatabase } from '../../src-core/db/open';
import { isLocale, type Locale } from '../../src-core/i18n/index';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src-core/sync/protocol';
import { systemClock, type Clock } from '../../src-core/util/clock';
import { adoptEpoch } from './epoch';
import { startClientFiles, shasIn, type ClientFiles } from './files/client-files';
import type { ServerFiles } from './files/server-files';
import { outboxStatus, recordMutation } from './outbox';
import { pullChanges } from './pull';
import { pushOutbox, type PushSummary } from './push';
import { resolveProblem } from './resolve';
import { applySnapshot, clientMeta, setClientMeta } from './replica';
import { ServerLink, ServerUnreachable, type Transport } from './server-link';
import { SessionRegistry, type LocalSession } from './sessions';
import type { ClientApp, ClientAppOptions, SignInOutcome } from './types';

const fail = (code: OperationError['code'], key?: string, locale: Locale = 'kk', params: Record<string, string | number> = {}): ErrorBody =>
  errorResponse(new OperationError(code, key, params), locale).body;

const FIRST_SYNC_WAIT_MS = 3000;

/** A desktop client with its files (the cache, uploads waiting, the coming lessons' files fetched ahead). */
export type DesktopClient = ClientApp & { readonly files: ClientFiles };

/** Starts a desktop client: its replica, its link to the central server and its local sessions. */
export async function startClientApp(opts: ClientAppOptions & {
  clock?: Clock;
  transport?: Transport;
  /** The largest file accepted here, in MB (default SABAQ_MAX_FILE_MB, else 200). */
  maxFileMb?: number;
  /** How files reach the server (HTTP to serverUrl by default). */
  serverFiles?: ServerFiles;
  log?: (line: string) => void;
}): Promise<DesktopClient> {
  mkdirSync(opts.dataDir, { recursive: true });
  const clock = opts.clock ?? systemClock;
  const db = await openDatabase({ kind: 'sqlite', filename: path.join(opts.dataDir, 'sabaq-replica.sqlite') }, 'replica');
  const deviceId = (await clientMeta(db, 'device_id')) ?? uuidv7();
  await setClientMeta(db, 'device_id', deviceId);
  const link = new ServerLink(opts.serverUrl, opts.transport);
  const sessions = new SessionRegistry((opts.idleLockMinutes ?? 10) * 60_000, () => clock.now().getTime());
  const deviceName = opts.deviceName ?? hostname();
  const host = { db, clock, host: 'replica' as const };

  async function openSession(login: string, me: Me, offline: boolean, server: LocalSession['server']): Promise<SignInOutcome> {
    const actor = { userId: me.userId, personId: me.person.id, schoolId: me.school.id, roles: me.roles.filter(isRole), deviceId };
    const session = sessions.open({ actor, login, offline, server });
    return { ok: true, sessionId: session.id, me, offline };
  }

  async function signInOnline(login: string, password: string, locale: Locale): Promise<SignInOutcome> {
    const reply = await link.signIn(login, password, deviceId, deviceName, locale);
    if (!reply.ok) return reply;
    // Signed in: the tokens are kept even when the snapshot's answer is lost (the next sign-in brings it). The
    // offline verifier is made while the snapshot is on its way.
    const verifier = hashPassword(password);
    const snapshot = await link.snapshot(reply.accessToken).catch((err: unknown) => {
      if (err instanceof ServerUnreachable) return null;
      throw err;
    });
    if (snapshot?.ok) {
      await adoptEpoch(db, snapshot.epoch);
      await applySnapshot(db, snapshot.tables);
      // A new user's rows came with the snapshot; the cursor stays where the others' changes still wait.
      const cursor = await clientMeta(db, 'cursor');
      if (cursor === null || Number(cursor) > snapshot.seq) await setClientMeta(db, 'cursor', String(snapshot.seq));
    }
    await db('local_accounts').insert({
      user_id: reply.me.userId, school_id: reply.me.school.id, login: reply.me.login,
      password_verifier: await verifier, profile: JSON.stringify(reply.me),
      refresh_token: reply.refreshToken, last_online_at: clock.now().toISOString(),
    }).onConflict('user_id').merge();
    const server = { accessToken: reply.accessToken, refreshToken: reply.refreshToken, expiresAt: reply.expiresAt };
    const outcome = await openSession(reply.me.login, reply.me, false, server);
    // The journal of the user's buckets comes with the first pull: a teacher's is there before the first screen;
    // a whole school's (a director's) may go on arriving in the background.
    await Promise.race([syncNow().catch(() => undefined), new Promise((r) => setTimeout(r, FIRST_SYNC_WAIT_MS).unref())]);
    return outcome;
  }

  const files = startClientFiles({
    db, clock, deviceId, dataDir: opts.dataDir, serverUrl: opts.serverUrl, server: opts.serverFiles,
    maxFileMb: opts.maxFileMb ?? (Number(process.env.SABAQ_MAX_FILE_MB) || undefined),
    actorOf(sessionId, locale) {
      const used = sessions.use(sessionId);
      if (!used) return fail('unauthenticated', undefined, locale);
      if (used.state === 'locked') return fail('locked', 'error.locked', locale);
      return used.session.actor;
    },
    tokenFor: (userId, renew) => tokenFor(userId, renew),
    syncing: () => pushing,
    log: opts.log ?? ((line) => process.stderr.write(`sabaq-client: ${line}\n`)),
  });

  async function signInOffline(login: string, password: string, locale: Locale): Promise<SignInOutcome> {
    const account = await db('local_accounts').whereRaw('lower(login) = ?', [login.trim().toLowerCase()]).first();
    if (!account) return fail('unavailable', 'error.offline_unknown_user', locale);
    if (!(await verifyPassword(account.password_verifier, password))) return fail('unauthenticated', 'error.bad_credentials', locale);
    return openSession(account.login, JSON.parse(account.profile) as Me, true, null);
  }

  /**
   * An access token for a user with pending changes: the session's, or one renewed with the stored refresh token.
   * Expiry is the server's to judge (this computer's clock may be days off): `renew` after the server said no.
   */
  // Tokens renewed for users with no open session (the computer syncs for everyone who signed in on it).
  const renewedTokens = new Map<string, string>();
  async function tokenFor(userId: string, renew = false): Promise<string | null> {
    const live = sessions.serverTokensOf(userId);
    if (live && !renew) return live.accessToken;
    if (!renew && renewedTokens.has(userId)) return renewedTokens.get(userId)!;
    const account = await db('local_accounts').where({ user_id: userId }).first();
    const refreshToken = account?.refresh_token ?? live?.refreshToken;
    if (!refreshToken) return null;
    const renewed = await link.refresh(refreshToken, deviceId);
    // Only the server's "no" to this user is a no; a server in trouble is no answer at all.
    if (!renewed.ok && renewed.error.code !== 'unauthenticated' && renewed.error.code !== 'forbidden') throw new ServerUnreachable(renewed.error.code);
    if (!renewed.ok) {
      renewedTokens.delete(userId);
      return null;
    }
    renewedTokens.set(userId, renewed.accessToken);
    sessions.setServerTokens(userId, { accessToken: renewed.accessToken, refreshToken: renewed.refreshToken, expiresAt: renewed.expiresAt });
    await db('local_accounts').where({ user_id: userId }).update({ refresh_token: renewed.refreshToken });
    return renewed.accessToken;
  }

  /** Tokens of every user who signed in online on this computer: the device holds the union of their buckets. */
  async function deviceTokens(renew = false): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const userId of await db('local_accounts').pluck('user_id')) {
      const token = await tokenFor(userId, renew);
      if (token) out[userId] = token;
    }
    return out;
  }

  /** The server's bucket checksums are asked for now and then (every `verifyEveryMinutes`, 10 by default). */
  async function verificationDue(): Promise<boolean> {
    const last = await clientMeta(db, 'verified_at');
    const every = (opts.verifyEveryMinutes ?? 10) * 60_000;
    if (last === null) {
      // The first sync of this computer reads every bucket whole: nothing to check yet; the first check comes later.
      await setClientMeta(db, 'verified_at', clock.now().toISOString());
      return every === 0;
    }
    return Math.abs(clock.now().getTime() - Date.parse(last)) >= every;
  }

  let pushing: Promise<PushSummary> | null = null;
  /** Sends the outbox, then pulls what changed (one sync at a time); an unreachable server leaves everything pending. */
  function syncNow(): Promise<PushSummary> {
    // The files a waiting change names go first: the server holds a board before the diary shows it.
    pushing ??= namedFiles().then((named) => (named.size ? files.sendUploads(named) : null))
      .then(() => pushOutbox({ db, link, deviceId, tokenFor }))
      .then(async (first) => {
        let summary = first;
        const verify = await verificationDue();
        const pulled = await pullChanges({ db, link, deviceId, tokens: deviceTokens, verify });
        if (verify) await setClientMeta(db, 'verified_at', clock.now().toISOString());
        if (pulled.newEpoch) {
          // A restored server: what it forgot was queued again by the pull; send it now.
          summary = await pushOutbox({ db, link, deviceId, tokenFor });
          await pullChanges({ db, link, deviceId, tokens: deviceTokens });
        }
        if (summary.waiting !== 'server') await setClientMeta(db, 'last_sync_at', clock.now().toISOString());
        // The journal is through: the other files to send, then the coming lessons' files, in the background.
        files.afterSync();
        return summary;
      })
      .catch((err) => {
        if (err instanceof ServerUnreachable) return { sent: 0, settled: 0, waiting: 'server' as const };
        throw err;
      })
      .finally(() => { pushing = null; });
    return pushing;
  }

  /** The files named by the changes waiting to be sent. */
  async function namedFiles(): Promise<Set<string>> {
    const args: string[] = await db('outbox').where({ status: 'pending' }).whereIn('name', ['lesson.saveBoard', 'lesson.setPlan']).pluck('args');
    return new Set(args.flatMap(shasIn));
  }

  const closing = new AbortController();
  /** Waits (a long poll) until one of this computer's buckets changes on the server; false after the timeout. */
  async function waitForChanges(timeoutMs = 20_000): Promise<boolean> {
    const auth = await deviceTokens();
    if (!Object.keys(auth).length) return false;
    const cursor = Number((await clientMeta(db, 'cursor')) ?? 0);
    const epoch = (await clientMeta(db, 'epoch')) ?? undefined;
    const reply = await link.wait({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId, auth, cursor, epoch, timeoutMs }, closing.signal);
    // A refusal (a token to renew, an update required) is the next sync's to handle.
    return reply.ok ? reply.changed : true;
  }

  return {
    deviceId,
    serverUrl: opts.serverUrl,
    async signIn(login, password, localeHint?: string) {
      const locale: Locale = isLocale(localeHint) ? localeHint : 'kk';
      try {
        return await signInOnline(login, password, locale);
      } catch (err) {
        if (err instanceof ServerUnreachable) return signInOffline(login, password, locale);
        throw err;
      }
    },
    async call(sessionId, name, input, localeHint) {
      const locale: Locale = isLocale(localeHint) ? localeHint : 'kk';
      // The status of this computer's sync is asked by the screen every few seconds: that is nobody's activity.
      const used = sessions.use(sessionId, name !== 'sync.status');
      if (used?.state === 'locked') return fail('locked', 'error.locked', locale);
      const actor = used?.session.actor ?? null;
      if (used && isOperationName(name) && 'server' in operations[name] && operations[name].server) {
        // What only the server holds (a cell's history, the plans): asked of it, and done by it, while it answers.
        try {
          const token = await tokenFor(used.session.actor.userId);
          if (!token) return fail('unavailable', 'error.needs_server', locale);
          // A file written here and named by the call (a resource added to the library) is sent before it.
          const named = new Set(shasIn(JSON.stringify(input ?? {})));
          if (named.size) await files.sendUploads(named);
          return await link.call(token, name, input, locale);
        } catch (err) {
          if (err instanceof ServerUnreachable) return fail('unavailable', 'error.needs_server', locale);
          throw err;
        }
      }
      if (used && isOperationName(name) && operations[name].kind === 'command') {
        try {
          const result = name === 'sync.resolve'
            ? await resolveProblem(db, clock, used.session.actor, input)
            : await recordMutation(db, clock, used.session.actor, name, input);
          void syncNow().catch(() => undefined);
          return { ok: true, result };
        } catch (err) {
          if (err instanceof OperationError) return errorResponse(err, locale).body;
          throw err;
        }
      }
      const outcome = await callOperation(host, actor, name, input);
      return outcome.ok ? outcome : errorResponse(outcome.error, locale).body;
    },
    async unlock(sessionId, password) {
      const used = sessions.use(sessionId);
      if (!used) return fail('unauthenticated');
      const account = await db('local_accounts').where({ user_id: used.session.actor.userId }).first();
      if (!account || !(await verifyPassword(account.password_verifier, password))) return fail('unauthenticated', 'error.bad_credentials');
      sessions.unlock(sessionId);
      return { ok: true, sessionId, me: JSON.parse(account.profile) as Me, offline: used.session.offline };
    },
    async signOut(sessionId) {
      const session = sessions.close(sessionId);
      if (session?.server) await link.signOut(session.server.refreshToken).catch(() => undefined);
    },
    async knownAccounts() {
      const rows = await db('local_accounts').select('login', 'profile').orderBy('login');
      return rows.map((r: { login: string; profile: string }) => {
        const me = JSON.parse(r.profile) as Me;
        return { login: r.login, fullName: `${me.person.lastName} ${me.person.firstName}` };
      });
    },
    async online() {
      try {
        await link.health();
        return true;
      } catch {
        return false;
      }
    },
    syncNow,
    waitForChanges,
    outboxStatus: () => outboxStatus(db),
    files,
    async close() {
      closing.abort();
      await pushing?.catch(() => undefined);
      await files.close();
      await db.destroy();
    },
  } satisfies DesktopClient;
}
