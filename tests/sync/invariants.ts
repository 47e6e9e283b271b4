import type { Knex } from 'knex';
import { bucketsOf } from '../../src-core/sync/buckets';
import { loadActor } from '../../src-server/auth/actors';
import { SERVER_NOW, who, type Device, type World } from './world';

export type Checks = Record<string, number>;

/**
 * The invariants of the sync (ARCHITECTURE.md and the fault harness issue), each by the name it is counted under,
 * and where it is checked. Every one the harness can check is checked; the run's report counts each.
 */
export const INVARIANTS = {
  gapless: 'device order is gapless',
  oneOutcome: 'every mutation ends with exactly one outcome',
  replicaEqual: 'each replica equals the server for what its users may see',
  replicaNoExtra: 'no replica holds what its users may not see',
  versionsForward: 'row versions never go back',
  serverInOrder: 'the server applied each device in order, without gaps',
  oneRowPerCell: 'one row per cell',
  staleNeverOverwrites: 'a stale write never overwrites: versions step by one',
  historyReplays: 'history replays to the current state',
  onlyApplied: 'no effect from a mutation that was not applied, nor by anyone but the lesson\'s teacher',
  authorisedAtApply: 'no effect from an unauthorised mutation: none while the account is disabled, the role removed or the pupil gone',
  noHalfCommit: 'nothing half-applied: every logged change belongs to an applied mutation of that commit, and back',
  noSeqHoles: 'nothing half-applied: the school\'s sequence has no holes',
  revokedGone: 'revoked data is gone from the replica after quiescence',
  restoredBack: 'everything comes back when the permission is restored',
  oldAnswered426: 'an old client is answered update_required (426)', // world.ts, at the transport
  oldKeepsOutbox: 'an old client keeps its outbox: nothing it wrote while old reaches the server',
  upgradedNothingLost: 'nothing a device wrote while old is lost once it is upgraded',
  restoreLosesNothing: 'a restore loses nothing: every mutation the server forgot is sent again and has its one outcome',
  truncatedNotApplied: 'a truncated reply is a failed request: nothing of it is applied', // world.ts, after the cut reply
  clocksServerTime: 'clocks don\'t matter: the server\'s rows carry the server\'s time, never a device\'s',
  clocksConverge: 'clocks don\'t matter: a device whose clock is off converges like the others',
  failsCleanly: 'a failed sync fails cleanly (no exception of the client\'s own code)', // actions.ts, at each sync the harness runs
} as const;

/**
 * Named by the issue but not checked, and why:
 * - "tombstones stay dead": the product never deletes a journal row (a cleared mark or attendance is a row whose
 *   value is null; no command sets deleted_at on marks or attendance), so there is no tombstone to come back.
 *   When journal rows can be deleted, check here that a deleted row never reappears on the server or a replica.
 */
export const NOT_CHECKED = { tombstones: 'tombstones stay dead' } as const;

/** What the checks of one run carry from one quiet moment to the next. */
export interface CheckState { maxVersions: Map<string, number>; permissionsSeen: number; restoresSeen: number }
export const newCheckState = (): CheckState => ({ maxVersions: new Map(), permissionsSeen: 0, restoresSeen: 0 });

type Count = (name: string, ok: boolean, what: string) => void;

