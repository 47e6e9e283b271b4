import type { AcademicCalendar } from './calendar';
import type { Family, PersonModel, Pupil } from './people';
import type { RoomModel } from './rooms';
import type { EntryModel } from './schedule';
import type { Assignment, StaffMember } from './staff';
import type { ClassModel, SchoolIdentity } from './structure';

/** Everything generated for one school before it becomes rows. */
export interface SchoolModel {
  schoolIndex: number;
  identity: SchoolIdentity;
  cal: AcademicCalendar;
  classes: ClassModel[];
  pupils: Pupil[];
  families: Family[];
  /** The family of the demo `parent` (mother) and `student` (first child, grade 7). */
  demoFamily: Family;
  staff: StaffMember[];
  assignments: Assignment[];
  rooms: RoomModel[];
  entries: EntryModel[];
  demoTeacher: number;
  teachingDeputy: number;
  passwordHash: string;
}

/** The fixed demo logins; school 1 uses them as they are, school N ≥ 2 prefixes `sN.`. */
export const DEMO_LOGINS = ['director', 'deputy', 'teacher', 'parent', 'student', 'nurse', 'librarian', 'psychologist', 'admin'] as const;
export type DemoLogin = (typeof DEMO_LOGINS)[number];

export const loginPrefix = (schoolIndex: number): string => (schoolIndex === 0 ? '' : `s${schoolIndex + 1}.`);

export type { PersonModel };
