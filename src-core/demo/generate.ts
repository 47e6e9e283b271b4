import { buildAccounts } from './accounts';
import { academicCalendar } from './calendar';
import { DatasetBuilder, schoolNamespace, type SchoolDataset } from './dataset';
import { emitPeople, emitStructure, emitTimetable, keysFor } from './emit';
import { emitLessons } from './lessons';
import type { SchoolModel } from './model';
import { adoptAsParent, buildPupils, type Family } from './people';
import { rngFor, rngFromString } from './rng';
import { buildRooms } from './rooms';
import { buildTimetable, chooseDemoTeacher, poolDemand } from './schedule';
import { buildStaff, type StaffMember } from './staff';
import { buildClasses, schoolIdentity } from './structure';

export interface DemoOptions {
  /** Seed of every random choice (default 95). */
  seed: number;
  /** Pupils per school (default 550: 2 parallels × 11 grades × 25). */
  pupils: number;
  /** Number of schools (default 1). */
  schools: number;
  /** 'YYYY-MM-DD': the academic year generated is the one containing today (June–August: the coming one). */
  today: string;
  /** An argon2id hash put on every demo user (hashing per user would take minutes). */
  passwordHash: string;
}

export const DEMO_DEFAULTS = { seed: 95, pupils: 550, schools: 1 } as const;
export const MIN_PUPILS = 100;
export const MAX_PUPILS = 5000;

export function validateOptions(opts: DemoOptions): void {
  if (!Number.isInteger(opts.seed)) throw new Error(`seed must be an integer: ${opts.seed}`);
  if (!Number.isInteger(opts.pupils) || opts.pupils < MIN_PUPILS || opts.pupils > MAX_PUPILS) {
    throw new Error(`pupils must be an integer from ${MIN_PUPILS} to ${MAX_PUPILS}: ${opts.pupils}`);
  }
  if (!Number.isInteger(opts.schools) || opts.schools < 1 || opts.schools > 50) throw new Error(`schools must be 1–50: ${opts.schools}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today) || Number.isNaN(Date.parse(`${opts.today}T00:00:00Z`))) throw new Error(`today must be YYYY-MM-DD: ${opts.today}`);
  if (!opts.passwordHash) throw new Error('passwordHash is required');
}

/** Builds the model of one school (classes, people, staff, rooms, timetable) from the options alone. */
export function buildSchoolModel(opts: DemoOptions, schoolIndex: number): SchoolModel {
  validateOptions(opts);
  const rng = (stream: string) => rngFor(opts.seed, schoolIndex, stream);
  const cal = academicCalendar(opts.today);
  const classes = buildClasses(rng('classes'), opts.pupils);
  const { pupils, families, demoFamily } = buildPupils(rng('pupils'), classes, cal.startYear);
  const { staff, assignments, teachingDeputy } = buildStaff(rng('staff'), classes, cal.startYear);
  const rooms = buildRooms(rng('rooms'), classes, poolDemand(classes));
  let attempt = 0;
  const entries = buildTimetable(classes, assignments, staff.length, rooms, () => rngFromString(`sabaq-demo/${opts.seed}/${schoolIndex}/timetable/${attempt++}`));
  const teacher = chooseDemoTeacher(staff, entries, cal.startYear);
  adoptAsParent(familyForTeacher(families, demoFamily, teacher, classes), teacher.person);
  return {
    schoolIndex, identity: schoolIdentity(schoolIndex), cal, classes, pupils, families, demoFamily, staff, assignments, rooms, entries,
    demoTeacher: teacher.idx, teachingDeputy, passwordHash: opts.passwordHash,
  };
}

/** A one-child family of the teacher's name style, the child not in the teacher's own class, of a plausible age. */
function familyForTeacher(families: Family[], demo: Family, t: StaffMember, classes: SchoolModel['classes']): Family {
  const born = Number(t.person.birthDate.slice(0, 4));
  const fits = (f: Family, ageCheck: boolean): boolean => {
    if (f === demo || f.style !== t.person.name.style || f.children.length !== 1) return false;
    const child = f.children[0] as Family['children'][number];
    if (child.classIdx === t.leads) return false;
    const childBorn = Number(child.birthDate.slice(0, 4));
    return !ageCheck || (childBorn - born >= 23 && childBorn - born <= 40 && (classes[child.classIdx]?.grade ?? 0) >= 3);
  };
  const f = families.find((x) => fits(x, true)) ?? families.find((x) => fits(x, false))
    ?? families.find((x) => x !== demo && x.style === t.person.name.style);
  if (!f) throw new Error('no family for the demo teacher to be a parent in');
  return f;
}

/** One school as rows, by table (pure: the same options and index always give the same rows). */
export function generateSchool(opts: DemoOptions, schoolIndex: number): SchoolDataset {
  return datasetOf(buildSchoolModel(opts, schoolIndex), opts.seed);
}

export function datasetOf(m: SchoolModel, seed: number): SchoolDataset {
  const stamp = `${m.cal.startYear}-05-15T04:00:00.000Z`; // fixed, before the year it describes; never the wall clock
  const b = new DatasetBuilder(schoolNamespace(seed, m.schoolIndex), stamp);
  const k = keysFor(b, m);
  emitStructure(b, m, k);
  emitPeople(b, m, k, buildAccounts(m));
  const entryIds = emitTimetable(b, m, k);
  emitLessons(b, m, k, entryIds);
  return b.finish();
}
