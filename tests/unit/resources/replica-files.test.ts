import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src-core/auth/actor';
import type { Role } from '../../../src-core/auth/roles';
import { callOperation } from '../../../src-core/contract/call';
import { openDatabase } from '../../../src-core/db/open';
import { readableFile } from '../../../src-core/resources/file-access';
import { replicaRecorder } from '../../../src-core/sync/changes';
import { clockFrom } from '../../../src-core/util/clock';
import { freshSqlite, type TestDatabase } from '../../helpers/databases';
import { buildTwoSchools } from '../../helpers/factories';

const DATE = '2026-11-23';
const clock = clockFrom('2026-11-23T09:00:00+05:00', false);
const sha = (c: string) => c.repeat(64);

/**
 * A desktop client's replica holds no `files` table: the plan and the board are written offline, and who may read a
 * file is decided from its cache and from the lessons it received from the server (which come without file links).
 */
describe('files on a desktop client\'s replica', () => {
  let tdb: TestDatabase;
  let db: Knex;
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;
  const actor = (who: { id: string; person_id: string; school_id: string }, roles: Role[]): Actor =>
    ({ userId: who.id, personId: who.person_id, schoolId: who.school_id, roles, deviceId: null });
  const reads = (a: Actor, sha256: string) => readableFile({ db, clock, host: 'replica', actor: a, changes: replicaRecorder }, sha256);

  beforeAll(async () => {
    tdb = freshSqlite();
    db = await openDatabase(tdb.location, 'replica');
    schools = await buildTwoSchools(db, 'no password here', DATE);
    for (const [c, state] of [['a', 'complete'], ['b', 'complete'], ['c', 'partial']] as const) {
      await db('file_cache').insert({ sha256: sha(c), size_bytes: 10, mime: 'image/png', kind: 'image', state, created_at: '2026-11-23T04:00:00.000Z' });
    }
  });
  afterAll(async () => {
    await db?.destroy();
    await tdb?.drop();
  });

  it('saves a board offline (no files table needed) and lets the class read it', async () => {
    const [n, s] = schools;
    const teacher = actor(n!.users.teacher, ['teacher']);
    const files = [{ sha256: sha('a'), format: 'png', size: 10, pages: 1, savedAt: '2026-11-23T05:00:00.000Z' }];
    const saved = await callOperation({ db, clock, host: 'replica' }, teacher, 'lesson.saveBoard', { lessonId: n!.lesson.id, files });
    expect(saved).toMatchObject({ ok: true, result: { boardFiles: files } });
    expect(await db('file_links').where({ lesson_id: n!.lesson.id })).toHaveLength(1);
    expect(await reads(actor(n!.users.student, ['student']), sha('a'))).toMatchObject({ sha256: sha('a'), kind: 'image', mime: 'image/png' });
    expect(await reads(actor(n!.users.parent, ['parent']), sha('a'))).not.toBeNull();
    expect(await reads(actor(s!.users.student, ['student']), sha('a'))).toBeNull();
  });

  it("finds a lesson's files in the lessons received from the server, and serves only what the cache holds whole", async () => {
    const [n, s] = schools;
    const board = [{ sha256: sha('b'), format: 'pdf', size: 10, pages: 2, savedAt: '2026-11-23T05:00:00.000Z' }];
    await db('lessons').where({ id: n!.lesson.id }).update({ board_files: JSON.stringify(board), plan: JSON.stringify({ resources: [{ sha256: sha('c') }] }) });
    await db('file_links').delete();
    expect(await reads(actor(n!.users.student, ['student']), sha('b'))).not.toBeNull();
    expect(await reads(actor(n!.users.teacher, ['teacher']), sha('b'))).not.toBeNull();
    expect(await reads(actor(s!.users.teacher, ['teacher']), sha('b'))).toBeNull();
    expect(await reads(actor(n!.users.student, ['student']), sha('c'))).toBeNull(); // still being fetched
    expect(await reads(actor(n!.users.student, ['student']), sha('d'))).toBeNull(); // not here at all
  });
});
