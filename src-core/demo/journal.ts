import type { Knex } from 'knex';
import { attendanceId, markId } from '../journal/ids';
import type { Row } from './dataset';
import { drawCell, journalCodes, lessonDraw, pupilHabits, type PupilHabits } from './journal-pupils';
import { insertRows } from './write';

/**
 * The demo school's journal: formative marks (kind 'fo', 1–10, about one a pupil every three lessons, none in
 * grade 1 nor in pass/fail subjects) and attendance (a few percent of cells: illnesses of some days, a rare
 * unexcused absence, lateness to the first lesson, and a rare absence the teacher took back: a present row)
 * for the demo's dated lessons up to `until` (default: the whole year). Seeded and deterministic: ids from
 * src-core/journal/ids, timestamps at the lesson's end, written by the lesson's teacher, each row its own
 * commit of the school's sequence. A school that already has journal rows is left as it is.
 */
export interface DemoJournalOptions {
  /** One school; default: every school of the database. */
  schoolId?: string;
  seed: number;
  /** 'YYYY-MM-DD': the last day written (lessons of later days get nothing). */
  until?: string;
}

export interface DemoJournalSummary { schoolId: string; lessons: number; marks: number; attendance: number; written: boolean }

/** Rows per insert: knex's multi-row insert on SQLite is capped, and memory stays flat. */
const CHUNK = 400;

interface LessonRow { id: string; date: string; starts_at: string; ends_at: string; class_id: string; group_id: string | null; subject_id: string; teacher_id: string }

export async function seedDemoJournal(db: Knex, opts: DemoJournalOptions): Promise<DemoJournalSummary[]> {
  if (!Number.isInteger(opts.seed)) throw new Error(`seed must be an integer: ${opts.seed}`);
  if (opts.until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.until)) throw new Error(`until must be YYYY-MM-DD: ${opts.until}`);
  const schools: string[] = opts.schoolId ? [opts.schoolId] : await db('schools').whereNull('deleted_at').orderBy('id').pluck('id');
  const out: DemoJournalSummary[] = [];
  for (const schoolId of schools) out.push(await db.transaction((trx) => seedSchool(trx, schoolId, opts)));
  return out;
}

async function seedSchool(trx: Knex.Transaction, schoolId: string, opts: DemoJournalOptions): Promise<DemoJournalSummary> {
  const summary: DemoJournalSummary = { schoolId, lessons: 0, marks: 0, attendance: 0, written: false };
  const school = await trx('schools').where({ id: schoolId }).first('timezone');
  if (!school) throw new Error(`no school ${schoolId}`);
  const already = await trx('marks').where({ school_id: schoolId }).first('id') ?? await trx('attendance').where({ school_id: schoolId }).first('id');
  if (already) return summary;

  const lessons: LessonRow[] = await trx('lessons').where({ school_id: schoolId }).whereNull('deleted_at')
    .orderBy([{ column: 'date' }, { column: 'starts_at' }, { column: 'class_id' }, { column: 'id' }])
    .select('id', 'date', 'starts_at', 'ends_at', 'class_id', 'group_id', 'subject_id', 'teacher_id');
  const grade = new Map<string, number>((await trx('classes').where({ school_id: schoolId }).select('id', 'grade')).map((c) => [c.id, Number(c.grade)]));
  const subjects = new Map<string, { code: string; assessment: string }>((await trx('subjects').where({ school_id: schoolId }).select('id', 'code', 'assessment')).map((s) => [s.id, s]));
  const userOf = new Map<string, string>((await trx('users').where({ school_id: schoolId }).whereNull('deleted_at').orderBy('id').select('id', 'person_id')).map((u) => [u.person_id, u.id]));
  const codes = journalCodes(await trx('attendance_codes').where({ school_id: schoolId }).whereNull('deleted_at').select('code', 'absent', 'excused'));
  const rules = await assessmentRules(trx, schoolId);
  const pupils = await pupilsByClass(trx, schoolId);
  const offset = utcOffsetMinutes(String(school.timezone), lessons[0]?.date ?? '2000-01-01');

  // Illnesses are drawn over the class's school days of the whole year: `until` cuts the year, never reshuffles it.
  const days = new Map<string, string[]>();
  for (const l of lessons) {
    const list = days.get(l.class_id) ?? [];
    if (list.at(-1) !== l.date) list.push(l.date);
    days.set(l.class_id, list);
  }
  const habits = new Map<string, PupilHabits>();
  for (const [classId, list] of pupils) {
    for (const p of list) habits.set(p.student_id, pupilHabits(opts.seed, p.student_id, days.get(classId) ?? [], codes));
  }

  let seq = await currentSeq(trx, schoolId);
  const marks: Row[] = [];
  const attendance: Row[] = [];
  const flush = async (min: number) => {
    if (marks.length >= min) await insertRows(trx, 'marks', marks.splice(0));
    if (attendance.length >= min) await insertRows(trx, 'attendance', attendance.splice(0));
  };
  const seenOn = new Map<string, string>();
  for (const l of lessons) {
    if (opts.until && l.date > opts.until) break;
    summary.lessons++;
    const g = grade.get(l.class_id) ?? 0;
    const subject = subjects.get(l.subject_id);
    const marked = !rules.gradesWithoutMarks.includes(g) && subject?.assessment === 'marks'
      && !(rules.passFail.grades.includes(g) && rules.passFail.subjects.includes(subject.code));
    const draw = lessonDraw(opts.seed, l.id, marked);
    const teacher = userOf.get(l.teacher_id) ?? null;
    const startsAt = utcIso(l.date, l.starts_at, offset);
    const endsAt = utcIso(l.date, l.ends_at, offset);
    for (const p of pupils.get(l.class_id) ?? []) {
      if (l.group_id && p.group_id !== l.group_id) continue;
      if (p.enrolled_on > l.date || (p.left_on && p.left_on <= l.date)) continue;
      const firstOfDay = seenOn.get(p.student_id) !== l.date;
      seenOn.set(p.student_id, l.date);
      const cell = drawCell(draw, habits.get(p.student_id) as PupilHabits, l.date, firstOfDay, codes);
      const by = { school_id: schoolId, created_by: teacher, created_device: null, updated_by: teacher, updated_device: null, deleted_at: null, deleted_by: null };
      if (cell.attendance) {
        attendance.push({
          id: attendanceId(l.id, p.student_id), ...by, row_version: cell.attendance.corrected ? 2 : 1, last_seq: ++seq,
          created_at: startsAt, updated_at: cell.attendance.corrected ? endsAt : startsAt,
          lesson_id: l.id, student_id: p.student_id, code: cell.attendance.code,
        });
      }
      if (cell.mark !== null) {
        marks.push({
          id: markId(l.id, p.student_id, 'fo'), ...by, row_version: 1, last_seq: ++seq, created_at: endsAt, updated_at: endsAt,
          lesson_id: l.id, student_id: p.student_id, kind: 'fo', value: cell.mark,
        });
      }
      summary.marks += cell.mark !== null ? 1 : 0;
      summary.attendance += cell.attendance ? 1 : 0;
    }
    await flush(CHUNK);
  }
  await flush(1);
  if (await trx.schema.hasTable('school_sequences')) {
    await trx('school_sequences').insert({ school_id: schoolId, seq }).onConflict('school_id').merge();
  }
  summary.written = true;
  return summary;
}

