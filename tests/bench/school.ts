import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { hashPassword } from '../../src-core/auth/passwords';
import { knexConfig, openDatabase, type DatabaseLocation } from '../../src-core/db/open';
import { DEMO_PASSWORD, seedDemo, seedDemoJournal } from '../../src-core/demo/index';
import { freshPostgres } from '../helpers/databases';
import { healthy } from './measure';

/**
 * The school the sync benchmarks run against: the demo school of 1,000 pupils with its journal (the whole year,
 * or up to the day before `today`), on SQLite (a copy of a file seeded once per run) or on a fresh PostgreSQL
 * database; and the central server on it, in a process of its own as in production.
 */
export const CLOCK = '2026-11-23T09:00:00+05:00';
export const TODAY = '2026-11-23';
export const YESTERDAY = '2026-11-22';
export const PUPILS = 1000;
export const SEED = 95;
export const PASSWORD = DEMO_PASSWORD;

export type Journal = 'year' | 'to-yesterday';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'sabaq-bench-'));
const templates = new Map<Journal, string>();
const dirs: string[] = [];
process.once('exit', () => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function seed(location: DatabaseLocation, journal: Journal): Promise<void> {
  const db = await openDatabase(location, 'server');
  try {
    await seedDemo(db, { seed: SEED, pupils: PUPILS, schools: 1, today: TODAY, passwordHash: await hashPassword(PASSWORD) });
    await seedDemoJournal(db, { seed: SEED, until: journal === 'year' ? undefined : YESTERDAY });
  } finally {
    await db.destroy();
  }
}

export interface BenchDatabase { location: DatabaseLocation; env: Record<string, string>; drop(): Promise<void> }

/** A fresh database holding the school; SQLite copies are made from one seeded file per kind of journal. */
export async function schoolDatabase(engine: 'sqlite' | 'postgres', journal: Journal): Promise<BenchDatabase> {
  if (engine === 'postgres') {
    const pg = await freshPostgres();
    await seed(pg.location, journal);
    const url = (pg.location as { url: string }).url;
    return { location: pg.location, env: { DATABASE_URL: url }, drop: () => pg.drop() };
  }
  let template = templates.get(journal);
  if (!template) {
    const dir = tmp();
    dirs.push(dir);
    template = path.join(dir, 'school.sqlite');
    await seed({ kind: 'sqlite', filename: template }, journal);
    templates.set(journal, template);
  }
  const dir = tmp();
  const filename = path.join(dir, 'sabaq-server.sqlite');
  copyFileSync(template, filename);
  return { location: { kind: 'sqlite', filename }, env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export interface BenchServer { url: string; process: ChildProcess; stop(): Promise<void> }

/** A request as the server's own log tells it: its path, status and the server's response time. */
export interface ServedRequest { url: string; status: number; ms: number }

/**
 * `npm run server` on the database, with the bench's clock, until stop(). With `served`, the server logs every
 * request (LOG_LEVEL=info) and each completed one is handed over with the response time fastify measured.
 */
export async function startBenchServer(db: BenchDatabase, served?: (r: ServedRequest) => void): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = db.env.DATA_DIR ?? tmp();
  const env = { ...process.env, ...db.env, DATA_DIR: dataDir, PORT: String(port), SABAQ_CLOCK: CLOCK, LOG_LEVEL: served ? 'info' : 'warn', SABAQ_DEMO: '0' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], { env, stdio: ['ignore', served ? 'pipe' : 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  if (served) readRequestLog(child, served);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server did not start: ${stderr.split('\n').slice(-3).join(' ')}`);
    if (await healthy(url).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      if (!db.env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readRequestLog(child: ChildProcess, served: (r: ServedRequest) => void): void {
  const urls = new Map<string, string>();
  let rest = '';
  child.stdout!.on('data', (d) => {
    const lines = (rest + String(d)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { reqId?: string; req?: { url?: string }; res?: { statusCode?: number }; responseTime?: number };
      if (!entry.reqId) continue;
      if (entry.req?.url) urls.set(entry.reqId, entry.req.url);
      else if (entry.responseTime !== undefined) {
        served({ url: urls.get(entry.reqId) ?? '?', status: entry.res?.statusCode ?? 0, ms: entry.responseTime });
        urls.delete(entry.reqId);
      }
    }
  });
}

/** A read-only look at a database while its server runs (accounts, lessons of the day). */
export function lookInto(location: DatabaseLocation): Knex {
  return knexFactory(knexConfig(location, 'server'));
}

export interface DayLesson { id: string; teacherId: string; classId: string; pupils: string[] }

/** The lessons of a day with their pupils (the class, or its half when the lesson is for a group). */
export async function lessonsOf(db: Knex, date: string, where: { teacherId?: string; classIds?: string[] } = {}): Promise<DayLesson[]> {
  const lessons: { id: string; teacher_id: string; class_id: string; group_id: string | null }[] = await db('lessons').where({ date }).whereNull('deleted_at')
    .modify((q) => {
      if (where.teacherId) q.where('teacher_id', where.teacherId);
      if (where.classIds) q.whereIn('class_id', where.classIds);
    })
    .orderBy(['starts_at', 'id']).select('id', 'teacher_id', 'class_id', 'group_id');
  const enrolments: { class_id: string; student_id: string; group_id: string | null }[] = await db('enrolments').whereNull('deleted_at').whereNull('left_on').orderBy('student_id').select('class_id', 'student_id', 'group_id');
  return lessons.map((l) => ({
    id: l.id, teacherId: l.teacher_id, classId: l.class_id,
    pupils: enrolments.filter((e) => e.class_id === l.class_id && (!l.group_id || e.group_id === l.group_id)).map((e) => e.student_id),
  }));
}

export async function loginOf(db: Knex, personId: string): Promise<string> {
  const user = await db('users').where({ person_id: personId }).whereNull('deleted_at').orderBy('login').first('login');
  if (!user) throw new Error(`no account for person ${personId}`);
  return user.login;
}

export async function personOf(db: Knex, login: string): Promise<string> {
  const user = await db('users').where({ login }).first('person_id');
  if (!user) throw new Error(`no account ${login}`);
  return user.person_id;
}
