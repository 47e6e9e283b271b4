import type { Knex } from 'knex';
import { bucketsOf } from '../../src-core/sync/buckets';
import { loadActor } from '../../src-server/auth/actors';
import type { World } from './world';

export type Checks = Record<string, number>;

/** The invariants of ARCHITECTURE.md, checked after the world has gone quiet. Each returns its violations. */
export async function checkInvariants(world: World, maxVersions: Map<string, number>, checks: Checks): Promise<string[]> {
  const bad: string[] = [];
  const count = (name: string, ok: boolean, what: string) => {
    checks[name] = (checks[name] ?? 0) + 1;
    if (!ok) bad.push(`${name}: ${what}`);
  };
  const db = world.db;
  const applied = await db('applied_mutations').select('mutation_id', 'device_id', 'device_seq', 'outcome');
  const byId = new Map(applied.map((r) => [r.mutation_id, r]));

  for (const d of world.devices) {
    const r = d.replica();
    try {
      const outbox = await r('outbox').orderBy('device_seq');
      const seqs = outbox.map((o) => Number(o.device_seq));
      count('device order is gapless', seqs.every((s, i) => s === i + 1), `${d.login}: ${seqs.join(',')}`);
      for (const o of outbox) {
        count('every mutation ends with exactly one outcome', o.status !== 'pending' && byId.get(o.mutation_id)?.outcome === o.status,
          `${d.login} #${o.device_seq} is ${o.status}, server says ${byId.get(o.mutation_id)?.outcome ?? 'nothing'}`);
      }
      await replicaMatchesServer(world, d, r, count);
      for (const table of ['marks', 'attendance']) {
        for (const row of await r(table).select('id', 'row_version')) {
          const key = `${d.dir}:${table}:${row.id}`;
          const before = maxVersions.get(key) ?? 0;
          count('row versions never go back', Number(row.row_version) >= before, `${key}: ${before} → ${row.row_version}`);
          maxVersions.set(key, Math.max(before, Number(row.row_version)));
        }
      }
    } finally {
      await r.destroy();
    }
  }

  const seqsByDevice = new Map<string, number[]>();
  for (const a of applied) seqsByDevice.set(a.device_id, [...(seqsByDevice.get(a.device_id) ?? []), Number(a.device_seq)]);
  for (const [device, seqs] of seqsByDevice) {
    const sorted = [...seqs].sort((x, y) => x - y);
    count('the server applied each device in order, without gaps', sorted.every((s, i) => s === i + 1), `${device}: ${sorted.join(',')}`);
  }
  for (const [table, key] of [['marks', ['lesson_id', 'student_id', 'kind']], ['attendance', ['lesson_id', 'student_id']]] as const) {
    const dupes = await db(table).select(...key).count({ n: '*' }).groupBy(...key).havingRaw('count(*) > 1');
    count('one row per cell', dupes.length === 0, `${table}: ${JSON.stringify(dupes)}`);
  }
  await historyReplays(db, count);
  await noUnauthorisedEffect(world, count);
  return bad;
}

async function replicaMatchesServer(world: World, d: World['devices'][number], r: Knex, count: (n: string, ok: boolean, w: string) => void) {
  const users = await r('local_accounts').pluck('user_id');
  const buckets = new Set<string>();
  for (const userId of users) {
    const actor = await loadActor(world.db, userId, null);
    if (actor) for (const b of await bucketsOf(world.db, actor)) buckets.add(b);
  }
  for (const table of ['marks', 'attendance']) {
    const server = await world.db(table).select('id', 'row_version', 'lesson_id', 'student_id');
    const visible = server.filter((row) => buckets.has(`student:${row.student_id}`) || [...buckets].some((b) => b.endsWith(':journal')));
    const local = new Map((await r(table).select('id', 'row_version')).map((row) => [row.id, Number(row.row_version)]));
    for (const row of visible) {
      count('each replica equals the server for what its users may see', local.get(row.id) === Number(row.row_version),
        `${d.login} ${table} ${row.id}: replica ${local.get(row.id)}, server ${row.row_version}`);
    }
    const allowed = new Set(visible.map((row) => row.id));
    for (const id of local.keys()) count('no replica holds what its users may not see', allowed.has(id), `${d.login} ${table} ${id}`);
  }
}

/** The change log, replayed, gives the current rows; each change of a cell is one version after the last. */
async function historyReplays(db: Knex, count: (n: string, ok: boolean, w: string) => void) {
  for (const table of ['marks', 'attendance']) {
    const log = await db('change_log').where({ table_name: table }).orderBy('seq');
    const replay = new Map<string, Record<string, unknown>>();
    for (const entry of log) {
      const row = JSON.parse(entry.row) as Record<string, unknown>;
      const prev = replay.get(entry.row_id);
      count('a stale write never overwrites: versions step by one', Number(row.row_version) === Number(prev?.row_version ?? 0) + 1,
        `${table} ${entry.row_id}: ${prev?.row_version ?? 0} → ${row.row_version}`);
      replay.set(entry.row_id, row);
    }
    for (const row of await db(table)) {
      const replayed = replay.get(row.id);
      count('history replays to the current state', Number(replayed?.row_version) === Number(row.row_version) &&
        (replayed?.value ?? replayed?.code ?? null) === (row.value ?? row.code ?? null), `${table} ${row.id}`);
    }
  }
}

async function noUnauthorisedEffect(world: World, count: (n: string, ok: boolean, w: string) => void) {
  const changes = await world.db('change_log as c').join('applied_mutations as a', 'a.mutation_id', 'c.mutation_id').select('a.outcome', 'c.row');
  for (const c of changes) {
    const row = JSON.parse(c.row) as { lesson_id: string; updated_by: string };
    const lesson = await world.db('lessons').where({ id: row.lesson_id }).first();
    const writer = await world.db('users').where({ id: row.updated_by }).first();
    count('no effect from a mutation that was not applied, nor by anyone but the lesson\'s teacher',
      c.outcome === 'applied' && writer?.person_id === lesson?.teacher_id, JSON.stringify(row));
  }
}