interface Pupil { student_id: string; group_id: string | null; enrolled_on: string; left_on: string | null }

async function pupilsByClass(trx: Knex.Transaction, schoolId: string): Promise<Map<string, Pupil[]>> {
  const rows: (Pupil & { class_id: string })[] = await trx('enrolments').where({ school_id: schoolId }).whereNull('deleted_at')
    .orderBy([{ column: 'class_id' }, { column: 'student_id' }]).select('class_id', 'student_id', 'group_id', 'enrolled_on', 'left_on');
  const out = new Map<string, Pupil[]>();
  for (const { class_id: classId, ...p } of rows) {
    const list = out.get(classId) ?? [];
    list.push(p);
    out.set(classId, list);
  }
  return out;
}

interface AssessmentRules { gradesWithoutMarks: number[]; passFail: { grades: number[]; subjects: string[] } }

/** The year's assessment settings (grade 1 unmarked; music, PE, art and labour pass/fail in primary). */
async function assessmentRules(trx: Knex.Transaction, schoolId: string): Promise<AssessmentRules> {
  const year = await trx('academic_years').where({ school_id: schoolId }).whereNull('deleted_at').orderBy('starts_on', 'desc').first('settings');
  const fallback: AssessmentRules = { gradesWithoutMarks: [1], passFail: { grades: [1, 2, 3, 4], subjects: ['music', 'pe', 'art', 'labour'] } };
  try {
    const settings = typeof year?.settings === 'string' ? JSON.parse(year.settings) : year?.settings;
    const a = settings?.assessment as Partial<AssessmentRules> | undefined;
    return { gradesWithoutMarks: a?.gradesWithoutMarks ?? fallback.gradesWithoutMarks, passFail: a?.passFail ?? fallback.passFail };
  } catch {
    return fallback;
  }
}

async function currentSeq(trx: Knex.Transaction, schoolId: string): Promise<number> {
  if (await trx.schema.hasTable('school_sequences')) {
    return Number((await trx('school_sequences').where({ school_id: schoolId }).first('seq'))?.seq ?? 0);
  }
  return Number((await trx('lessons').where({ school_id: schoolId }).max({ m: 'last_seq' }).first())?.m ?? 0);
}

/** Minutes east of UTC of a time zone on a date (Kazakhstan keeps no summer time: one value serves the year). */
export function utcOffsetMinutes(timeZone: string, date: string): number {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(`${date}T12:00:00Z`))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  } catch {
    return 0;
  }
}

/** A school's local date and HH:MM as an ISO-8601 UTC instant. */
function utcIso(date: string, hhmm: string, offsetMinutes: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - offsetMinutes * 60_000).toISOString();
}
