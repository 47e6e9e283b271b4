import fc from 'fast-check';
import { markId } from '../../src-core/journal/ids';
import { INVARIANTS } from './invariants';
import { ABORT_TABLES, type AbortTable } from './server-abort';
import { checkTruncated, ClientKilled, CRASH_POINTS, PUPILS, SERVER_NOW, who, type CrashPoint, type Device, type World } from './world';

/**
 * What happens in a run. Each fault is an action of its own, by name, so that a shrunk counterexample says which:
 * - teachers write (`mark`, `attend`), devices sync (`sync`), a client is killed and started again (`restart`);
 * - `crash`: the device's client is killed at a named point of a sync (CRASH_POINTS). Armed on the device, the
 *   point waits for the first sync that reaches it (the action syncs once; a teacher's write syncs at once);
 * - the network: `replay` delivers an old push or pull of the device again, after newer ones; `truncate` cuts the
 *   bytes of the device's next push or pull reply; the random drops, duplicates and answers lost after the commit
 *   of world.faults go on underneath;
 * - `serverAbort`: the server dies in the middle of a transaction — after `after` more inserts into the table,
 *   the next one fails and its whole transaction rolls back (armed until a push fails on it; server-abort.ts);
 * - permissions come and go (`on`: taken away): teacher B's role (`revoke`), the parent's link to pupil 0
 *   (`guardian`), a pupil leaving the class (`enrolment`), a teacher's account (`disable`);
 * - a device runs an old program (`old`: its sync requests say the schema before this one) until `upgrade`;
 *   its clock is days off (`skew`).
 * - the administrator backs the server up (`backup`; one is taken when the world is made), and the server's disk
 *   fails: the last backup is `restore`d — the server forgets every commit after it, starts with a new epoch, and
 *   the devices must send again what it forgot.
 */
export type Action =
  | { kind: 'mark'; device: number; lesson: number; pupil: number; value: number | null }
  | { kind: 'attend'; device: number; lesson: number; pupil: number; code: string | null }
  | { kind: 'sync'; device: number }
  | { kind: 'restart'; device: number }
  | { kind: 'crash'; device: number; at: CrashPoint }
  | { kind: 'replay'; device: number; what: 'push' | 'pull'; back: number }
  | { kind: 'truncate'; device: number; what: 'push' | 'pull' }
  | { kind: 'serverAbort'; device: number; at: AbortTable; after: number }
  | { kind: 'revoke'; on: boolean }
  | { kind: 'guardian'; on: boolean }
  | { kind: 'enrolment'; pupil: number; on: boolean; how: 'left_on' | 'deleted_at' }
  | { kind: 'disable'; login: 'teacher.a' | 'teacher.b'; on: boolean }
  | { kind: 'old'; device: number }
  | { kind: 'upgrade'; device: number }
  | { kind: 'skew'; device: number; days: number }
  | { kind: 'backup' }
  | { kind: 'restore' };

/** Devices: 0 and 1 are teacher A's (two classroom computers), 2 is teacher B's, 3 is the parent's. */
export const DEVICE_LOGINS = ['teacher.a', 'teacher.a', 'teacher.b', 'parent'];

const device = fc.integer({ min: 0, max: DEVICE_LOGINS.length - 1 });
const pupil = fc.integer({ min: 0, max: PUPILS - 1 });
const k = <K extends string>(kind: K) => fc.constant(kind);
/** The teacher's lesson of each device (the parent has none). */
const OWN_LESSON = [0, 0, 1, 0];
/**
 * Who writes where: mostly a teacher in their own lesson, so that the faults meet pushes; sometimes the parent or
 * a teacher in another's lesson, which the product refuses on the device.
 */
