import type { Knex } from 'knex';
import type { Me } from '../../../src-core/contract/schemas';
import type { BoardFile, LessonPlan, ResourceKind } from '../../../src-core/contract/ops/resources';
import { academicYearAt, schoolToday } from '../../../src-core/school/calendar';
import { addDays, isoWeekday, type Clock } from '../../../src-core/util/clock';
import { ServerUnreachable } from '../server-link';
import type { FileCache } from './cache';
import type { DownloadOutcome, ExpectedFile } from './download';

/** The coming school days whose lessons' files are fetched ahead: today and the next three. */
export const PREFETCH_SCHOOL_DAYS = 3;

/** A file a coming lesson shows, and the teacher whose lesson it is (their token asks for it). */
export interface WantedFile { sha256: string; userId: string; expected: ExpectedFile; date: string }

const BOARD_MIME = { png: 'image/png', pdf: 'application/pdf' } as const;
const BOARD_KIND: Record<BoardFile['format'], ResourceKind> = { png: 'image', pdf: 'pdf' };

/**
 * The school days from today (the school's date) through the next `count`: weekdays the year teaches
 * (`days_per_week`), not in a holiday of the whole school. Returns the first and the last date.
 */
export async function comingSchoolDays(db: Knex, schoolId: string, clock: Clock, count = PREFETCH_SCHOOL_DAYS): Promise<{ from: string; to: string }> {
  const from = await schoolToday(db, schoolId, clock);
  const holidays = (await db('holidays').where({ school_id: schoolId }).whereNull('deleted_at').whereNull('grades')
    .select('starts_on', 'ends_on')) as { starts_on: string; ends_on: string }[];
  let to = from;
  let found = 0;
  // A long break (the summer) has no school days to find: a month ahead is as far as the look goes.
  for (let date = addDays(from, 1), step = 0; found < count && step < 31; date = addDays(date, 1), step++) {
    const year = await academicYearAt(db, schoolId, date);
    if (!year || date < year.starts_on || date > year.ends_on) continue;
    if (isoWeekday(date) > year.days_per_week) continue;
    if (holidays.some((h) => h.starts_on <= date && date <= h.ends_on)) continue;
    to = date;
    found += 1;
  }
  return { from, to };
}

/**
 * The files of the coming lessons of every teacher who signed in on this computer: the resources of each lesson's
 * plan and the board saved to it, soonest lesson first, each file once.
 */
export async function wantedFiles(db: Knex, clock: Clock): Promise<WantedFile[]> {
  const accounts = (await db('local_accounts').select('user_id', 'school_id', 'profile')) as { user_id: string; school_id: string; profile: string }[];
  const out = new Map<string, WantedFile>();
  for (const account of accounts) {
    const me = JSON.parse(account.profile) as Me;
    if (!me.roles.includes('teacher')) continue;
    if (!(await db('schools').where({ id: account.school_id }).first('id'))) continue;
    const { from, to } = await comingSchoolDays(db, account.school_id, clock);
    const lessons = (await db('lessons').where({ school_id: account.school_id, teacher_id: me.person.id })
      .whereNull('deleted_at').whereNot({ status: 'cancelled' }).whereBetween('date', [from, to])
      .orderBy(['date', 'period']).select('date', 'plan', 'board_files')) as { date: string; plan: string | null; board_files: string | null }[];
    for (const lesson of lessons) {
      for (const file of filesOfLesson(lesson)) {
        const known = out.get(file.sha256);
        if (!known || known.date > lesson.date) out.set(file.sha256, { ...file, userId: account.user_id, date: lesson.date });
      }
    }
  }
  return [...out.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function filesOfLesson(lesson: { plan: string | null; board_files: string | null }): { sha256: string; expected: ExpectedFile }[] {
  const out: { sha256: string; expected: ExpectedFile }[] = [];
  const plan = parse<Partial<LessonPlan>>(lesson.plan);
  for (const r of Array.isArray(plan?.resources) ? plan.resources : []) {
    if (typeof r?.sha256 === 'string') out.push({ sha256: r.sha256, expected: { kind: r.kind, mime: r.mime, size: r.size } });
  }
  const board = parse<BoardFile[]>(lesson.board_files);
  for (const f of Array.isArray(board) ? board : []) {
    if (typeof f?.sha256 === 'string') out.push({ sha256: f.sha256, expected: { kind: BOARD_KIND[f.format], mime: BOARD_MIME[f.format], size: f.size } });
  }
  return out;
}

function parse<T>(json: string | null): T | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

export interface PrefetchDeps {
  db: Knex;
  cache: FileCache;
  clock: Clock;
  /** Fetches one file with its teacher's token (see download.ts). */
  download(file: WantedFile): Promise<DownloadOutcome>;
  /** Called between files: resolves when the journal's sync has gone first (a push waiting runs now). */
  yieldToSync(): Promise<void>;
  /** The run is to stop (the client is closing). */
  stopped(): boolean;
  log(line: string): void;
}

export interface PrefetchRun { wanted: number; fetched: number; held: number; failed: number; offline: boolean }

/**
 * Fetches the files of the coming lessons this computer does not hold whole yet, one at a time. A dropped link ends
 * the run (what came stays as a part for the next one); a file whose bytes are wrong (thrown away and recorded by
 * `download`) or refused is counted as failed, and the run goes on with the next.
 */
export async function prefetchFiles(deps: PrefetchDeps, onProgress?: (run: PrefetchRun) => void): Promise<PrefetchRun> {
  const wanted = await wantedFiles(deps.db, deps.clock);
  const run: PrefetchRun = { wanted: wanted.length, fetched: 0, held: 0, failed: 0, offline: false };
  for (const file of wanted) {
    if (deps.stopped()) break;
    if (await deps.cache.complete(file.sha256)) {
      run.held += 1;
      continue;
    }
    await deps.yieldToSync();
    if (deps.stopped()) break;
    try {
      const outcome = await deps.download(file);
      if (outcome === 'complete') run.fetched += 1;
      else run.failed += 1;
    } catch (err) {
      if (!(err instanceof ServerUnreachable)) throw err;
      run.offline = true;
      deps.log(`files: the server went away during ${file.sha256} (${err.message}); the rest waits for the next run`);
      break;
    }
    onProgress?.({ ...run });
  }
  if (run.fetched || run.failed) deps.log(`files: ${run.fetched} fetched, ${run.held} held, ${run.failed} failed of ${run.wanted} for the coming lessons`);
  return run;
}
