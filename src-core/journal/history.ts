import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { toPersonName } from '../school/people';
import { checkJournalAccess } from './access';
import { attendanceId, markId, remarkId } from './ids';

type Entry = OutputOf<'journal.cellHistory'>['entries'][number];

/**
 * journal.cellHistory: the full history of a cell from the server's change log, oldest first. Each logged version
 * of the cell's rows (the ФО, the summative score, the attendance, the remark) becomes an entry with the value
 * before and after, who wrote it, from which computer, and the reason given. The log is the server's: a desktop
 * client answers it only while it reaches the server.
 */
export async function cellHistory(ctx: HandlerContext, input: InputOf<'journal.cellHistory'>): Promise<OutputOf<'journal.cellHistory'>> {
  const actor = ctx.actor!;
  const lesson = await ctx.db('lessons').where({ id: input.lessonId, school_id: actor.schoolId }).whereNull('deleted_at').first();
  if (!lesson) throw new OperationError('not_found');
  await checkJournalAccess(ctx, lesson.class_id, lesson.subject_id);
  if (ctx.host !== 'server') throw new OperationError('unavailable', 'error.needs_server');
  const rows: { what: Entry['what']; table: string; id: string }[] = [
    { what: 'fo', table: 'marks', id: markId(lesson.id, input.studentId, 'fo') },
    { what: 'sor', table: 'marks', id: markId(lesson.id, input.studentId, 'sor') },
    { what: 'soch', table: 'marks', id: markId(lesson.id, input.studentId, 'soch') },
    { what: 'attendance', table: 'attendance', id: attendanceId(lesson.id, input.studentId) },
    { what: 'remark', table: 'remarks', id: remarkId(lesson.id, input.studentId) },
  ];
  const log = await ctx.db('change_log').where({ school_id: actor.schoolId }).whereIn('row_id', rows.map((r) => r.id)).orderBy('seq');
  const users = new Map<string, ReturnType<typeof toPersonName>>();
  for (const u of await ctx.db('users as u').join('people as p', 'p.id', 'u.person_id').where('u.school_id', actor.schoolId)
    .whereIn('u.id', [...new Set(log.map((c) => String(JSON.parse(c.row).updated_by)))]).select('u.id as user_id', 'p.id', 'p.last_name', 'p.first_name', 'p.middle_name')) {
    users.set(u.user_id, toPersonName(u));
  }
  const devices = new Map<string, string | null>();
  for (const d of await ctx.db('devices').whereIn('id', [...new Set(log.map((c) => String(JSON.parse(c.row).updated_device)))]).select('id', 'name')) devices.set(d.id, d.name ?? null);
  const last = new Map<string, string | null>();
  const entries: Entry[] = [];
  for (const c of log) {
    const spec = rows.find((r) => r.id === c.row_id && r.table === c.table_name);
    if (!spec) continue;
    const row = JSON.parse(c.row) as Record<string, unknown>;
    const value = valueOf(spec.what, row);
    entries.push({
      at: String(row.updated_at), by: users.get(String(row.updated_by)) ?? null,
      device: devices.get(String(row.updated_device)) ?? (row.updated_device ? String(row.updated_device) : null),
      what: spec.what, old: last.get(spec.id) ?? null, new: value, reason: (row.reason as string | null) ?? null,
    });
    last.set(spec.id, value);
  }
  return { entries };
}

function valueOf(what: Entry['what'], row: Record<string, unknown>): string | null {
  const v = what === 'attendance' ? row.code : what === 'remark' ? row.text : row.value;
  return v === null || v === undefined ? null : String(v);
}
