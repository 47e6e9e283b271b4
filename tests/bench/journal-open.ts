import { randomUUID } from 'node:crypto';
import type { OutputOf } from '../../src-core/contract/operations';
import { openDatabase } from '../../src-core/db/open';
import { attendanceId, markId } from '../../src-core/journal/ids';
import { openDevice, signInAndSync, type Device } from './devices';
import { figure, median, percentile, type Bench, type FigureReport } from './figures';
import { schoolDatabase, startBenchServer, type BenchDatabase } from './school';

/**
 * A teacher opens a journal on their classroom computer: `journal.sheet` answered from the desktop client's replica
 * (no network in the way), for the biggest class journal of the demo teacher over the whole year (the demo school,
 * 1,000 pupils, journal filled for the year). Target: the median answer within 100 ms.
 */
const TEACHER = 'teacher';
const RUNS = 9;
const TARGET_MS = 100;

type Sheet = OutputOf<'journal.sheet'>;
type JournalRef = OutputOf<'journal.list'>['journals'][number];

async function call<T>(device: Device, name: string, input: unknown): Promise<T> {
  const out = await device.app.call(device.session, name, input);
  if (!out.ok) throw new Error(`${name}: ${out.error.code} ${out.error.message}`);
  return out.result as T;
}

/** The work of answering a page: its filled cells and its grid. */
const weight = (s: Sheet) => s.cells.length + s.pupils.length * s.lessons.length;

/** The teacher's journal with the most cells in its widest period: the heaviest page they open. */
async function biggestJournal(device: Device): Promise<{ input: Record<string, unknown>; sheet: Sheet }> {
  const { journals } = await call<{ journals: JournalRef[] }>(device, 'journal.list', {});
  let best: { input: Record<string, unknown>; sheet: Sheet } | null = null;
  for (const j of journals.filter((x) => x.mine)) {
    const base = { classId: j.class.id, subjectId: j.subject.id, groupId: j.group?.id ?? null };
    const first = await call<Sheet>(device, 'journal.sheet', base);
    for (const p of first.periods) {
      const sheet = await call<Sheet>(device, 'journal.sheet', { ...base, period: p.number });
      if (!best || weight(sheet) > weight(best.sheet)) best = { input: { ...base, period: p.number }, sheet };
    }
  }
  if (!best) throw new Error(`${TEACHER} has no journal of their own`);
  return best;
}

/**
 * A journal of the size the target names: a class of 40 pupils to whom the demo teacher gives 80 lessons of one
 * subject in the 2nd quarter (two a day), with a mark for one pupil in three at each lesson, some absences and a СОР.
 */
async function addBigJournal(bench: BenchDatabase): Promise<Record<string, unknown>> {
  const db = await openDatabase(bench.location, 'server');
  try {
    const teacher = await db('users').where({ login: TEACHER }).first('person_id', 'school_id');
    const school = teacher.school_id as string;
    const model = await db('classes').where({ school_id: school }).first();
    const subject = await db('subjects').where({ school_id: school }).orderBy('code').first('id');
    const at = '2026-09-01T00:00:00.000Z';
    const sync = () => ({ id: randomUUID(), school_id: school, row_version: 1, last_seq: 0, created_at: at, updated_at: at });
    const klass = { ...sync(), academic_year_id: model.academic_year_id, grade: 9, letter: 'Я', language: 'kk', shift_id: model.shift_id };
    await db('classes').insert(klass);
    await db('teaching_assignments').insert({ ...sync(), academic_year_id: model.academic_year_id, teacher_id: teacher.person_id, class_id: klass.id, subject_id: subject.id, weekly_hours: 10 });
    const pupils = Array.from({ length: 40 }, (_, i) => ({ ...sync(), last_name: `Оқушы${String(i + 1).padStart(2, '0')}`, first_name: 'Бала', middle_name: null }));
    await db.batchInsert('people', pupils, 100);
    await db.batchInsert('enrolments', pupils.map((p) => ({ ...sync(), class_id: klass.id, student_id: p.id, enrolled_on: '2026-09-01' })), 100);
    const days: string[] = [];
    for (let d = new Date('2026-11-02T00:00:00Z'); days.length < 40; d = new Date(d.getTime() + 86_400_000)) if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) days.push(d.toISOString().slice(0, 10));
    const lessons = days.flatMap((date, i) => [1, 2].map((period) => ({
      ...sync(), date, period, starts_at: period === 1 ? '08:00' : '08:50', ends_at: period === 1 ? '08:45' : '09:35', class_id: klass.id, subject_id: subject.id,
      teacher_id: teacher.person_id, status: 'held', topic: `Тақырып ${i * 2 + period}`, ...(i === 20 && period === 1 ? { summative_kind: 'sor', summative_max: 20 } : {}),
    })));
    await db.batchInsert('lessons', lessons, 100);
    const marks = lessons.flatMap((l, li) => pupils.filter((_, pi) => (pi + li) % 3 === 0).map((p, k) => ({
      ...sync(), id: markId(l.id, p.id, 'fo'), lesson_id: l.id, student_id: p.id, kind: 'fo', value: 4 + ((li + k) % 7),
    })));
    await db.batchInsert('marks', marks, 100);
    const absences = lessons.flatMap((l, li) => pupils.filter((_, pi) => (pi * 7 + li) % 23 === 0).map((p) => ({ ...sync(), id: attendanceId(l.id, p.id), lesson_id: l.id, student_id: p.id, code: 'ж' })));
    await db.batchInsert('attendance', absences, 100);
    return { classId: klass.id, subjectId: subject.id, groupId: null, period: 2 };
  } finally {
    await db.destroy();
  }
}

export const journalBenches: Bench[] = [{
  name: 'journal-open',
  target: `journal.sheet of a class (~40 pupils × ~80 lessons) from a desktop client's replica: median ≤ ${TARGET_MS} ms`,
  targetMs: TARGET_MS,
  async run(): Promise<FigureReport> {
    const db = await schoolDatabase('sqlite', 'year');
    const big = await addBigJournal(db);
    const server = await startBenchServer(db);
    const device = await openDevice(server.url);
    try {
      await signInAndSync(device, TEACHER);
      const { input, sheet } = await biggestJournal(device).then(async (demo) => {
        const grown = await call<Sheet>(device, 'journal.sheet', big);
        return weight(grown) > weight(demo.sheet) ? { input: big, sheet: grown } : demo;
      });
      await call<Sheet>(device, 'journal.sheet', input); // warm: the first read fills SQLite's page cache
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await call<Sheet>(device, 'journal.sheet', input);
        ms.push(performance.now() - started);
      }
      const notes = [`${sheet.class.name} · ${sheet.subject.name.en}, ${sheet.period.kind} ${sheet.period.number}: ${sheet.pupils.length} pupils × ${sheet.lessons.length} lessons, ${sheet.cells.length} filled cells`];
      if (sheet.pupils.length * sheet.lessons.length < 40 * 80) {
        notes.push(`the demo school's biggest journal of ${TEACHER} is smaller than 40 × 80: the figure is for the size above`);
      }
      return {
        figures: [
          figure('pupils', sheet.pupils.length, 'pupils'),
          figure('lessons (columns)', sheet.lessons.length, 'lessons'),
          figure('filled cells', sheet.cells.length, 'cells'),
          figure(`journal.sheet from the replica, median of ${RUNS}`, median(ms), 'ms', { atMost: TARGET_MS }),
          figure(`journal.sheet from the replica, slowest of ${RUNS}`, percentile(ms, 100), 'ms'),
        ],
        notes,
      };
    } finally {
      await device.close();
      await server.stop();
      await db.drop();
    }
  },
}];
