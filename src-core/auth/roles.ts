/** The roles of the school. One person may hold several (a teacher who is a parent; a deputy who teaches). */
export const ROLES = [
  'director', 'deputy_director', 'teacher', 'student', 'parent', 'nurse', 'librarian', 'psychologist', 'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];

/** Permission names are resource + action, read as a sentence: "timetable.readOwn". */
export const PERMISSIONS = [
  'school.read',          // the school's structure: classes, rooms, subjects, bells
  'school.overview',      // whole-school figures for the administration
  'timetable.readOwn',    // a teacher's own lessons
  'lesson.writeOwn',      // a teacher edits the lessons they teach (topic)
  'journal.writeOwn',     // a teacher marks attendance and marks in the lessons they teach
  'journal.read',         // the journals of the classes one teaches or leads (the administration: every class)
  'journal.unlock',       // the administration unlocks a lesson's cells after the editing period
  'diary.readOwn',        // a pupil's own day and diary
  'family.readChildren',  // a parent's own children
  'users.read',           // the accounts of the school
  'resources.read',       // the resource library (ЦОР): the school's and one's own
  'resources.upload',     // adds files to the library, changes and removes one's own entries
  'resources.manageSchool', // keeps the school library: changes and removes anybody's school entries
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: Permission[] = ['school.read'];
const LIBRARY_KEEPER: Permission[] = ['resources.read', 'resources.upload', 'resources.manageSchool'];

/** Deny by default: a role holds exactly the permissions listed here. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  director: [...STAFF, 'school.overview', 'users.read', 'journal.read', 'journal.unlock', ...LIBRARY_KEEPER],
  deputy_director: [...STAFF, 'school.overview', 'timetable.readOwn', 'journal.read', 'journal.unlock', ...LIBRARY_KEEPER],
  teacher: [...STAFF, 'timetable.readOwn', 'lesson.writeOwn', 'journal.writeOwn', 'journal.read', 'resources.read', 'resources.upload'],
  student: ['diary.readOwn'],
  parent: ['family.readChildren'],
  nurse: [...STAFF],
  librarian: [...STAFF, ...LIBRARY_KEEPER],
  psychologist: [...STAFF],
  sysadmin: [...STAFF, 'users.read'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
