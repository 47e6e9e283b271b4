import ExcelJS from 'exceljs';
import type { Locale } from '../i18n';
import { translate } from '../i18n';
import type { MarkingPeriod } from '../journal/periods';
import { dottedDate, fullName, periodLabel } from './labels';

export interface ReportPupil { id: string; lastName: string; firstName: string; middleName: string | null }

/** What the progress workbook shows: a class's pupils, and per subject each pupil's term mark (or pass/fail). */
export interface ProgressData {
  school: string;
  className: string;
  classTeacher: string | null;
  period: Pick<MarkingPeriod, 'kind' | 'number' | 'startsOn' | 'endsOn'>;
  printedOn: string;
  pupils: ReportPupil[];
  subjects: { name: string; assessment: 'marked' | 'passFail'; results: Map<string, { mark: number | null; pass: boolean | null }> }[];
}

export interface SubjectStats { average: number | null; counts: Record<5 | 4 | 3 | 2, number>; quality: number | null; success: number | null }

/**
 * A subject's figures as Kazakh schools report them: the mean mark, how many 5s, 4s, 3s and 2s, the quality of
 * knowledge (5 and 4 among all marked pupils, %) and the success rate (5, 4 and 3 among them, %), to one decimal.
 */
export function subjectStats(marks: number[]): SubjectStats {
  const counts = { 5: 0, 4: 0, 3: 0, 2: 0 };
  for (const m of marks) if (m === 5 || m === 4 || m === 3 || m === 2) counts[m]++;
  const all = marks.length;
  const round = (v: number) => Math.round(v * 10) / 10;
  if (all === 0) return { average: null, counts, quality: null, success: null };
  return {
    average: Math.round((marks.reduce((a, b) => a + b, 0) / all) * 100) / 100,
    counts,
    quality: round(((counts[5] + counts[4]) / all) * 100),
    success: round(((counts[5] + counts[4] + counts[3]) / all) * 100),
  };
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEEEEEE' } };

/** The title rows every report workbook starts with; returns the number of the header row that follows them. */
export function titleRows(ws: ExcelJS.Worksheet, width: number, title: string, lines: string[]): number {
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  for (const [i, line] of lines.entries()) {
    ws.mergeCells(2 + i, 1, 2 + i, width);
    ws.getCell(2 + i, 1).value = line;
  }
  return lines.length + 3;
}

/** Bold, shaded, wrapped and bordered: the header row of a table. */
export function styleHeader(row: ExcelJS.Row, height = 32) {
  row.height = height;
  row.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEAD_FILL;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

export function styleBody(row: ExcelJS.Row, from = 3) {
  row.eachCell({ includeEmpty: true }, (c, col) => {
    c.border = BORDER;
    if (col >= from) c.alignment = { horizontal: 'center' };
  });
}

/** A4 landscape, the whole width on one sheet of paper, the header repeated on every page. */
export function printable(ws: ExcelJS.Worksheet, headerRow: number) {
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}`, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } };
  ws.headerFooter = { oddFooter: '&P / &N' };
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

/** The progress report of a class for a term: pupils × subjects, then each subject's average, counts and percents. */
export async function progressXlsx(data: ProgressData, locale: Locale): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sabaq';
  const ws = wb.addWorksheet(t('reports.progress.sheet'));
  const width = 2 + Math.max(1, data.subjects.length);
  const head = titleRows(ws, width, `${t('reports.progress.title')} — ${data.className}, ${periodLabel(locale, data.period)}`, [
    `${t('reports.school')}: ${data.school}`,
    `${t('reports.classTeacher')}: ${data.classTeacher ?? '—'}`,
    `${t('reports.period')}: ${dottedDate(data.period.startsOn)}–${dottedDate(data.period.endsOn)}. ${t('reports.printed', { date: dottedDate(data.printedOn) })}`,
  ]);
  ws.getRow(head).values = [t('reports.no'), t('reports.pupil'), ...data.subjects.map((s) => s.name)];
  styleHeader(ws.getRow(head), 48);

  for (const [i, p] of data.pupils.entries()) {
    const row = ws.getRow(head + 1 + i);
    row.values = [i + 1, fullName(p), ...data.subjects.map((s) => {
      const r = s.results.get(p.id);
      if (!r) return null;
      if (s.assessment === 'passFail') return r.pass === null ? null : t(r.pass ? 'reports.pass' : 'reports.fail');
      return r.mark;
    })];
    styleBody(row);
  }

  const stats = data.subjects.map((s) => s.assessment === 'marked'
    ? subjectStats([...s.results.values()].map((r) => r.mark).filter((m): m is number => m !== null))
    : null);
  const lines: [string, (s: SubjectStats) => number | null, string][] = [
    [t('reports.average'), (s) => s.average, '0.00'],
    ...([5, 4, 3, 2] as const).map((m): [string, (s: SubjectStats) => number | null, string] => [t('reports.countOf', { mark: m }), (s) => s.counts[m], '0']),
    [t('reports.quality'), (s) => s.quality, '0.0'],
    [t('reports.success'), (s) => s.success, '0.0'],
  ];
  const first = head + 1 + data.pupils.length;
  for (const [k, [label, pick, fmt]] of lines.entries()) {
    const row = ws.getRow(first + k);
    row.values = [null, label, ...stats.map((s) => (s ? pick(s) : null))];
    styleBody(row);
    row.font = { bold: true };
    row.eachCell((c, col) => { if (col >= 3) c.numFmt = fmt; });
  }

  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 34;
  for (let c = 3; c <= width; c++) ws.getColumn(c).width = 12;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: head }];
  printable(ws, head);
  return toBuffer(wb);
}