/** The invariants, checked after the world has gone quiet; violations go to world.violations. */
export async function checkInvariants(world: World, state: CheckState): Promise<void> {
  const count: Count = world.count;
  const db = world.db;
  const applied = await db('applied_mutations').select('mutation_id', 'device_id', 'device_seq', 'outcome', 'seq', 'user_id', 'applied_at');
  const byId = new Map(applied.map((r) => [r.mutation_id, r]));

  // A restore took the server back: row versions start again from the backup's, and the permission changes it
  // rewound are looked at anew.
  if (world.restores.length > state.restoresSeen) state.maxVersions.clear();
  state.restoresSeen = world.restores.length;
  if (world.permissionsRewoundTo !== null) state.permissionsSeen = Math.min(state.permissionsSeen, world.permissionsRewoundTo);
  world.permissionsRewoundTo = null;

  // Permissions taken away now, and those given back since the last check, by the logins they concern.
  const revokedLogins = new Set<string>();
  for (const subject of new Set(world.permissions.map((p) => p.subject))) {
    if (world.revokedNow(subject)) for (const l of loginsOf(world, subject)) revokedLogins.add(l);
  }
  const restoredLogins = new Set<string>();
  world.permissions.forEach((p, i) => {
    if (i < state.permissionsSeen || p.revoked || world.revokedNow(p.subject)) return;
    if (world.permissions.slice(0, i).some((q) => q.subject === p.subject && q.revoked)) for (const l of loginsOf(world, p.subject)) restoredLogins.add(l);
  });
  state.permissionsSeen = world.permissions.length;
  const disabledUsers = new Set(Object.values(world.users).filter((u) => world.revokedNow(`account:${u}`)));

  for (const d of world.devices) {
    const r = d.replica();
    const before = world.violations.length;
    try {
      const outbox = await r('outbox').orderBy('device_seq');
      const seqs = outbox.map((o) => Number(o.device_seq));
      count(INVARIANTS.gapless, seqs.every((s, i) => s === i + 1), `${who(d)}: ${seqs.join(',')}`);
      if (d.old) {
        // An old program may neither push nor pull: it waits, with everything it wrote, for its upgrade.
        const mine = outbox.filter((o) => Number(o.device_seq) > d.oldFromSeq);
        count(INVARIANTS.oldKeepsOutbox, mine.every((o) => o.status === 'pending' && !byId.has(o.mutation_id)),
          `${who(d)}: ${mine.map((o) => `#${o.device_seq} ${o.status}${byId.has(o.mutation_id) ? ' (on the server)' : ''}`).join(', ')}`);
      } else {
        for (const o of outbox) {
          // A disabled account's mutations may wait for it (no token to send them with); none may be applied then.
          if (o.status === 'pending' && disabledUsers.has(o.user_id)) continue;
          count(INVARIANTS.oneOutcome, o.status !== 'pending' && byId.get(o.mutation_id)?.outcome === o.status,
            `${who(d)} #${o.device_seq} is ${o.status}, server says ${byId.get(o.mutation_id)?.outcome ?? 'nothing'}`);
        }
        const gap = await replicaMatchesServer(world, d, r, count, count);
        if (revokedLogins.has(d.login)) count(INVARIANTS.revokedGone, gap.extra.length === 0, `${who(d)} still holds ${gap.extra.join(', ')}`);
        if (restoredLogins.has(d.login)) count(INVARIANTS.restoredBack, gap.missing.length === 0, `${who(d)} lacks ${gap.missing.join(', ')}`);
      }
      // A row with a change still waiting (an old program, a disabled account) shows the device's own version,
      // which the server may refuse: only versions the server gave are held to this.
      const waiting = new Set(outbox.filter((o) => o.status === 'pending').flatMap((o) => Object.keys(JSON.parse(o.base_versions) as object)));
      const epoch = String((await r('client_meta').where({ key: 'epoch' }).first('value'))?.value ?? '');
      for (const table of ['marks', 'attendance']) {
        for (const row of await r(table).select('id', 'row_version')) {
          if (waiting.has(`${table}:${row.id}`)) continue;
          // Versions compare within one server epoch: a computer that has not heard of a restore yet still
          // holds the old epoch's versions, and takes the restored server's (lower) ones when it hears of it.
          const key = `${d.dir}:${epoch}:${table}:${row.id}`;
          const prev = state.maxVersions.get(key) ?? 0;
          count(INVARIANTS.versionsForward, Number(row.row_version) >= prev, `${key}: ${prev} → ${row.row_version}`);
          state.maxVersions.set(key, Math.max(prev, Number(row.row_version)));
        }
      }
    } finally {
      await r.destroy();
    }
    if (d.skewDays !== 0 && !d.old) count(INVARIANTS.clocksConverge, world.violations.length === before, `${who(d)}, ${d.skewDays} days off`);
  }

  for (const { device, mutationIds } of world.upgraded) {
    const r = device.replica();
    try {
      const rows = new Map((await r('outbox').whereIn('mutation_id', mutationIds).select('mutation_id', 'status', 'user_id')).map((o) => [o.mutation_id, o]));
      for (const id of mutationIds) {
        const o = rows.get(id);
        const waits = o?.status === 'pending' && disabledUsers.has(o.user_id);
        count(INVARIANTS.upgradedNothingLost, !!o && (waits || (o.status !== 'pending' && byId.get(id)?.outcome === o.status)),
          `${who(device)} ${id}: ${o?.status ?? 'gone from the outbox'}, server says ${byId.get(id)?.outcome ?? 'nothing'}`);
      }
    } finally {
      await r.destroy();
    }
  }

  await restoresLoseNothing(world, byId, disabledUsers, count);

  const seqsByDevice = new Map<string, number[]>();
  for (const a of applied) seqsByDevice.set(a.device_id, [...(seqsByDevice.get(a.device_id) ?? []), Number(a.device_seq)]);
  for (const [device, seqs] of seqsByDevice) {
    const sorted = [...seqs].sort((x, y) => x - y);
    count(INVARIANTS.serverInOrder, sorted.every((s, i) => s === i + 1), `${device}: ${sorted.join(',')}`);
  }
  for (const [table, key] of [['marks', ['lesson_id', 'student_id', 'kind']], ['attendance', ['lesson_id', 'student_id']]] as const) {
    const dupes = await db(table).select(...key).count({ n: '*' }).groupBy(...key).havingRaw('count(*) > 1');
    count(INVARIANTS.oneRowPerCell, dupes.length === 0, `${table}: ${JSON.stringify(dupes)}`);
  }
  await historyReplays(world, count);
  await nothingHalfApplied(world, applied, count);
  await noUnauthorisedEffect(world, count);
  await serverTimeOnly(world, applied, count);
}

/**
 * What a restore made the server forget comes back from the devices' outboxes: each such mutation is on the server
 * again with the outcome its device holds (the outcome may differ from the old epoch's: the cell or the
 * permissions may be as the backup left them). It may wait only where any mutation may: on an old program, for
 * an account disabled.
 */
async function restoresLoseNothing(world: World, byId: Map<string, Record<string, unknown>>, disabledUsers: Set<string>, count: Count) {
  const forgotten = world.restores.flatMap((r) => r.forgotten);
  for (const d of world.devices) {
    const mine = forgotten.filter((f) => f.deviceId === d.client.deviceId).map((f) => f.mutationId);
    if (!mine.length) continue;
    const r = d.replica();
    try {
      const rows = new Map((await r('outbox').whereIn('mutation_id', mine).select('mutation_id', 'status', 'user_id')).map((o) => [o.mutation_id, o]));
      for (const id of mine) {
        const o = rows.get(id);
        // An old program hears of the restore only once upgraded (the server answers it nothing else).
        const waits = d.old || (o?.status === 'pending' && disabledUsers.has(o.user_id));
        count(INVARIANTS.restoreLosesNothing, !!o && (waits || (o.status !== 'pending' && byId.get(id)?.outcome === o.status)),
          `${who(d)} ${id}: ${o?.status ?? 'gone from the outbox'}, server says ${byId.get(id)?.outcome ?? 'nothing'}`);
      }
    } finally {
      await r.destroy();
    }
  }
}

/** The logins whose devices hold less while the permission is taken away (a pupil's enrolment: no journal rows). */
function loginsOf(world: World, subject: string): string[] {
  const [kind, id] = subject.split(':') as [string, string];
  if (kind === 'role' || kind === 'account') return Object.entries(world.users).filter(([, u]) => u === id).map(([login]) => login);
  if (kind === 'guardian') return ['parent'];
  return [];
}

async function replicaMatchesServer(world: World, d: Device, r: Knex, count: Count, countExtra: Count): Promise<{ missing: string[]; extra: string[] }> {
  const users = await r('local_accounts').pluck('user_id');
  const buckets = new Set<string>();
  for (const userId of users) {
    const actor = await loadActor(world.db, userId, null);
    if (actor) for (const b of await bucketsOf(world.db, actor)) buckets.add(b);
  }
  const missing: string[] = [];
  const extra: string[] = [];
  for (const table of ['marks', 'attendance']) {
    const server = await world.db(table).select('id', 'row_version', 'lesson_id', 'student_id');
    const visible = server.filter((row) => buckets.has(`student:${row.student_id}`) || [...buckets].some((b) => b.endsWith(':journal')));
    const local = new Map((await r(table).select('id', 'row_version')).map((row) => [row.id, Number(row.row_version)]));
    for (const row of visible) {
      const ok = local.get(row.id) === Number(row.row_version);
      if (!ok) missing.push(`${table} ${row.id}`);
      count(INVARIANTS.replicaEqual, ok, `${who(d)} ${table} ${row.id}: replica ${local.get(row.id)}, server ${row.row_version}`);
    }
    const allowed = new Set(visible.map((row) => row.id));
    for (const id of local.keys()) {
      if (!allowed.has(id)) extra.push(`${table} ${id}`);
      countExtra(INVARIANTS.replicaNoExtra, allowed.has(id), `${who(d)} ${table} ${id}`);
    }
  }
  return { missing, extra };
}

/** The change log, replayed, gives the current rows; each change of a cell is one version after the last. */
async function historyReplays(world: World, count: Count) {
  const db = world.db;
  for (const table of ['marks', 'attendance']) {
    const log = await db('change_log').where({ table_name: table }).orderBy('seq');
    const replay = new Map<string, Record<string, unknown>>();
    const lastSeq = new Map<string, number>();
    for (const entry of log) {
      const row = JSON.parse(entry.row) as Record<string, unknown>;
      const prev = replay.get(entry.row_id);
      const before = Number(prev?.row_version ?? 0);
      count(INVARIANTS.staleNeverOverwrites, Number(row.row_version) === before + 1,
        `${table} ${entry.row_id}: ${before} → ${row.row_version} at seq ${entry.seq}`);
      replay.set(entry.row_id, row);
      lastSeq.set(entry.row_id, Number(entry.seq));
    }
    for (const row of await db(table)) {
      const replayed = replay.get(row.id);
      count(INVARIANTS.historyReplays, Number(replayed?.row_version) === Number(row.row_version) &&
        (replayed?.value ?? replayed?.code ?? null) === (row.value ?? row.code ?? null) && lastSeq.get(row.id) === Number(row.last_seq),
      `${table} ${row.id}: row v${row.row_version} at seq ${row.last_seq}, log v${replayed?.row_version} at seq ${lastSeq.get(row.id)}`);
    }
  }
}

/**
 * A transaction that died before its commit left nothing: each logged change has its applied_mutations record
 * (applied, at the change's commit), each applied mutation that changed something has its changes logged at its
 * commit, and the school's sequence is taken by commits only, one after the other.
 */
async function nothingHalfApplied(world: World, applied: Record<string, unknown>[], count: Count) {
  const log = await world.db('change_log').select('seq', 'table_name', 'row_id', 'mutation_id');
  const byId = new Map(applied.map((a) => [a.mutation_id as string, a]));
  const logged = new Map<string, Set<number>>();
  for (const c of log) {
    const a = c.mutation_id ? byId.get(c.mutation_id) : undefined;
    count(INVARIANTS.noHalfCommit, !!a && a.outcome === 'applied' && Number(a.seq) === Number(c.seq),
      `change ${c.table_name} ${c.row_id} at seq ${c.seq} of mutation ${c.mutation_id}: ${a ? `${a.outcome} at seq ${a.seq}` : 'no applied_mutations record'}`);
    if (c.mutation_id) logged.set(c.mutation_id, new Set([...(logged.get(c.mutation_id) ?? []), Number(c.seq)]));
  }
  for (const a of applied) {
    if (a.outcome !== 'applied') continue;
    count(INVARIANTS.noHalfCommit, a.seq !== null && logged.get(a.mutation_id as string)?.has(Number(a.seq)) === true,
      `mutation ${a.mutation_id} applied at seq ${a.seq}, its changes at ${[...(logged.get(a.mutation_id as string) ?? [])].join(',') || 'none'}`);
  }
  const head = Number((await world.db('school_sequences').where({ school_id: world.schoolId }).first())?.seq ?? 0);
  const seqs = [...new Set(log.map((c) => Number(c.seq)))].sort((x, y) => x - y);
  count(INVARIANTS.noSeqHoles, seqs.length === head && seqs.every((s, i) => s === i + 1), `head ${head}, commits ${seqs.join(',')}`);
}

async function noUnauthorisedEffect(world: World, count: Count) {
  const changes = await world.db('change_log as c').leftJoin('applied_mutations as a', 'a.mutation_id', 'c.mutation_id').select('a.outcome', 'c.row', 'c.seq');
  const lessons = new Map((await world.db('lessons').select('id', 'teacher_id')).map((l) => [l.id, l.teacher_id]));
  const people = new Map((await world.db('users').select('id', 'person_id')).map((u) => [u.id, u.person_id]));
  for (const c of changes) {
    const row = JSON.parse(c.row) as { lesson_id: string; student_id: string; updated_by: string };
    count(INVARIANTS.onlyApplied, c.outcome === 'applied' && people.get(row.updated_by) === lessons.get(row.lesson_id), JSON.stringify(row));
    const seq = Number(c.seq);
    const refused = [`account:${row.updated_by}`, `role:${row.updated_by}`, `enrolment:${row.student_id}`].filter((s) => revokedAt(world, s, seq));
    count(INVARIANTS.authorisedAtApply, refused.length === 0, `seq ${seq} by ${row.updated_by} for ${row.student_id} while ${refused.join(', ')}`);
  }
}

/** Whether the permission was taken away when the commit `seq` was made (changes made at head h come after seq h). */
function revokedAt(world: World, subject: string, seq: number): boolean {
  let revoked = false;
  for (const p of world.permissions) if (p.subject === subject && p.atSeq < seq) revoked = p.revoked;
  return revoked;
}

/** The devices' clocks are days off; the server's rows and records carry the server's own time only. */
async function serverTimeOnly(world: World, applied: Record<string, unknown>[], count: Count) {
  for (const table of ['marks', 'attendance']) {
    for (const row of await world.db(table).select('id', 'created_at', 'updated_at')) {
      count(INVARIANTS.clocksServerTime, row.created_at === SERVER_NOW && row.updated_at === SERVER_NOW, `${table} ${row.id}: ${row.created_at} / ${row.updated_at}`);
    }
  }
  for (const a of applied) count(INVARIANTS.clocksServerTime, a.applied_at === SERVER_NOW, `mutation ${a.mutation_id} applied at ${a.applied_at}`);
}
