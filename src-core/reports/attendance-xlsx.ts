import ExcelJS from 'exceljs';
import { translate, type Locale } from '../i18n';
import type { MarkingPeriod } from '../journal/periods';
import { dottedDate, fullName, periodLabel } from './labels';
import { printable, styleBody, styleHeader, titleRows, toBuffer, type ReportPupil } from './progress-xlsx';

/** A pupil's attendance over a period: lessons missed, how many of them excused, and how often late. */
export interface PupilAttendance { missed: number; excused: number; lates: number }

export interface AttendanceData {
  school: string;
  className: string;
  classTeacher: string | null;
  period: Pick<MarkingPeriod, 'kind' | 'number' | 'startsOn' | 'endsOn'>;
  printedOn: string;
  pupils: ReportPupil[];
  counts: Map<string, PupilAttendance>;
}

/** The attendance report of a class for a term: pupils × (missed, of which excused, lates), with a total row. */
export async function attendanceXlsx(data: AttendanceData, locale: Locale): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sabaq';
  const ws = wb.addWorksheet(t('reports.attendance.sheet'));
  const head = titleRows(ws, 5, `${t('reports.attendance.title')} — ${data.className}, ${periodLabel(locale, data.period)}`, [
    `${t('reports.school')}: ${data.school}`,
    `${t('reports.classTeacher')}: ${data.classTeacher ?? '—'}`,
    `${t('reports.period')}: ${dottedDate(data.period.startsOn)}–${dottedDate(data.period.endsOn)}. ${t('reports.printed', { date: dottedDate(data.printedOn) })}`,
  ]);
  ws.getRow(head).values = [t('reports.no'), t('reports.pupil'), t('reports.missed'), t('reports.excused'), t('reports.lates')];
  styleHeader(ws.getRow(head), 32);
  const total = { missed: 0, excused: 0, lates: 0 };
  for (const [i, p] of data.pupils.entries()) {
    const c = data.counts.get(p.id) ?? { missed: 0, excused: 0, lates: 0 };
    total.missed += c.missed;
    total.excused += c.excused;
    total.lates += c.lates;
    const row = ws.getRow(head + 1 + i);
    row.values = [i + 1, fullName(p), c.missed, c.excused, c.lates];
    styleBody(row);
  }
  const sum = ws.getRow(head + 1 + data.pupils.length);
  sum.values = [null, t('reports.total'), total.missed, total.excused, total.lates];
  styleBody(sum);
  sum.font = { bold: true };
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 34;
  for (const c of [3, 4, 5]) ws.getColumn(c).width = 16;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: head }];
  printable(ws, head);
  return toBuffer(wb);
}
