import type { Role } from '../../src-core/auth/roles';

/**
 * The sections of each role's navigation (DOMAIN.md). A section whose view is not built yet shows the translated
 * "not ready" panel; its label is `nav.<id>`.
 */
export const SECTIONS_OF: Readonly<Record<Role, readonly string[]>> = {
  director: ['overview', 'classes', 'journal', 'plans', 'library', 'staff', 'documents', 'reports'],
  deputy_director: ['overview', 'today', 'classes', 'journal', 'plans', 'library', 'curriculum', 'timetable', 'substitutions', 'monitoring', 'reports'],
  teacher: ['today', 'journal', 'plans', 'library', 'digitalLessons', 'homework', 'tests', 'messages'],
  student: ['myDay', 'diary', 'homework', 'tests', 'calendar', 'portfolio', 'resources'],
  parent: ['children', 'marks', 'attendance', 'homework', 'messages', 'consultations'],
  nurse: ['classes', 'healthRecords', 'vaccinations', 'checkups', 'sickNotes'],
  librarian: ['classes', 'library', 'catalogue', 'textbooks', 'loans', 'elibrary'],
  psychologist: ['classes', 'diagnostics', 'consultations', 'parentAdvice'],
  sysadmin: ['users', 'devices', 'updates', 'backups', 'network', 'audit'],
};

/** A teacher who leads a class also sees that class's section. */
export function sectionsOf(role: Role, leadsClass: boolean): string[] {
  const list = [...SECTIONS_OF[role]];
  if (leadsClass && (role === 'teacher' || role === 'deputy_director')) list.splice(1, 0, 'myClass');
  return list;
}
