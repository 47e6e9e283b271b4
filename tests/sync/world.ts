import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import knexFactory, { type Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { hashPassword } from '../../src-core/auth/passwords';
import { knexConfig, openDatabase } from '../../src-core/db/open';
import type { Clock } from '../../src-core/util/clock';
import { startClientApp } from '../../src-main/app/client-app';
import { ServerUnreachable, type Transport } from '../../src-main/app/server-link';
import type { ClientApp } from '../../src-main/app/types';
import { buildServer } from '../../src-server/server';
import { freshPostgres, freshSqlite, type TestDatabase } from '../helpers/databases';
import { buildClassWithLesson, buildPerson, buildSchool, buildUser, enrol, seedAttendanceCodes } from '../helpers/factories';

/** A small school for the fault harness: one class of three pupils, two teachers, one parent. */
export const PUPILS = 3;
export const DATE = '2026-11-23';

/** The faults a transport injects, drawn from the run's seeded random numbers. */
export interface Faults { dropRequest: number; dropResponse: number; duplicate: number }
export const NO_FAULTS: Faults = { dropRequest: 0, dropResponse: 0, duplicate: 0 };

export interface Device {
  login: string;
  dir: string;
  client: ClientApp;
  session: string | null;
  skewDays: number;
  replica(): Knex;
}

export interface World {
  db: Knex;
  server: FastifyInstance;
  lessons: { id: string; teacherLogin: string }[];
  pupils: string[];
  teacherB: { userId: string };
  devices: Device[];
  faults: Faults;
  random(): number;
  open(login: string, dir?: string, skewDays?: number): Promise<Device>;
  restart(d: Device): Promise<void>;
  close(): Promise<void>;
}

/** mulberry32: the harness's only source of chance, so a seed replays a run exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function makeWorld(seed: number, engine: 'sqlite' | 'postgres'): Promise<World> {
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
  await buildUser(db, s.school.id, ta.id, 'teacher.a', ['teacher'], hash);
  const userB = await buildUser(db, s.school.id, tb.id, 'teacher.b', ['teacher'], hash);
  await buildUser(db, s.school.id, parent.id, 'parent', ['parent'], hash);
  const server = await buildServer({ db, clock: { now: () => new Date('2026-11-23T04:00:00Z') } });
  const dirs: string[] = [];

  const world: World = {
    db, server, pupils, devices: [], faults: { ...NO_FAULTS }, random,
    teacherB: { userId: userB.id },
    lessons: [{ id: c.lesson.id, teacherLogin: 'teacher.a' }, { id: lessonB.id, teacherLogin: 'teacher.b' }],
    async open(login, dir, skewDays = 0) {
      const dataDir = dir ?? mkdtempSync(path.join(os.tmpdir(), 'sabaq-chaos-'));
      if (!dir) dirs.push(dataDir);
      const clock: Clock = { now: () => new Date(Date.parse('2026-11-23T04:00:00Z') + device.skewDays * 86_400_000) };
      const device: Device = {
        login, dir: dataDir, skewDays, session: null,
        client: await startClientApp({ dataDir, serverUrl: 'http://chaos.invalid', clock, transport: faultyTransport(world) }),
        replica: () => knexFactory(knexConfig({ kind: 'sqlite', filename: path.join(dataDir, 'sabaq-replica.sqlite') }, 'replica')),
      };
      const signed = await device.client.signIn(login, 'password');
      device.session = signed.ok ? signed.sessionId : null;
      return device;
    },
    async restart(d) {
      // A client killed and started again: sessions and anything in flight are gone, the replica stays.
      await d.client.close();
      const again = await world.open(d.login, d.dir, d.skewDays);
      Object.assign(d, { client: again.client, session: again.session });
    },
    async close() {
      for (const d of world.devices) await d.client.close().catch(() => undefined);
      await server.close();
      await db.destroy();
      await tdb.drop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
  return world;
}

/** Requests go to the server in-process; on the way they may be dropped, delivered twice, or lose their answer. */
function faultyTransport(world: World): Transport {
  return async ({ method, path: url, body, headers }) => {
    const f = world.faults;
    if (world.random() < f.dropRequest) throw new ServerUnreachable('request dropped');
    const send = () => world.server.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    const res = await send();
    if (world.random() < f.duplicate) await send();
    if (world.random() < f.dropResponse) throw new ServerUnreachable('response dropped after the server committed');
    const raw = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString('utf8') : res.body;
    return { status: res.statusCode, data: raw ? JSON.parse(raw) : null };
  };
}
