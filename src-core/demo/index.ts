/**
 * The deterministic demo school generator: `generateSchool` builds one school as rows (pure), `seedDemo` generates
 * and writes every school. Same options ⇒ byte-identical rows (seeded streams, uuid v5 ids, fixed timestamps).
 */
export { generateSchool, buildSchoolModel, datasetOf, validateOptions, DEMO_DEFAULTS, type DemoOptions } from './generate';
export { seedDemo, writeSchool, insertRows } from './write';
export { seedDemoJournal, type DemoJournalOptions, type DemoJournalSummary } from './journal';
export { DEMO_PASSWORD, demoAccountsOf, summarizeSchool, type DemoAccount, type DemoSummary, type DemoSchoolSummary } from './summary';
export { DEMO_TABLES, finalSeq, type SchoolDataset, type Row, type Cell, type DemoTable } from './dataset';
export { DEMO_LOGINS, loginPrefix } from './model';
export { academicCalendar, academicWeek, weekParity, isDayOff, type AcademicCalendar } from './calendar';
