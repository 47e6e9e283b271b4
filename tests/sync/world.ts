import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import knexFactory, { type Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { hashPassword } from '../../src-core/auth/passwords';
import { knexConfig, openDatabase } from '../../src-core/db/open';
import { SCHEMA_VERSION } from '../../src-core/sync/protocol';
import type { Clock } from '../../src-core/util/clock';
import { startClientApp } from '../../src-main/app/client-app';
import { ServerUnreachable, type Transport } from '../../src-main/app/server-link';
import type { ClientApp } from '../../src-main/app/types';
import { authPolicyFromEnv } from '../../src-server/auth/policy';
import { restoreBackup, takeBackup, type Backup } from '../../src-server/backup';
import { buildServer } from '../../src-server/server';
import { freshPostgres, freshSqlite, type TestDatabase } from '../helpers/databases';
import { buildClassWithLesson, buildPerson, buildSchool, buildUser, enrol, seedAttendanceCodes } from '../helpers/factories';
import { INVARIANTS } from './invariants';
import { seededRandom } from '../../src-core/util/random';
import { installServerAbort, type AbortTable } from './server-abort';

/** A small school for the fault harness: one class of three pupils, two teachers, one parent (of pupil 0). */
export const PUPILS = 3;
export const DATE = '2026-11-23';
/** The server's clock stands still: every time the server writes is this one, whatever the devices' clocks say. */
export const SERVER_NOW = '2026-11-23T04:00:00.000Z';

/** The faults a transport injects at random, drawn from the run's seeded random numbers. */
export interface Faults { dropRequest: number; dropResponse: number; duplicate: number }
export const NO_FAULTS: Faults = { dropRequest: 0, dropResponse: 0, duplicate: 0 };

/**
 * Named points of a sync where a client is killed (its process dies; the harness starts it again on the same data
 * dir before anything else touches the device). Armed on a device, a point waits for the first sync that reaches it:
 * - push:before-send — the outbox was read, nothing reached the server;
 * - push:after-server-commit — the server applied the push, its reply is lost with the client;
 * - pull:before-send — the push was settled, the pull never left;
 * - pull:after-reply — a page arrived and was not applied;
 * - pull:between-pages — a page was applied with its cursor, the next one was never asked for (pages of one change).
 */
export const CRASH_POINTS = ['push:before-send', 'push:after-server-commit', 'pull:before-send', 'pull:after-reply', 'pull:between-pages'] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

/** What the transport throws at a crash point: the client process is dead, nothing of it runs any more. */
export class ClientKilled extends Error {}

export type SyncPath = '/sync/push' | '/sync/pull';

/** The network of one running client process: a killed process sends nothing more. */
export interface Wire {
  dead: boolean;
  crashed: CrashPoint | null;
  /** What a cut reply may have changed, as it was when the reply was handed over: it must stay so. */
  truncatedAt: { path: SyncPath; state: string; mutationIds: string[] } | null;
  lastPullMore: boolean;
}

/** Faults armed on a device: each waits for the first request that reaches it, across restarts. */
export interface Armed {
  crash: CrashPoint | null;
  /** Cut the raw bytes of the next reply to this path. */
  truncate: SyncPath | null;
}

/** A push or pull as it went on the wire, kept to be delivered again later (a stale request). */
export interface SentRequest { path: string; headers: Record<string, string>; body: unknown }

export interface Device {
  index: number;
  login: string;
  dir: string;
  client: ClientApp;
  session: string | null;
  skewDays: number;
  /** An old program: its pushes and pulls say schema SCHEMA_VERSION - 1, and the server answers update_required. */
  old: boolean;
  /** The last device_seq written before it became old. */
  oldFromSeq: number;
  sent: SentRequest[];
  armed: Armed;
  wire: Wire;
  replica(): Knex;
}

/** The faults armed in a world: on each device, and the server's abort (with its countdown). */
export interface ArmedFaults { devices: Armed[]; abort: { table: AbortTable; countdown: number } | null }

/** A permission taken away or given back, with the head of the school's sequence at that moment. */
export interface PermissionChange { subject: string; revoked: boolean; atSeq: number }

export interface World {
  engine: 'sqlite' | 'postgres';
  db: Knex;
  server: FastifyInstance;
  schoolId: string;
  lessons: { id: string; teacherLogin: string }[];
  pupils: string[];
  /** User ids by login. */
  users: Record<string, string>;
  parentId: string;
  classId: string;
  devices: Device[];
  faults: Faults;
  /** Every permission change of the run, in order (subjects: role:<user>, account:<user>, enrolment:<pupil>, guardian:<child>). */
  permissions: PermissionChange[];
  /** Mutations written while their device was old, to be checked once it is upgraded. */
  upgraded: { device: Device; mutationIds: string[] }[];
  /** The server's last backup (one is taken when the world is made), with how many permission changes it holds. */
  backup: { data: Backup; permissions: number };
  /** Each restore of the run: the mutations the server had applied, refused or found in conflict that it forgot. */
  restores: { forgotten: { mutationId: string; deviceId: string }[] }[];
  /** The first permission change a restore rewound since the last check (world.permissions was cut there), or null. */
  permissionsRewoundTo: number | null;
  /** How often each fault actually happened (a crash point may not be reached). */
  stats: Record<string, number>;
  /** Checks made while the run goes (a truncated reply), with those made at each quiet moment. */
  checks: Record<string, number>;
  violations: string[];
  count(name: string, ok: boolean, what: string): void;
  stat(name: string): void;
  random(): number;
  open(login: string): Promise<Device>;
  restart(d: Device): Promise<void>;
  signInAgain(d: Device): Promise<void>;
  /** Runs a change of the server's data while no request is being handled, and records it against the sequence. */
  permit(subject: string, revoked: boolean, change: (db: Knex) => Promise<unknown>): Promise<void>;
  revokedNow(subject: string): boolean;
  /** The administrator backs the server up (while no request is being handled). */
  backUp(): Promise<void>;
  /**
   * The server's disk fails and the last backup is restored: the server stops, its school data goes back to the
   * backup, it starts again with a new epoch. The permissions go back with the data.
   */
  restore(): Promise<void>;
  /** The server's abort, armed until a push fails on it (or the world goes quiet). */
  abortArmed: AbortTable | null;
  /** Arms the server's abort at the `countdown`-th insert into the table from now; 0 disarms. */
  armServerAbort(table: AbortTable, countdown: number): Promise<void>;
  /** Starts again every client killed at a crash point (its process is gone; nothing may use it any more). */
  reviveKilled(): Promise<void>;
  /**
   * Every armed fault off while the world goes quiet; `rearm` with what this returns puts them back after the
   * check, and `disarmAll(true)` at the end of the run counts those never reached.
   */
  disarmAll(final?: boolean): Promise<ArmedFaults>;
  rearm(armed: ArmedFaults): Promise<void>;
  /** Delivers an old request of the device again; its reply goes nowhere (the client has long moved on). */
  replay(d: Device, path: string, back: number): Promise<void>;
  /**
   * What a push or pull reply could change and nothing else does meanwhile: the cursor and buckets (pull), the
   * outcomes of the mutations sent (push). The teacher may go on writing, so the journal rows are not in it.
   */
  replicaState(d: Device, path: SyncPath, mutationIds: string[]): Promise<string>;
  close(): Promise<void>;
}


export async function makeWorld(seed: number, engine: 'sqlite' | 'postgres'): Promise<World> {
  // The harness's only source of chance: seeded, so a seed replays a run exactly.
  const random = seededRandom(seed);
  const tdb: TestDatabase = engine === 'postgres' ? await freshPostgres() : freshSqlite();
  const db = await openDatabase(tdb.location, 'server');
  const hash = await hashPassword('password');
  const s = await buildSchool(db, 'Chaos');
  await seedAttendanceCodes(db, s.school.id);
  const ta = await buildPerson(db, s.school.id, 'Ахметова', 'Айгүл');
  const tb = await buildPerson(db, s.school.id, 'Бекова', 'Сәуле');
  const c = await buildClassWithLesson(db, s, ta.id, DATE);
  const lessonB = { ...c.lesson, id: uuid(), teacher_id: tb.id, period: 2, starts_at: '08:50', ends_at: '09:35' };
  await db('lessons').insert(lessonB);
  const pupils: string[] = [];
  const parent = await buildPerson(db, s.school.id, 'Сейітова', 'Гүлнар');
  for (let i = 0; i < PUPILS; i++) {
    const p = await buildPerson(db, s.school.id, 'Сейітов', `Бала${i}`);
    await enrol(db, s.school.id, c.klass.id, p.id, i === 0 ? parent.id : undefined);
    pupils.push(p.id);
  }
  const userA = await buildUser(db, s.school.id, ta.id, 'teacher.a', ['teacher'], hash);
  const userB = await buildUser(db, s.school.id, tb.id, 'teacher.b', ['teacher'], hash);
  const userP = await buildUser(db, s.school.id, parent.id, 'parent', ['parent'], hash);
  await installServerAbort(db, engine);
  // Sign-ins and refreshes are many here (restarts, disabled accounts): the limiter is not what is under test.
  const authPolicy = { ...authPolicyFromEnv({}), signInPerMinute: 1_000_000 };
  const startServer = () => buildServer({ db, clock: { now: () => new Date(SERVER_NOW) }, authPolicy });
  const server = await startServer();
  const dirs: string[] = [];

  // Requests are handled concurrently; a permission change waits until none is in flight and holds new ones back,
  // so that every commit is either wholly before it or wholly after it in the school's sequence.
  let inflight = 0;
  let gate: Promise<void> | null = null;
  let drained: (() => void) | null = null;
  const serverCall = async <T>(fn: () => Promise<T>): Promise<T> => {
    while (gate) await gate;
    inflight += 1;
    try {
      return await fn();
    } finally {
      inflight -= 1;
      if (inflight === 0) drained?.();
    }
  };
  const exclusive = async (fn: () => Promise<void>): Promise<void> => {
    while (gate) await gate;
    let open!: () => void;
    gate = new Promise<void>((r) => { open = r; });
    try {
      if (inflight > 0) await new Promise<void>((r) => { drained = r; });
      drained = null;
      await fn();
    } finally {
      gate = null;
      open();
    }
  };
  const head = async (q: Knex) => Number((await q('school_sequences').where({ school_id: s.school.id }).first())?.seq ?? 0);

  const replicaOf = (dataDir: string) => () => knexFactory(knexConfig({ kind: 'sqlite', filename: path.join(dataDir, 'sabaq-replica.sqlite') }, 'replica'));
  const newWire = (): Wire => ({ dead: false, crashed: null, truncatedAt: null, lastPullMore: false });

  async function boot(d: Device): Promise<void> {
    d.wire = newWire();
    const clock: Clock = { now: () => new Date(Date.parse(SERVER_NOW) + d.skewDays * 86_400_000) };
    d.client = await startClientApp({ dataDir: d.dir, serverUrl: 'http://chaos.invalid', clock, transport: deviceTransport(world, d, d.wire, serverCall) });
    await world.signInAgain(d);
  }

  const world: World = {
    engine, db, server, pupils, devices: [], faults: { ...NO_FAULTS }, random,
    schoolId: s.school.id, parentId: parent.id, classId: c.klass.id,
    users: { 'teacher.a': userA.id, 'teacher.b': userB.id, parent: userP.id },
    lessons: [{ id: c.lesson.id, teacherLogin: 'teacher.a' }, { id: lessonB.id, teacherLogin: 'teacher.b' }],
    permissions: [], upgraded: [], stats: {}, checks: {}, violations: [], abortArmed: null,
    backup: { data: await takeBackup(db, new Date(SERVER_NOW)), permissions: 0 }, restores: [], permissionsRewoundTo: null,
    count(name, ok, what) {
      world.checks[name] = (world.checks[name] ?? 0) + 1;
      if (!ok) world.violations.push(`${name}: ${what}`);
    },
    stat(name) {
      world.stats[name] = (world.stats[name] ?? 0) + 1;
    },
    async open(login) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-chaos-'));
      dirs.push(dir);
      const d = { index: world.devices.length, login, dir, skewDays: 0, session: null, old: false, oldFromSeq: 0, sent: [], armed: { crash: null, truncate: null }, replica: replicaOf(dir) } as unknown as Device;
      await boot(d);
      return d;
    },
    async restart(d) {
      // A client killed and started again: sessions and anything in flight are gone, the replica stays.
      await checkTruncated(world, d);
      d.wire.dead = true;
      await d.client.close();
      await boot(d);
    },
    async reviveKilled() {
      for (const d of world.devices) if (d.wire.crashed) await world.restart(d);
    },
    async disarmAll(final = false) {
      const stash: ArmedFaults = { devices: world.devices.map((d) => d.armed), abort: null };
      for (const d of world.devices) {
        if (final && d.armed.crash) world.stat(`fault armed, never reached in the run: crash at ${d.armed.crash}`);
        if (final && d.armed.truncate) world.stat(`fault armed, never reached in the run: cut ${d.armed.truncate.slice(6)} reply`);
        d.armed = { crash: null, truncate: null };
        await checkTruncated(world, d);
      }
      if (world.abortArmed) {
        const row = await db('chaos_server_abort').where({ table_name: world.abortArmed }).first('countdown');
        stash.abort = { table: world.abortArmed, countdown: Number(row?.countdown ?? 0) };
        if (final) world.stat(`fault armed, never reached in the run: server abort at ${world.abortArmed}`);
        await world.armServerAbort(world.abortArmed, 0);
      }
      return stash;
    },
    async rearm(stash) {
      stash.devices.forEach((armed, i) => { world.devices[i]!.armed = armed; });
      if (stash.abort && stash.abort.countdown > 0) await world.armServerAbort(stash.abort.table, stash.abort.countdown);
    },
    async signInAgain(d) {
      const signed = await d.client.signIn(d.login, 'password');
      d.session = signed.ok ? signed.sessionId : null;
    },
    async permit(subject, revoked, change) {
      await exclusive(async () => {
        await change(db);
        world.permissions.push({ subject, revoked, atSeq: await head(db) });
      });
    },
    revokedNow(subject) {
      return world.permissions.filter((p) => p.subject === subject).at(-1)?.revoked ?? false;
    },
    async backUp() {
      await exclusive(async () => {
        world.backup = { data: await takeBackup(db, new Date(SERVER_NOW)), permissions: world.permissions.length };
      });
      world.stat('fault: the server was backed up');
    },
    async restore() {
      await exclusive(async () => {
        const kept = new Set(world.backup.data.tables.applied_mutations!.map((a) => a.mutation_id as string));
        const forgotten = (await db('applied_mutations').select('mutation_id', 'device_id'))
          .filter((a) => !kept.has(a.mutation_id)).map((a) => ({ mutationId: a.mutation_id as string, deviceId: a.device_id as string }));
        const stillArmed = await db('chaos_server_abort').where('countdown', '>', 0).select('table_name', 'countdown');
        await db('chaos_server_abort').update({ countdown: 0 });
        await world.server.close();
        await restoreBackup(db, world.backup.data, new Date(SERVER_NOW));
        for (const row of stillArmed) await db('chaos_server_abort').where({ table_name: row.table_name }).update({ countdown: row.countdown });
        world.server = await startServer();
        // The permissions as the backup holds them: the history is cut there, and each one the restore changed is
        // recorded at the restored head (where the next commit comes after it).
        const before = new Map([...new Set(world.permissions.map((p) => p.subject))].map((subject) => [subject, world.revokedNow(subject)]));
        world.permissions.splice(world.backup.permissions);
        world.permissionsRewoundTo = Math.min(world.permissionsRewoundTo ?? Infinity, world.permissions.length);
        const atSeq = await head(db);
        for (const [subject, revoked] of before) {
          if (world.revokedNow(subject) !== revoked) world.permissions.push({ subject, revoked: world.revokedNow(subject), atSeq });
        }
        world.restores.push({ forgotten });
      });
      world.stat('fault: the server was restored from its backup');
      // An account the restore gave back: its teacher signs in again where the session was lost.
      for (const d of world.devices) if (!d.session && !world.revokedNow(`account:${world.users[d.login]}`)) await world.signInAgain(d);
    },
    async armServerAbort(table, countdown) {
      world.abortArmed = countdown > 0 ? table : null;
      await exclusive(async () => {
        await db('chaos_server_abort').update({ countdown: 0 });
        if (countdown > 0) await db('chaos_server_abort').where({ table_name: table }).update({ countdown });
      });
    },
    async replay(d, url, back) {
      const older = d.sent.filter((r) => r.path === url);
      // Stale: sent before at least one newer request of the device, when there is one.
      const pool = older.length > 1 ? older.slice(0, -1) : older;
      const req = pool[Math.max(0, pool.length - back)];
      if (!req) return;
      world.stat(`fault: a stale ${url.slice(6)} delivered again after newer ones`);
      await serverCall(() => world.server.inject({ method: 'POST', url: req.path, headers: req.headers, payload: req.body as object, remoteAddress: addressOf(d) }));
    },
    async replicaState(d, url, mutationIds) {
      const r = d.replica();
      try {
        if (url === '/sync/pull') return JSON.stringify(await r('client_meta').whereIn('key', ['cursor', 'buckets']).orderBy('key').select('key', 'value'));
        return JSON.stringify(await r('outbox').whereIn('mutation_id', mutationIds).orderBy('device_seq').select('mutation_id', 'status', 'reply'));
      } finally {
        await r.destroy();
      }
    },
    async close() {
      for (const d of world.devices) await d.client.close().catch(() => undefined);
      await world.server.close();
      await db.destroy();
      await tdb.drop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
  return world;
}

/** How a device is named in a violation: its place in the run and its user. */
export const who = (d: Device) => `device ${d.index} (${d.login})`;

/** Each device is its own computer on the network (the server's rate limits are per address). */
const addressOf = (d: Device) => `10.0.0.${d.index + 1}`;

function kill(world: World, d: Device, at: CrashPoint): never {
  d.wire.dead = true;
  d.wire.crashed = at;
  d.armed.crash = null;
  world.stat(`fault: client killed at ${at}`);
  throw new ClientKilled(`client killed at ${at}`);
}

/**
 * What the client receives for a reply, as axios gives it to the real transport: JSON parsed when it parses,
 * else the text as it came (a truncated body); a gzip stream cut short is inflated as far as it goes.
 */
function decode(raw: Buffer, gzip: boolean): unknown {
  let text: string;
  try {
    text = gzip ? gunzipSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8') : raw.toString('utf8');
  } catch {
    throw new ServerUnreachable('the reply could not be inflated');
  }
  if (!text) return '';
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Requests go to the server in-process. On the way they may be dropped, delivered twice or lose their answer
 * (random faults), and the harness's named faults act here, at the boundary the product injects:
 * a client killed at a crash point, a reply whose bytes are cut, an old program's schema version.
 */
function deviceTransport(world: World, d: Device, wire: Wire, serverCall: <T>(fn: () => Promise<T>) => Promise<T>): Transport {
  return async ({ method, path: url, body, headers }) => {
    if (wire.dead) throw new ClientKilled('this client was killed');
    if (wire.truncatedAt) await checkTruncated(world, d, wire);
    const isPush = url === '/sync/push';
    const isPull = url === '/sync/pull';
    const old = (isPush || isPull) && d.old;
    let sent = body;
    if (old) sent = { ...(sent as object), schema: SCHEMA_VERSION - 1 };
    const crash = d.armed.crash;
    if (isPull && crash === 'pull:between-pages') sent = { ...(sent as object), limit: 1 };
    if (isPush && crash === 'push:before-send') kill(world, d, crash);
    if (isPull && crash === 'pull:before-send') kill(world, d, crash);
    if (isPull && crash === 'pull:between-pages' && wire.lastPullMore) kill(world, d, crash);
    if (isPush) wire.lastPullMore = false;
    const f = world.faults;
    if (world.random() < f.dropRequest) throw new ServerUnreachable('request dropped');
    if (isPush || isPull) {
      d.sent.push({ path: url, headers, body: sent });
      if (d.sent.length > 16) d.sent.shift();
    }
    const send = () => serverCall(() => world.server.inject({ method, url, headers, remoteAddress: addressOf(d), ...(sent === undefined ? {} : { payload: sent as object }) }));
    const res = await send();
    if (world.random() < f.duplicate) await send();
    if (old) {
      world.count(INVARIANTS.oldAnswered426, res.statusCode === 426, `${who(d)} ${url}: HTTP ${res.statusCode}`);
    }
    if (isPush && res.statusCode >= 500 && world.abortArmed) {
      world.stat(`fault: the server died in a push's transaction (at its ${world.abortArmed} insert)`);
      await world.armServerAbort(world.abortArmed, 0);
    }
    // Read again: the fault may have been disarmed (the world going quiet) while the server worked.
    if (isPush && d.armed.crash === 'push:after-server-commit') kill(world, d, 'push:after-server-commit');
    if (isPull && d.armed.crash === 'pull:after-reply') kill(world, d, 'pull:after-reply');
    if (world.random() < f.dropResponse) throw new ServerUnreachable('response dropped after the server committed');
    const gzip = res.headers['content-encoding'] === 'gzip';
    let raw = res.rawPayload;
    const cut = (isPush || isPull) && d.armed.truncate === url && raw.length > 1;
    if (cut) {
      raw = raw.subarray(0, 1 + Math.floor(world.random() * (raw.length - 1)));
      d.armed.truncate = null;
    }
    let data: unknown;
    try {
      data = decode(raw, gzip);
    } catch (err) {
      if (cut) world.stat('fault: a cut reply could not be inflated (the client sees no answer)');
      throw err;
    }
    if (cut && typeof data === 'object' && data !== null) {
      world.stat('fault: a cut reply lost only its gzip trailer (whole to the client)');
    } else if (cut) {
      world.stat(`fault: a ${url.slice(6)} reply cut to part of its bytes`);
      const mutationIds = isPush ? (sent as { mutations: { mutationId: string }[] }).mutations.map((m) => m.mutationId) : [];
      wire.truncatedAt = { path: url as SyncPath, mutationIds, state: await world.replicaState(d, url as SyncPath, mutationIds) };
    }
    if (isPull) wire.lastPullMore = typeof data === 'object' && data !== null && (data as { more?: unknown }).more === true;
    return { status: res.statusCode, data };
  };
}

/** After a truncated reply, before anything else happens: the replica must be as the reply found it. */
export async function checkTruncated(world: World, d: Device, wire: Wire = d.wire): Promise<void> {
  const at = wire.truncatedAt;
  if (!at) return;
  wire.truncatedAt = null;
  const now = await world.replicaState(d, at.path, at.mutationIds);
  world.count(INVARIANTS.truncatedNotApplied, now === at.state, `${who(d)} ${at.path}: the replica changed after a cut reply`);
}
