import knexFactory from 'knex';
import { describe, expect, it } from 'vitest';
import { knexConfig } from '../../src-core/db/open';
import { ENGINES } from '../helpers/databases';

const TENANT_TABLES = ['schools', 'academic_years', 'terms', 'holidays', 'shifts', 'bell_schedules', 'bell_periods', 'subjects', 'rooms',
  'people', 'staff', 'users', 'user_roles', 'classes', 'class_groups', 'enrolments', 'guardians', 'curriculum',
  'teaching_assignments', 'timetable_entries', 'lessons', 'attendance_codes', 'attendance', 'marks', 'remarks', 'plans', 'plan_topics'];
const SYNC_COLUMNS = ['id', 'school_id', 'row_version', 'last_seq', 'created_at', 'created_by', 'created_device', 'updated_at', 'updated_by', 'updated_device', 'deleted_at', 'deleted_by'];

describe.each(ENGINES)('migrations on $name', (engine) => {
  it('go up, down and up again; every tenant table carries school_id and the sync columns', async () => {
    const tdb = await engine.fresh();
    const db = knexFactory(knexConfig(tdb.location, 'server'));
    try {
      await db.migrate.latest();
      for (const table of TENANT_TABLES) {
        const info = await db(table).columnInfo();
        for (const column of SYNC_COLUMNS) expect(info, `${table}.${column}`).toHaveProperty(column);
      }
      expect(await db.schema.hasTable('refresh_tokens')).toBe(true);
      expect(await db.schema.hasTable('local_accounts')).toBe(false);
      await db.migrate.rollback(undefined, true);
      expect(await db.schema.hasTable('lessons')).toBe(false);
      await db.migrate.latest();
      expect(await db.schema.hasTable('lessons')).toBe(true);
    } finally {
      await db.destroy();
      await tdb.drop();
    }
  });
});

describe('migrations on a replica', () => {
  it('create the client-only tables and none of the server-only ones', async () => {
    const tdb = ENGINES[0].fresh();
    const db = knexFactory(knexConfig((await tdb).location, 'replica'));
    try {
      await db.migrate.latest();
      expect(await db.schema.hasTable('local_accounts')).toBe(true);
      expect(await db.schema.hasTable('refresh_tokens')).toBe(false);
      expect(await db.schema.hasTable('audit_log')).toBe(false);
    } finally {
      await db.destroy();
      await (await tdb).drop();
    }
  });
});
