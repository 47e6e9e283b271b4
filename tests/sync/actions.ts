import fc from 'fast-check';
import { markId } from '../../src-core/journal/ids';
import { PUPILS, type World } from './world';

/** What happens in a run: teachers write, devices sync or crash, a permission comes and goes, clocks drift. */
export type Action =
  | { kind: 'mark'; device: number; lesson: number; pupil: number; value: number | null }
  | { kind: 'attend'; device: number; lesson: number; pupil: number; code: string | null }
  | { kind: 'sync'; device: number }
  | { kind: 'restart'; device: number }
  | { kind: 'revoke'; on: boolean }
  | { kind: 'skew'; device: number; days: number };

/** Devices: 0 and 1 are teacher A's (two classroom computers), 2 is teacher B's, 3 is the parent's. */
export const DEVICE_LOGINS = ['teacher.a', 'teacher.a', 'teacher.b', 'parent'];

const device = fc.integer({ min: 0, max: DEVICE_LOGINS.length - 1 });
const cell = { lesson: fc.integer({ min: 0, max: 1 }), pupil: fc.integer({ min: 0, max: PUPILS - 1 }) };

export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('mark' as const), device, ...cell, value: fc.option(fc.integer({ min: 1, max: 10 }), { freq: 5 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('attend' as const), device, ...cell, code: fc.option(fc.constantFrom('ж', 'д', 'а', 'к'), { freq: 5 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skew' as const), device, days: fc.integer({ min: -40, max: 40 }) }) },
);

/** Carries out one action; what a user may not do is refused by the product and is no failure of the run. */
export async function perform(world: World, a: Action): Promise<void> {
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
    case 'sync': await d.client.syncNow(); return;
    case 'restart': await world.restart(d); return;
    case 'skew': d.skewDays = a.days; return;
    case 'revoke':
      await world.db('user_roles').where({ user_id: world.teacherB.userId }).update({ deleted_at: a.on ? '2026-11-23T04:00:00Z' : null });
      return;
  }
}
