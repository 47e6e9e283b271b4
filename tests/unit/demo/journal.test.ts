import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { v5 as uuidv5 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-core/db/open';
import { seedDemo, seedDemoJournal, type DemoJournalSummary, type DemoOptions } from '../../../src-core/demo/index';
import { attendanceId, markId } from '../../../src-core/journal/ids';
import { options } from './fixtures';

const demo: DemoOptions = options({ pupils: 200, schools: 2 });
const UNTIL = '2026-11-20';

async function school(journal?: { seed: number; until?: string }): Promise<{ db: Knex; schools: string[]; journal: DemoJournalSummary[] }> {
  const db = await openDatabase({ kind: 'sqlite', filename: ':memory:' }, 'server');
  const summary = await seedDemo(db, demo);
  const schools = summary.schools.map((s) => s.id);
  const written = journal ? await seedDemoJournal(db, { schoolId: schools[0], ...journal }) : [];
  return { db, schools, journal: written };
}

const digest = async (db: Knex, table: string) =>
  createHash('sha256').update(JSON.stringify(await db(table).orderBy('id').select())).digest('hex');

describe('demo journal: marks and attendance of a school year', () => {
  let a: Awaited<ReturnType<typeof school>>;
  let b: Awaited<ReturnType<typeof school>>;
  let other: Awaited<ReturnType<typeof school>>;
  let cut: Awaited<ReturnType<typeof school>>;

  beforeAll(async () => {
    a = await school({ seed: 95 });
    b = await school({ seed: 95 });
    other = await school({ seed: 96 });
    cut = await school({ seed: 95, until: UNTIL });
  });
  afterAll(async () => {
    for (const s of [a, b, other, cut]) await s?.db.destroy();
  });

  it('is deterministic: the same seed gives the same rows, another seed others', async () => {
    for (const table of ['marks', 'attendance']) {
      expect(await digest(b.db, table)).toBe(await digest(a.db, table));
      expect(await digest(other.db, table)).not.toBe(await digest(a.db, table));
    }
  });

  it('gives about 300 rows a pupil a year: a mark every three lessons or so, a few percent of cells absent or late', async () => {
    const [s] = a.journal;
    const cells = Number((await a.db('lessons as l')
      .join('enrolments as e', (j) => j.on('e.class_id', 'l.class_id'))
      .where('l.school_id', a.schools[0]).whereRaw('(l.group_id is null or l.group_id = e.group_id)')
      .count({ n: '*' }).first())?.n);
    expect(s?.written).toBe(true);
    expect(s?.marks).toBe(Number((await a.db('marks').count({ n: '*' }).first())?.n));
    expect(s?.attendance).toBe(Number((await a.db('attendance').count({ n: '*' }).first())?.n));
    expect(s!.marks / cells).toBeGreaterThan(0.22);
    expect(s!.marks / cells).toBeLessThan(0.36);
    expect(s!.attendance / cells).toBeGreaterThan(0.02);
    expect(s!.attendance / cells).toBeLessThan(0.07);
    expect((s!.marks + s!.attendance) / demo.pupils).toBeGreaterThan(220);
    expect((s!.marks + s!.attendance) / demo.pupils).toBeLessThan(380);
  });

  it('derives every id from lesson × pupil (src-core/journal/ids), as uuid v5 of the same names always gave', async () => {
    const marks = await a.db('marks').select('id', 'lesson_id', 'student_id', 'kind');
    expect(marks.filter((m) => m.id !== markId(m.lesson_id, m.student_id, m.kind))).toEqual([]);
    const first = marks[0];
    expect(first.id).toBe(uuidv5(`${first.lesson_id}:${first.student_id}:fo`, '8a2d4c60-1e5f-5a7b-8d2e-3f5a7b9c1d22'));
    const rows = await a.db('attendance').select('id', 'lesson_id', 'student_id');
    expect(rows.filter((r) => r.id !== attendanceId(r.lesson_id, r.student_id))).toEqual([]);
    expect(rows[0].id).toBe(uuidv5(`${rows[0].lesson_id}:${rows[0].student_id}`, '6f1c2a40-7d3e-5b8a-9c1f-2e4d6a8b0c11'));
  });

  it('writes formative marks 1–10 and the school\'s own codes, with the sync columns of a commit each', async () => {
    const marks = await a.db('marks').select();
    expect(marks.filter((m) => m.kind !== 'fo' || m.value < 1 || m.value > 10 || !Number.isInteger(m.value))).toEqual([]);
    expect(new Set(marks.map((m) => m.value)).size).toBe(10);
    const codes = await a.db('attendance_codes').where({ school_id: a.schools[0] }).pluck('code');
    const attendance = await a.db('attendance').select();
    expect(attendance.filter((r) => r.code !== null && !codes.includes(r.code))).toEqual([]);
    // Present rows only where a teacher took an absence back.
    expect(attendance.filter((r) => r.code === null && r.row_version !== 2)).toEqual([]);
    expect(attendance.filter((r) => r.code === null).length).toBeLessThan(attendance.length / 20);
    const rows = [...marks, ...attendance];
    const teachers = new Set(await a.db('users').join('lessons', 'lessons.teacher_id', 'users.person_id').distinct().pluck('users.id'));
    expect(rows.filter((r) => r.school_id !== a.schools[0] || !teachers.has(r.updated_by) || r.created_by !== r.updated_by
      || r.deleted_at !== null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/.test(r.updated_at) || r.created_at > r.updated_at)).toEqual([]);
    const seqs = rows.map((r) => Number(r.last_seq));
    expect(new Set(seqs).size).toBe(rows.length);
    const lessonsTop = Number((await a.db('lessons').where({ school_id: a.schools[0] }).max({ m: 'last_seq' }).first())?.m);
    expect(seqs.reduce((m, v) => Math.min(m, v), Infinity)).toBe(lessonsTop + 1);
    const seq = await a.db('school_sequences').where({ school_id: a.schools[0] }).first();
    expect(Number(seq?.seq)).toBe(seqs.reduce((m, v) => Math.max(m, v), 0));
  });

  it('writes only lessons of the school, for pupils of the lesson\'s class (and half of it)', async () => {
    for (const table of ['marks', 'attendance']) {
      const strays = await a.db(`${table} as j`).join('lessons as l', 'l.id', 'j.lesson_id')
        .leftJoin('enrolments as e', (q) => q.on('e.student_id', 'j.student_id').andOn('e.class_id', 'l.class_id'))
        .where((q) => q.whereNot('l.school_id', a.schools[0]).orWhereNull('e.id').orWhereRaw('l.group_id is not null and l.group_id <> e.group_id'))
        .select('j.id');
      expect([table, strays]).toEqual([table, []]);
      expect(Number((await a.db(table).where({ school_id: a.schools[1] }).count({ n: '*' }).first())?.n)).toBe(0);
    }
  });

  it('stops at `until` without changing the days before it; a second run writes nothing', async () => {
    for (const table of ['marks', 'attendance']) {
      const late = await cut.db(`${table} as j`).join('lessons as l', 'l.id', 'j.lesson_id').where('l.date', '>', UNTIL).count({ n: '*' }).first();
      expect(Number(late?.n)).toBe(0);
      const before = (db: Knex) => db(`${table} as j`).join('lessons as l', 'l.id', 'j.lesson_id').where('l.date', '<=', UNTIL)
        .orderBy('j.id').select('j.id', 'j.row_version', 'j.updated_at', table === 'marks' ? 'j.value' : 'j.code');
      expect(await before(cut.db)).toEqual(await before(a.db));
    }
    const again = await seedDemoJournal(cut.db, { schoolId: cut.schools[0], seed: 95 });
    expect(again[0]?.written).toBe(false);
    expect(Number((await cut.db('marks').count({ n: '*' }).first())?.n)).toBe(cut.journal[0]?.marks);
  });
});