const writer = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2 }).map((dv) => ({ device: dv, lesson: OWN_LESSON[dv]! })) },
  { weight: 1, arbitrary: fc.record({ device, lesson: fc.integer({ min: 0, max: 1 }) }) },
);
const cell = fc.tuple(writer, pupil).map(([w, p]) => ({ device: w.device, lesson: w.lesson, pupil: p }));
const markArb: fc.Arbitrary<Action> = fc.tuple(cell, fc.option(fc.integer({ min: 1, max: 10 }), { freq: 5 }))
  .map(([c, value]) => ({ kind: 'mark', ...c, value }));
const attendArb: fc.Arbitrary<Action> = fc.tuple(cell, fc.option(fc.constantFrom('ж', 'д', 'а', 'к'), { freq: 5 }))
  .map(([c, code]) => ({ kind: 'attend', ...c, code }));

export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: markArb },
  { weight: 5, arbitrary: attendArb },
  { weight: 4, arbitrary: fc.record({ kind: k('sync'), device }) },
  { weight: 1, arbitrary: fc.record({ kind: k('restart'), device }) },
  { weight: 3, arbitrary: fc.record({ kind: k('crash'), device, at: fc.constantFrom(...CRASH_POINTS) }) },
  { weight: 1, arbitrary: fc.record({ kind: k('replay'), device, what: fc.constantFrom('push' as const, 'pull' as const), back: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: k('truncate'), device, what: fc.constantFrom('push' as const, 'pull' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: k('serverAbort'), device, at: fc.constantFrom(...ABORT_TABLES), after: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: k('revoke'), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: k('guardian'), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: k('enrolment'), pupil, on: fc.boolean(), how: fc.constantFrom('left_on' as const, 'deleted_at' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: k('disable'), login: fc.constantFrom('teacher.a' as const, 'teacher.b' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: k('old'), device }) },
  { weight: 1, arbitrary: fc.record({ kind: k('upgrade'), device }) },
  { weight: 1, arbitrary: fc.record({ kind: k('skew'), device, days: fc.integer({ min: -40, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: k('backup') }) },
  { weight: 1, arbitrary: fc.record({ kind: k('restore') }) },
);

/**
 * A sync as the sync loop runs it: a failure is no failure of the run. A refused pull (`pull refused: …`) is
 * how the client says the server would not answer; any other exception of the client's own code is counted.
 */
export async function syncDevice(world: World, d: Device): Promise<void> {
  try {
    await d.client.syncNow();
  } catch (err) {
    if (err instanceof ClientKilled) return world.count(INVARIANTS.failsCleanly, true, '');
    const message = (err as Error).message ?? String(err);
    const refused = /^pull refused: (\w+)/.exec(message);
    if (refused) {
      world.stat(`sync failed: pull refused (${refused[1]})`);
      return world.count(INVARIANTS.failsCleanly, true, '');
    }
    const what = `${who(d)}: ${(err as Error).name}: ${message}`;
    return world.count(INVARIANTS.failsCleanly, false, what);
  }
  world.count(INVARIANTS.failsCleanly, true, '');
}

const at = () => SERVER_NOW;

/**
 * Carries out one action; what a user may not do is refused by the product and is no failure of the run.
 * A fault armed on a device (crash, truncate, serverAbort) happens at the first request that reaches it: the
 * action syncs once, and a later sync (a teacher's write syncs at once) may be the one.
 */
export async function perform(world: World, a: Action): Promise<void> {
  await world.reviveKilled();
  const d = world.devices['device' in a ? a.device : 0]!;
  switch (a.kind) {
    case 'mark': {
      const lessonId = world.lessons[a.lesson]!.id;
      const studentId = world.pupils[a.pupil]!;
      const r = d.replica();
      const seen = await r('marks').where({ id: markId(lessonId, studentId, 'fo') }).first('row_version').finally(() => r.destroy());
      await d.client.call(d.session, 'journal.setMark', { lessonId, studentId, value: a.value, baseVersion: Number(seen?.row_version ?? 0) });
      return;
    }
    case 'attend': {
      const lessonId = world.lessons[a.lesson]!.id;
      await d.client.call(d.session, 'attendance.mark', { lessonId, studentId: world.pupils[a.pupil]!, code: a.code });
      return;
    }
    case 'backup': await world.backUp(); return;
    case 'restore': await world.restore(); return;
    case 'sync': await syncDevice(world, d); return;
    case 'restart': await world.restart(d); return;
    case 'skew': d.skewDays = a.days; return;
    case 'crash':
      d.armed.crash = a.at;
      await syncDevice(world, d);
      await world.reviveKilled();
      return;
    case 'replay': await world.replay(d, a.what === 'push' ? '/sync/push' : '/sync/pull', a.back); return;
    case 'truncate':
      d.armed.truncate = a.what === 'push' ? '/sync/push' : '/sync/pull';
      await syncDevice(world, d);
      await checkTruncated(world, d);
      return;
    case 'serverAbort':
      await world.armServerAbort(a.at, a.after + 1);
      await syncDevice(world, d);
      return;
    case 'revoke':
      await world.permit(`role:${world.users['teacher.b']}`, a.on, (db) => db('user_roles').where({ user_id: world.users['teacher.b'] }).update({ deleted_at: a.on ? at() : null }));
      return;
    case 'guardian':
      await world.permit(`guardian:${world.pupils[0]}`, a.on, (db) => db('guardians').where({ parent_id: world.parentId, child_id: world.pupils[0] }).update({ deleted_at: a.on ? at() : null }));
      return;
    case 'enrolment': {
      const left = a.how === 'left_on' ? { left_on: '2026-11-20' } : { deleted_at: at() };
      await world.permit(`enrolment:${world.pupils[a.pupil]}`, a.on, (db) => db('enrolments').where({ class_id: world.classId, student_id: world.pupils[a.pupil] })
        .update(a.on ? left : { left_on: null, deleted_at: null }));
      return;
    }
    case 'disable': {
      await world.permit(`account:${world.users[a.login]}`, a.on, (db) => db('users').where({ id: world.users[a.login] }).update({ disabled: a.on }));
      // Given back: the teacher signs in again on the computers that lost their session meanwhile.
      if (!a.on) for (const other of world.devices) if (other.login === a.login && !other.session) await world.signInAgain(other);
      return;
    }
    case 'old': {
      if (d.old) return;
      const r = d.replica();
      const last = await r('outbox').max({ seq: 'device_seq' }).first().finally(() => r.destroy());
      Object.assign(d, { old: true, oldFromSeq: Number(last?.seq ?? 0) });
      return;
    }
    case 'upgrade': {
      if (!d.old) return;
      const r = d.replica();
      const written = await r('outbox').where('device_seq', '>', d.oldFromSeq).pluck('mutation_id').finally(() => r.destroy());
      world.upgraded.push({ device: d, mutationIds: written });
      // The new version starts on the same data dir and syncs at once.
      d.old = false;
      await world.restart(d);
      await syncDevice(world, d);
      return;
    }
  }
}

/** The end of a run: every permission given back and every device upgraded, so that the last check sees everything. */
export async function restoreEverything(world: World): Promise<void> {
  const revoked = [...new Set(world.permissions.map((p) => p.subject))].filter((s) => world.revokedNow(s));
  for (const subject of revoked) {
    await world.permit(subject, false, async (db) => {
      const [kind, id] = subject.split(':') as [string, string];
      if (kind === 'role') await db('user_roles').where({ user_id: id }).update({ deleted_at: null });
      if (kind === 'guardian') await db('guardians').where({ child_id: id }).update({ deleted_at: null });
      if (kind === 'enrolment') await db('enrolments').where({ student_id: id }).update({ left_on: null, deleted_at: null });
      if (kind === 'account') await db('users').where({ id }).update({ disabled: false });
    });
  }
  for (const d of world.devices) if (d.old) await perform(world, { kind: 'upgrade', device: d.index });
  for (const d of world.devices) if (!d.session) await world.signInAgain(d);
}
