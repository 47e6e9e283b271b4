import { existsSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Knex } from 'knex';
import { rngFromString, type Rng } from '../../src-core/demo/rng';
import { markId } from '../../src-core/journal/ids';
import { httpTransport, type Transport } from '../../src-main/app/server-link';
import { openDevice, signInAndSync, versionOf, type Device } from './devices';
import { figure, percentile, type Bench, type FigureReport } from './figures';
import { lessonsOf, lookInto, schoolDatabase, startBenchServer, TODAY, type DayLesson } from './school';
import { startThrottledLink, type ThrottledLink } from './throttle';

/**
 * The busiest minute of a school day: many desktop clients (the product's ClientApp, each with its own replica
 * and its own network address) against one central server process. Teachers' computers write a few journal cells
 * and sync; parents' computers sync. Each device syncs about once a second (a real loop syncs every 15 s and
 * after each change, so this is a peak well above an ordinary lesson change). Latency of each push and pull is
 * taken twice: by the server (fastify's response time, from its log) and by the device, around the product's
 * own HTTP transport. On one machine the devices' own work (their replicas) competes with the server for the
 * same cores, and what a device sees includes the delay of its own busy event loop: both are reported.
 */
const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 24);
const PARENTS = Number(process.env.BENCH_PARENTS ?? 36);
const WARM_UP_MS = 5_000;
const MEASURE_MS = 40_000;
const BATCH = 5;
/** Each real computer has a disk of its own; sixty replicas on this machine's one disk would wait on each other's syncs. */
const IN_MEMORY = existsSync('/dev/shm') ? '/dev/shm' : undefined;

interface Sample { path: string; ms: number; status: number }
interface Load { recording: boolean; samples: Sample[]; served: Sample[]; failures: number; refusedHere: number }

/** The product's transport, timed: each request's latency as the client sees it. */
function timed(inner: Transport, load: Load): Transport {
  return async (req) => {
    const start = performance.now();
    try {
      const res = await inner(req);
      if (load.recording) load.samples.push({ path: req.path, ms: performance.now() - start, status: res.status });
      return res;
    } catch (err) {
      if (load.recording) load.failures++;
      throw err;
    }
  };
}

interface VirtualDevice { device: Device; link: ThrottledLink; login: string; lessons: DayLesson[] }

async function accounts(db: Knex): Promise<{ teachers: { login: string; lessons: DayLesson[] }[]; parents: string[] }> {
  const day = await lessonsOf(db, TODAY);
  const teacherLogins: { login: string; person_id: string }[] = await db('users').join('user_roles', 'user_roles.user_id', 'users.id')
    .where('user_roles.role', 'teacher').whereIn('users.person_id', [...new Set(day.map((l) => l.teacherId))])
    .distinct('users.login', 'users.person_id').orderBy('users.login');
  const parents: string[] = await db('users').join('user_roles', 'user_roles.user_id', 'users.id').where('user_roles.role', 'parent')
    .whereNotExists(db('user_roles as r').whereRaw('r.user_id = users.id').whereNot('r.role', 'parent'))
    .orderBy('users.login').limit(PARENTS).pluck('users.login');
  const teachers = teacherLogins.slice(0, TEACHERS).map((t) => ({ login: t.login, lessons: day.filter((l) => l.teacherId === t.person_id && l.pupils.length) }));
  return { teachers, parents };
}

async function teacherTurn(v: VirtualDevice, rng: Rng, load: Load): Promise<void> {
  const lesson = rng.pick(v.lessons);
  for (const pupil of rng.shuffle([...lesson.pupils]).slice(0, BATCH)) {
    const input = rng.chance(0.6)
      ? { name: 'attendance.mark', args: { lessonId: lesson.id, studentId: pupil, code: rng.pick(['ж', 'а', 'к', null]) } }
      : { name: 'journal.setMark', args: { lessonId: lesson.id, studentId: pupil, value: rng.int(4, 10), baseVersion: await versionOf(v.device, 'marks', markId(lesson.id, pupil, 'fo')) } };
    const out = await v.device.app.call(v.device.session, input.name, input.args);
    if (!out.ok && load.recording) load.refusedHere++;
  }
  await v.device.app.syncNow();
}

