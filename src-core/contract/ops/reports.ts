import { z } from 'zod';
import { query } from '../define';
import { Id, Locale } from '../schemas';

/** A file made for the caller: its name, its type and its bytes (base64, so that it travels in JSON and over IPC). */
export const ReportFile = z.object({ filename: z.string(), mime: z.string(), base64: z.string() });

const Period = z.number().int().min(1).max(4).optional();

/** The reports's operations of the contract (spread into operations.ts). */
export const reportsOperations = {
  'reports.journalPdf': query({
    summary: 'The class journal of a subject for a marking period as a printable PDF (A4 landscape): marks and attendance, then topics and homework',
    input: z.object({ classId: Id, subjectId: Id, groupId: Id.nullable().optional(), period: Period, locale: Locale }).strict(),
    output: ReportFile,
    access: { permission: 'journal.read' },
  }),
  'reports.progressXlsx': query({
    summary: "A class's term marks in every subject for a term as an Excel workbook, with each subject's average, counts of 5/4/3/2, quality % and success %",
    input: z.object({ classId: Id, period: Period, locale: Locale }).strict(),
    output: ReportFile,
    access: { permission: 'journal.read' },
  }),
  'reports.attendanceXlsx': query({
    summary: "A class's attendance for a term as an Excel workbook: each pupil's lessons missed, of which excused, and lates",
    input: z.object({ classId: Id, period: Period, locale: Locale }).strict(),
    output: ReportFile,
    access: { permission: 'journal.read' },
  }),
} as const;
