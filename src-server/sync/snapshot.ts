import type { Knex } from 'knex';
import { bucketChecksums, isJournalBucket, type JournalRowRef } from '../../src-core/sync/checksums';
import { encodeRows, type CompactTable } from '../../src-core/sync/compact';
import type { SnapshotCursor } from '../../src-core/sync/protocol';
import { JOURNAL_TABLES } from '../../src-core/sync/scope';

/** Rows of one snapshot reply: about a megabyte of JSON before compression, a few hundred kilobytes after. */
export const SNAPSHOT_CHUNK = 20_000;
const TABLES = JOURNAL_TABLES;

/** The journal rows of buckets a device newly holds, in (lesson, id) order from `after`, one chunk at a time. */
export async function snapshotChunk(db: Knex, schoolId: string, buckets: string[], after: SnapshotCursor | null, size = SNAPSHOT_CHUNK): Promise<{ tables: CompactTable[]; next: SnapshotCursor | null }> {
  const tables: CompactTable[] = [];
  let room = size;
  let next: SnapshotCursor | null = null;
  for (const table of TABLES.slice(after ? TABLES.indexOf(after.table as (typeof TABLES)[number]) : 0)) {
    const from = after?.table === table ? after : null;
    const rows = await inBuckets(db, table, schoolId, buckets).select('j.*')
      .modify((q) => { if (from) q.where((w) => w.where('j.lesson_id', '>', from.lesson).orWhere((x) => x.where('j.lesson_id', from.lesson).where('j.id', '>', from.id))); })
      .orderBy([{ column: 'j.lesson_id' }, { column: 'j.id' }]).limit(room + 1);
    const page = rows.slice(0, room);
    if (page.length) tables.push(encodeRows(table, page));
    room -= page.length;
    if (rows.length > page.length) {
      const last = page.at(-1)!;
      next = { table, lesson: String(last.lesson_id), id: String(last.id) };
      break;
    }
  }
  return { tables, next };
}

/** The checksum of each journal bucket as the server holds it now (src-core/sync/checksums.ts). */
export async function serverChecksums(db: Knex, schoolId: string, buckets: string[]): Promise<Record<string, number>> {
  const journal = buckets.filter(isJournalBucket);
  const rows: JournalRowRef[] = [];
  for (const table of TABLES) {
    for (const r of await inBuckets(db, table, schoolId, journal).select('j.id', 'j.row_version', 'j.student_id', 'l.class_id')) rows.push({ table, ...r });
  }
  return bucketChecksums(rows, journal);
}

function inBuckets(db: Knex, table: string, schoolId: string, buckets: string[]) {
  const classes = buckets.filter((b) => b.endsWith(':journal')).map((b) => b.slice('class:'.length, -':journal'.length));
  const students = buckets.filter((b) => b.startsWith('student:')).map((b) => b.slice('student:'.length));
  return db(`${table} as j`).join('lessons as l', 'l.id', 'j.lesson_id').where('j.school_id', schoolId).where((w) => {
    w.whereIn('l.class_id', classes);
    if (students.length) w.orWhereIn('j.student_id', students);
  });
}