async function throughput(engine: 'sqlite' | 'postgres'): Promise<FigureReport> {
  const notes: string[] = [];
  const db = await schoolDatabase(engine, 'to-yesterday');
  const look = lookInto(db.location);
  const who = await accounts(look);
  await look.destroy();
  const load: Load = { recording: false, samples: [], served: [], failures: 0, refusedHere: 0 };
  const server = await startBenchServer(db, (r) => { if (load.recording) load.served.push({ path: r.url, ms: r.ms, status: r.status }); });
  const devices: VirtualDevice[] = [];
  try {
    const logins = [...who.teachers.map((t) => ({ login: t.login, lessons: t.lessons })), ...who.parents.map((login) => ({ login, lessons: [] }))];
    const setupStart = performance.now();
    // One address per device (127.0.0.N), as separate computers have: the server limits requests per address.
    for (let i = 0; i < logins.length; i += 4) {
      await Promise.all(logins.slice(i, i + 4).map(async (a, j) => {
        const link = await startThrottledLink(server.url, { mbitPerSecond: Infinity, latencyMs: 0, localAddress: `127.0.0.${10 + i + j}` });
        const device = await openDevice(link.url, timed(httpTransport(link.url), load), IN_MEMORY);
        devices.push({ device, link, ...a });
        await signInAndSync(device, a.login);
      }));
    }
    const setupMs = performance.now() - setupStart;
    const stopAt = performance.now() + WARM_UP_MS + MEASURE_MS;
    // Whose CPU the window used (the server's, this process's: the devices) and how late this process's timers ran.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    let cpuAtStart = { server: 0, devices: process.cpuUsage() };
    const waits = engine === 'postgres' ? sampleWaits(lookInto(db.location), stopAt) : null;
    setTimeout(() => {
      load.recording = true;
      cpuAtStart = { server: cpuSeconds(server.process.pid), devices: process.cpuUsage() };
      lag.enable();
    }, WARM_UP_MS);
    await Promise.all(devices.map(async (v, i) => {
      const rng = rngFromString(`sabaq-bench/throughput/${i}`);
      while (performance.now() < stopAt) {
        try {
          if (v.lessons.length) await teacherTurn(v, rng, load);
          else await v.device.app.syncNow();
        } catch (err) {
          if (load.recording) notes.push(`${v.login}: ${(err as Error).message.split('\n')[0]}`);
        }
        await new Promise((r) => setTimeout(r, 500 + rng.int(0, 1000)));
      }
    }));
    load.recording = false;
    lag.disable();
    const serverCpu = (cpuSeconds(server.process.pid) - cpuAtStart.server) / (MEASURE_MS / 1000);
    const used = process.cpuUsage(cpuAtStart.devices);
    const devicesCpu = (used.user + used.system) / 1e6 / (MEASURE_MS / 1000);
    const of = (path: string, list = load.samples) => list.filter((s) => s.path === path).map((s) => s.ms);
    const push = of('/sync/push');
    const pull = of('/sync/pull');
    const served = { push: of('/sync/push', load.served), pull: of('/sync/pull', load.served) };
    const refused = load.samples.filter((s) => s.status >= 400);
    const seconds = MEASURE_MS / 1000;
    if (refused.length) notes.push(`statuses other than 2xx: ${JSON.stringify(countBy(refused.map((s) => `${s.path} ${s.status}`)))}`);
    if (notes.length > 20) notes.splice(20, notes.length - 20, `… and more`);
    if (waits) notes.push(`PostgreSQL sessions of the server, sampled every 100 ms (state: wait): ${JSON.stringify(await waits)}`);
    return {
      figures: [
        figure('devices (teachers + parents)', devices.length, 'devices'),
        figure('teachers\' devices', who.teachers.length, 'devices'),
        figure('sign-in and first sync of every device (setup, 4 at a time)', setupMs / 1000, 's'),
        figure('requests a second, all', load.samples.length / seconds, 'req/s'),
        figure('pushes a second', push.length / seconds, 'req/s'),
        figure('pulls a second', pull.length / seconds, 'req/s'),
        figure('push p50, at the server (fastify response time)', percentile(served.push, 50), 'ms'),
        figure('push p99, at the server', percentile(served.push, 99), 'ms'),
        figure('pull p50, at the server', percentile(served.pull, 50), 'ms'),
        figure('pull p99, at the server', percentile(served.pull, 99), 'ms', { atMost: 100 }),
        figure('push p50, as the devices saw it', percentile(push, 50), 'ms'),
        figure('push p99, as the devices saw it', percentile(push, 99), 'ms'),
        figure('pull p50, as the devices saw it', percentile(pull, 50), 'ms'),
        figure('pull p99, as the devices saw it', percentile(pull, 99), 'ms'),
        figure('requests refused (not 2xx) or unanswered', refused.length + load.failures, 'requests'),
        figure('commands refused on the device (a cell changed under the teacher)', load.refusedHere, 'commands'),
        figure('server process CPU (1.0 = one core busy)', serverCpu, 'cores'),
        figure('simulated devices\' CPU (this process)', devicesCpu, 'cores'),
        figure('simulated devices\' event-loop delay p99 (adds to every latency)', lag.percentile(99) / 1e6, 'ms'),
      ],
      notes,
    };
  } finally {
    for (const v of devices) {
      await v.device.close();
      await v.link.close();
    }
    await server.stop();
    await db.drop();
  }
}

/** CPU seconds a process has used (user + system), from /proc; NaN where there is no /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** What the server's PostgreSQL sessions were doing, sampled until `stopAt`: where pushes and pulls wait. */
async function sampleWaits(pg: Knex, stopAt: number): Promise<Record<string, number>> {
  const seen: string[] = [];
  try {
    while (performance.now() < stopAt) {
      const rows: { state: string; wait: string | null }[] = (await pg.raw(`select state, wait_event_type || ':' || wait_event as wait from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`)).rows;
      for (const r of rows) seen.push(`${r.state}: ${r.wait ?? 'on CPU'}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await pg.destroy();
  }
  return Object.fromEntries(Object.entries(countBy(seen)).sort((a, b) => b[1] - a[1]).slice(0, 6));
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

export const throughputBenches: Bench[] = [
  {
    name: 'sync-throughput-sqlite',
    target: `${TEACHERS + PARENTS} devices syncing about once a second against one server on SQLite: pull p99 under 100 ms`,
    run: () => throughput('sqlite'),
  },
  {
    name: 'sync-throughput-postgres',
    target: `${TEACHERS + PARENTS} devices syncing about once a second against one server on PostgreSQL: pull p99 under 100 ms`,
    run: () => throughput('postgres'),
  },
];
