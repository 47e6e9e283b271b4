import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-core/db/open';
import { DEMO_TABLES, finalSeq, generateSchool, seedDemo, type DemoSummary } from '../../../src-core/demo/index';
import { freshPostgres, type TestDatabase } from '../../helpers/databases';
import { options } from './fixtures';

describe('demo generator: writing to SQLite', () => {
  let db: Knex;
  let summary: DemoSummary;
  const opts = options({ pupils: 300, schools: 2 });

  beforeAll(async () => {
    db = await openDatabase({ kind: 'sqlite', filename: ':memory:' }, 'server');
    summary = await seedDemo(db, opts);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('writes every row of every school, and each school sequence', async () => {
    expect(summary.schools.map((s) => s.pupils)).toEqual([300, 300]);
    expect(summary.password).toBe('sabaq2026');
    expect(summary.accounts.length).toBe(18);
    for (let i = 0; i < 2; i++) {
      const ds = generateSchool(opts, i);
      const schoolId = ds.schools?.[0]?.id as string;
      for (const t of DEMO_TABLES) {
        const row = await db(t).where({ school_id: schoolId }).count({ n: '*' }).first();
        expect([t, Number(row?.n)]).toEqual([t, ds[t]?.length]);
      }
      const seq = await db('school_sequences').where({ school_id: schoolId }).first();
      expect(Number(seq?.seq)).toBe(finalSeq(ds));
      const max = await db('lessons').where({ school_id: schoolId }).max({ m: 'last_seq' }).first();
      expect(Number(max?.m)).toBe(finalSeq(ds));
      expect(summary.schools[i]?.id).toBe(schoolId);
    }
  });

  it('keeps foreign keys and booleans intact', async () => {
    expect(await db.raw('PRAGMA foreign_key_check')).toEqual([]);
    const ict = await db('rooms').where({ kind: 'ict', multimedia_podium: 1 }).first();
    expect(ict?.interactive_board).toBe(1);
  });

  it('gives the demo teacher lessons on a Monday in November', async () => {
    const rows = await db('lessons')
      .join('users', 'users.person_id', 'lessons.teacher_id')
      .where('users.login', 'teacher')
      .where('lessons.date', '2026-11-02')
      .orderBy('lessons.starts_at')
      .select('lessons.starts_at', 'lessons.ends_at', 'lessons.class_id', 'lessons.subject_id');
    expect(rows.length).toBeGreaterThan(0);
    const roles = await db('user_roles').join('users', 'users.id', 'user_roles.user_id').where('users.login', 'teacher').pluck('role');
    expect(roles.sort()).toEqual(['parent', 'teacher']);
  });

  it('seeding again with the same options changes nothing', async () => {
    const before = await db('lessons').count({ n: '*' }).first();
    await seedDemo(db, opts);
    const after = await db('lessons').count({ n: '*' }).first();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });
});

describe('demo generator: writing to PostgreSQL', () => {
  let tdb: TestDatabase;
  let db: Knex;
  const opts = options({ pupils: 300, schools: 2, seed: 7 });

  beforeAll(async () => {
    tdb = await freshPostgres();
    db = await openDatabase(tdb.location, 'server');
  });
  afterAll(async () => {
    await db?.destroy();
    await tdb?.drop();
  });

  it('writes both schools in batches, foreign keys enforced by the server', async () => {
    const summary = await seedDemo(db, opts);
    const ds = generateSchool(opts, 1);
    const schoolId = ds.schools?.[0]?.id as string;
    expect(summary.schools[1]?.id).toBe(schoolId);
    for (const t of DEMO_TABLES) {
      const row = await db(t).where({ school_id: schoolId }).count({ n: '*' }).first();
      expect([t, Number(row?.n)]).toEqual([t, ds[t]?.length]);
    }
    const seq = await db('school_sequences').where({ school_id: schoolId }).first();
    expect(Number(seq?.seq)).toBe(finalSeq(ds));
    const lessons = await db('lessons').join('users', 'users.person_id', 'lessons.teacher_id').where('users.login', 's2.teacher').where('lessons.date', '2026-11-02').count({ n: '*' }).first();
    expect(Number(lessons?.n)).toBeGreaterThan(0);
    const ict = await db('rooms').where({ school_id: schoolId, kind: 'ict', multimedia_podium: true }).first();
    expect(ict?.interactive_board).toBe(true);
  });
});
