import { rngFromString, type Rng } from './rng';

/**
 * How the demo journal's pupils behave over a year (pure, seeded): each pupil has a usual level of marks and a
 * few illnesses of some school days; each lesson is an ordinary one (a mark for about one pupil in four) or an
 * assessed one (nearly everybody gets a mark). Every decision is drawn from a stream keyed by the pupil or the
 * lesson, so a lesson's journal does not depend on which other lessons are written (`until`).
 */

/** The codes the generator uses, found by meaning in the school's own dictionary (null: the school has none). */
export interface JournalCodes { ill: string | null; excused: string | null; unexcused: string | null; late: string | null }

export function journalCodes(rows: readonly { code: string; absent: unknown; excused: unknown }[]): JournalCodes {
  const sorted = [...rows].sort((a, b) => a.code.localeCompare(b.code));
  const truthy = (v: unknown) => v === true || v === 1 || v === '1';
  const absentExcused = sorted.filter((c) => truthy(c.absent) && truthy(c.excused)).map((c) => c.code);
  const prefer = (list: string[], code: string) => (list.includes(code) ? code : list[0] ?? null);
  return {
    ill: prefer(absentExcused, 'а'),
    excused: prefer(absentExcused, 'д'),
    unexcused: prefer(sorted.filter((c) => truthy(c.absent) && !truthy(c.excused)).map((c) => c.code), 'ж'),
    late: prefer(sorted.filter((c) => !truthy(c.absent)).map((c) => c.code), 'к'),
  };
}

export interface PupilHabits {
  /** The mark this pupil usually gets (4–9.5). */
  level: number;
  /** School days the pupil misses entirely, with the code of each. */
  daysAway: Map<string, string>;
}

/** A pupil's level and illnesses, from the school days of their class (sorted). */
export function pupilHabits(seed: number, studentId: string, schoolDays: readonly string[], codes: JournalCodes): PupilHabits {
  const rng = rngFromString(`sabaq-journal/${seed}/pupil/${studentId}`);
  const [from, to] = rng.weighted([[[8.5, 9.5], 2], [[7, 8.5], 4], [[5.5, 7], 3], [[4, 5.5], 1]] as const);
  const level = from + rng.next() * (to - from);
  const daysAway = new Map<string, string>();
  const illnesses = rng.weighted([[0, 30], [1, 35], [2, 25], [3, 10]] as const);
  for (let i = 0; i < illnesses && schoolDays.length; i++) {
    const start = rng.int(0, schoolDays.length - 1);
    const length = rng.int(2, 6);
    const code = rng.chance(0.85) ? codes.ill : codes.excused;
    for (let d = start; d < Math.min(schoolDays.length, start + length); d++) if (code) daysAway.set(schoolDays[d] as string, code);
  }
  // A family day now and then (a wedding, a trip to the aul): one excused day.
  for (const day of schoolDays) if (codes.excused && rng.chance(0.004) && !daysAway.has(day)) daysAway.set(day, codes.excused);
  return { level, daysAway };
}

/** What the teacher wrote for one pupil in one lesson. */
export interface Cell {
  /** The attendance code, or null for a present pupil; `corrected`: an absence the teacher took back (code null). */
  attendance: { code: string | null; corrected: boolean } | null;
  mark: number | null;
}

export interface LessonDraw {
  rng: Rng;
  /** The chance of a mark for each pupil present in this lesson. */
  markChance: number;
}

/** The stream of one lesson and whether it is an assessed one. */
export function lessonDraw(seed: number, lessonId: string, marked: boolean): LessonDraw {
  const rng = rngFromString(`sabaq-journal/${seed}/lesson/${lessonId}`);
  const assessed = rng.chance(0.08);
  return { rng, markChance: marked ? (assessed ? 0.9 : 0.28) : 0 };
}

/** One pupil's cell of a lesson (draws from the lesson's stream, pupils in a fixed order). */
export function drawCell(l: LessonDraw, habits: PupilHabits, date: string, firstOfDay: boolean, codes: JournalCodes): Cell {
  const r = l.rng;
  const roll = r.next();
  const markRoll = r.next();
  const noise = (r.next() + r.next() + r.next() - 1.5) * 2.2;
  const away = habits.daysAway.get(date);
  let attendance: Cell['attendance'] = null;
  if (away) attendance = { code: away, corrected: false };
  else if (codes.unexcused && roll < 0.004) attendance = { code: codes.unexcused, corrected: false };
  else if (codes.late && firstOfDay && roll < 0.034) attendance = { code: codes.late, corrected: false };
  else if (codes.unexcused && roll > 0.998) attendance = { code: null, corrected: true };
  const absent = away !== undefined || attendance?.code === codes.unexcused;
  const mark = !absent && markRoll < l.markChance ? Math.min(10, Math.max(1, Math.round(habits.level + noise))) : null;
  return { attendance, mark };
}
