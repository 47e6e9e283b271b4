import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { OutputOf } from '../contract/operations';
import { translate, type Locale } from '../i18n';
import { DEJAVU_CONDENSED, DEJAVU_CONDENSED_BOLD } from './fonts';
import { dottedDate, fullName, percentText, periodLabel } from './labels';

type Sheet = OutputOf<'journal.sheet'>;
type Lesson = Sheet['lessons'][number];
type Cell = Sheet['cells'][number];
type Font = fontkit.Font;

/** What the journal's header says beyond the sheet itself. */
export interface JournalPrint {
  school: string;
  teachers: string[];
  printedOn: string; // ISO date
}

// A4 landscape in points; every position is set by hand (margin 0), so pdfkit never breaks a page on its own.
const W = 841.89;
const H = 595.28;
const M = 24;
const HEADER_H = 34;
const FOOTER_H = 18;
const LEGEND_H = 22;
const COL_NO = 16;
const COL_NAME = 132;
const COL_LESSON = 20;
const COL_PERCENT = 30;
const COL_MARK = 34;
const HEAD_MONTH = 11;
const HEAD_DATE = 11;
const HEAD_KIND = 20;
const ROW_H = 13;
const GRID_TOP = M + HEADER_H;
const GRID_HEAD = HEAD_MONTH + HEAD_DATE + HEAD_KIND;
export const LESSONS_PER_PAGE = Math.floor((W - 2 * M - COL_NO - COL_NAME - COL_PERCENT - COL_MARK) / COL_LESSON);
export const PUPILS_PER_PAGE = Math.floor((H - GRID_TOP - GRID_HEAD - LEGEND_H - FOOTER_H - M) / ROW_H);

/**
 * The class journal as schools print it, for the archive or a pupil's transfer: A4 landscape; on the left-hand
 * page the numbered pupils against the lesson dates (months above the days) with their marks, attendance codes and
 * СОР/СОЧ scores under their maxima, then the term percent and mark; on the right-hand page the same lessons as rows
 * with their topics and homework. A long term is split into evenly filled pages of dates (and of pupils).
 */
export async function journalPdf(sheet: Sheet, locale: Locale, print: JournalPrint): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const fonts = journalFonts();
  // No default font: pdfkit would read Helvetica's metrics from its own folder, which a bundle does not carry.
  const doc = new PDFDocument({ autoFirstPage: false, bufferPages: true, font: null as unknown as string, info: { Title: `${t('reports.journal.title')} ${sheet.class.name} ${sheet.subject.name[locale]}`, Author: print.school } });
  doc.registerFont('R', fonts.regular as unknown as Buffer);
  doc.registerFont('B', fonts.bold as unknown as Buffer);
  const done = collect(doc);

  const cells = new Map<string, Cell>(sheet.cells.map((c) => [`${c.lessonId}:${c.studentId}`, c]));
  const lessonChunks = evenChunks(sheet.lessons, LESSONS_PER_PAGE);
  const pupilChunks = evenChunks(sheet.pupils.map((p, i) => ({ ...p, n: i + 1 })), PUPILS_PER_PAGE);
  const page = () => { doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 }); header(doc, sheet, locale, print); };

  for (const [i, lessons] of lessonChunks.entries()) {
    const last = i === lessonChunks.length - 1;
    for (const pupils of pupilChunks) {
      page();
      gridPage(doc, sheet, locale, lessons, pupils, cells, last);
    }
    page();
    topicsPage(doc, locale, lessons, page);
  }
  if (sheet.lessons.length === 0) {
    page();
    doc.font('R').fontSize(10).text(t('reports.noLessons'), M, GRID_TOP + 10, { lineBreak: false });
  }

  const { start, count } = doc.bufferedPageRange();
  for (let p = start; p < start + count; p++) {
    doc.switchToPage(p);
    doc.font('R').fontSize(7).fillColor('#444');
    doc.text(t('reports.printed', { date: dottedDate(print.printedOn) }), M, H - M, { lineBreak: false });
    const pageNo = t('reports.page', { n: p - start + 1, total: count });
    doc.text(pageNo, W - M - doc.widthOfString(pageNo), H - M, { lineBreak: false });
    doc.fillColor('black');
  }
  doc.end();
  return done;
}

/**
 * The font with Cyrillic and the Kazakh letters (ә ғ қ ң ө ұ ү һ і): DejaVu Sans Condensed (assets/fonts, with its
 * free licence; kept in ./fonts.ts as bytes, so every host has it, the desktop bundle included), parsed once per
 * process: parsing it is most of the work of a small journal.
 */
let fontCache: { regular: Font; bold: Font } | null = null;
export function journalFonts(): { regular: Font; bold: Font } {
  if (fontCache) return fontCache;
  const open = (base64: string) => {
    const font = fontkit.create(Buffer.from(base64, 'base64')) as Font;
    // fontkit keeps each glyph as first made; a glyph first made as a part of another (ь inside ы) would keep no
    // characters, and the next document's text layer would lose that letter. Make every mapped glyph first.
    for (const cp of font.characterSet) font.glyphForCodePoint(cp);
    return font;
  };
  fontCache = { regular: open(DEJAVU_CONDENSED), bold: open(DEJAVU_CONDENSED_BOLD) };
  return fontCache;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Splits a list into the fewest pages of at most `size`, filled evenly (40 lessons → 20 + 20, not 29 + 11). */
export function evenChunks<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [];
  const pages = Math.ceil(items.length / size);
  const per = Math.ceil(items.length / pages);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += per) out.push(items.slice(i, i + per));
  return out;
}

function header(doc: PDFKit.PDFDocument, sheet: Sheet, locale: Locale, print: JournalPrint) {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  doc.font('B').fontSize(11).text(t('reports.journal.title'), M, M, { lineBreak: false });
  doc.font('R').fontSize(9);
  doc.text(print.school, W - M - Math.min(doc.widthOfString(print.school), 500), M + 1, { width: 500, lineBreak: false, ellipsis: true });
  const className = sheet.group ? `${sheet.class.name} (${t('reports.group', { n: sheet.group.number })})` : sheet.class.name;
  const period = `${periodLabel(locale, sheet.period)} (${dottedDate(sheet.period.startsOn)}–${dottedDate(sheet.period.endsOn)})`;
  const parts: [string, string][] = [
    [t('reports.class'), className],
    [t('reports.subject'), sheet.subject.name[locale]],
    [t('reports.period'), period],
    [t('reports.teacher'), print.teachers.join(', ') || '—'],
  ];
  let x = M;
  const y = M + 16;
  for (const [label, value] of parts) {
    doc.font('R').fontSize(9).fillColor('#555').text(`${label}: `, x, y, { lineBreak: false });
    x += doc.widthOfString(`${label}: `);
    doc.font('B').fillColor('black').text(value, x, y, { lineBreak: false });
    x += doc.widthOfString(value) + 16;
  }
  doc.moveTo(M, M + HEADER_H - 6).lineTo(W - M, M + HEADER_H - 6).lineWidth(0.5).stroke();
}

/** Writes one line of text in a box: centred (or left), shrunk until it fits the width, vertically centred. */
function boxText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, w: number, h: number, opts: { size?: number; bold?: boolean; align?: 'left' | 'center' } = {}) {
  if (!text) return;
  let size = opts.size ?? 7.5;
  doc.font(opts.bold ? 'B' : 'R').fontSize(size);
  while (size > 4.5 && doc.widthOfString(text) > w - 2) doc.fontSize(size -= 0.5);
  // Positioned by hand, without pdfkit's line wrapper: a journal has thousands of cells.
  const tw = doc.widthOfString(text);
  const tx = opts.align === 'left' ? x + 2 : x + (w - tw) / 2;
  doc.text(text, tx, y + (h - size * 1.16) / 2 + 0.5, { lineBreak: false });
}

function rect(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, fill?: string) {
  if (fill) doc.rect(x, y, w, h).fillAndStroke(fill, 'black').fillColor('black');
  else doc.rect(x, y, w, h).stroke();
}

function gridPage(doc: PDFKit.PDFDocument, sheet: Sheet, locale: Locale, lessons: Lesson[], pupils: (Sheet['pupils'][number] & { n: number })[], cells: Map<string, Cell>, withTerm: boolean) {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  doc.lineWidth(0.4).strokeColor('black');
  const top = GRID_TOP;
  const xLessons = M + COL_NO + COL_NAME;
  const xEnd = xLessons + lessons.length * COL_LESSON;
  const rowsTop = top + GRID_HEAD;

  rect(doc, M, top, COL_NO, GRID_HEAD, '#eeeeee');
  boxText(doc, t('reports.no'), M, top, COL_NO, GRID_HEAD, { bold: true });
  rect(doc, M + COL_NO, top, COL_NAME, GRID_HEAD, '#eeeeee');
  boxText(doc, t('reports.pupil'), M + COL_NO, top, COL_NAME, GRID_HEAD, { bold: true, size: 8 });

  // Month names above their days: one merged cell per run of lessons in the same month.
  let runStart = 0;
  for (let i = 1; i <= lessons.length; i++) {
    const month = (l: Lesson) => l.date.slice(0, 7);
    if (i === lessons.length || month(lessons[i]!) !== month(lessons[runStart]!)) {
      const x = xLessons + runStart * COL_LESSON;
      const w = (i - runStart) * COL_LESSON;
      const month = t(`reports.month.${Number(lessons[runStart]!.date.slice(5, 7))}`);
      rect(doc, x, top, w, HEAD_MONTH, '#eeeeee');
      // A month with one or two lessons on this page gets its first letters: "Қар.", "Dec."
      const fits = doc.font('B').fontSize(6).widthOfString(month) <= w - 2;
      boxText(doc, fits ? month : `${month.slice(0, w > COL_LESSON ? 5 : 3)}.`, x, top, w, HEAD_MONTH, { bold: true, size: 7 });
      runStart = i;
    }
  }
  for (const [i, l] of lessons.entries()) {
    const x = xLessons + i * COL_LESSON;
    const summative = l.summative ? '#fff3d6' : undefined;
    rect(doc, x, top + HEAD_MONTH, COL_LESSON, HEAD_DATE, summative ?? '#eeeeee');
    boxText(doc, `${l.date.slice(8, 10)}.${l.date.slice(5, 7)}`, x, top + HEAD_MONTH, COL_LESSON, HEAD_DATE, { size: 6.5 });
    rect(doc, x, top + HEAD_MONTH + HEAD_DATE, COL_LESSON, HEAD_KIND, summative);
    if (l.summative) {
      boxText(doc, t(`reports.${l.summative.kind}`), x, top + HEAD_MONTH + HEAD_DATE, COL_LESSON, HEAD_KIND / 2, { bold: true, size: 6.5 });
      boxText(doc, String(l.summative.max), x, top + HEAD_MONTH + HEAD_DATE + HEAD_KIND / 2 - 1, COL_LESSON, HEAD_KIND / 2, { size: 6.5 });
    }
  }
  if (withTerm) {
    rect(doc, xEnd, top, COL_PERCENT, GRID_HEAD, '#e3ecf7');
    boxText(doc, t('reports.percent'), xEnd, top, COL_PERCENT, GRID_HEAD, { bold: true, size: 8 });
    rect(doc, xEnd + COL_PERCENT, top, COL_MARK, GRID_HEAD, '#e3ecf7');
    boxText(doc, t('reports.mark'), xEnd + COL_PERCENT, top, COL_MARK, GRID_HEAD, { bold: true, size: 7.5 });
  }

  const terms = new Map(sheet.termMarks.map((m) => [m.studentId, m]));
  for (const [r, p] of pupils.entries()) {
    const y = rowsTop + r * ROW_H;
    const shade = r % 2 === 1 ? '#f6f6f6' : undefined;
    rect(doc, M, y, COL_NO, ROW_H, shade);
    boxText(doc, String(p.n), M, y, COL_NO, ROW_H, { size: 7 });
    rect(doc, M + COL_NO, y, COL_NAME, ROW_H, shade);
    boxText(doc, fullName({ lastName: p.lastName, firstName: p.firstName }), M + COL_NO, y, COL_NAME, ROW_H, { align: 'left', size: 7.5 });
    for (const [i, l] of lessons.entries()) {
      const x = xLessons + i * COL_LESSON;
      rect(doc, x, y, COL_LESSON, ROW_H, l.summative ? '#fffaf0' : shade);
      const c = cells.get(`${l.id}:${p.id}`);
      if (!c) continue;
      const text = [c.code?.code, c.fo?.value, c.score?.value].filter((v) => v !== null && v !== undefined).join(' ');
      boxText(doc, text, x, y, COL_LESSON, ROW_H, { size: 7.5, bold: c.score?.value !== null && c.score?.value !== undefined });
    }
    if (withTerm) {
      const m = terms.get(p.id);
      rect(doc, xEnd, y, COL_PERCENT, ROW_H, shade);
      rect(doc, xEnd + COL_PERCENT, y, COL_MARK, ROW_H, shade);
      if (m?.percent !== null && m?.percent !== undefined) boxText(doc, percentText(locale, m.percent), xEnd, y, COL_PERCENT, ROW_H, { size: 7 });
      const mark = m?.mark ?? (m?.pass === true ? t('reports.pass') : m?.pass === false ? t('reports.fail') : '');
      boxText(doc, String(mark), xEnd + COL_PERCENT, y, COL_MARK, ROW_H, { bold: true, size: 8 });
    }
  }

  const legendY = rowsTop + pupils.length * ROW_H + 5;
  const legend = sheet.codes.map((c) => `${c.code} — ${c.label[locale]}`).join(';  ');
  doc.font('B').fontSize(7).text(`${t('reports.codes')}: `, M, legendY, { continued: true }).font('R')
    .text(legend, { width: W - 2 * M });
}

function topicsPage(doc: PDFKit.PDFDocument, locale: Locale, lessons: Lesson[], newPage: () => void) {
  const t = (key: string) => translate(locale, key);
  const cols = [
    { key: 'reports.no', w: 22 },
    { key: 'reports.date', w: 52 },
    { key: 'reports.topic', w: 400 },
    { key: 'reports.homework', w: W - 2 * M - 22 - 52 - 400 },
  ];
  const headerRow = (y: number) => {
    let x = M;
    for (const c of cols) {
      rect(doc, x, y, c.w, 16, '#eeeeee');
      boxText(doc, t(c.key), x, y, c.w, 16, { bold: true, size: 8 });
      x += c.w;
    }
    return y + 16;
  };
  doc.lineWidth(0.4);
  let y = headerRow(GRID_TOP);
  for (const [i, l] of lessons.entries()) {
    const topic = [l.summative ? `${t(`reports.${l.summative.kind}`)} (${l.summative.max})${l.summative.title ? `: ${l.summative.title}` : ''}.` : '', l.topic ?? ''].filter(Boolean).join(' ');
    const texts = [String(i + 1), dottedDate(l.date), topic, l.homework ?? ''];
    doc.font('R').fontSize(8);
    const h = Math.max(15, ...texts.map((s, k) => doc.heightOfString(s || ' ', { width: cols[k]!.w - 6 }) + 5));
    if (y + h > H - M - FOOTER_H) {
      newPage();
      doc.lineWidth(0.4);
      y = headerRow(GRID_TOP);
    }
    let x = M;
    for (const [k, c] of cols.entries()) {
      rect(doc, x, y, c.w, h);
      if (k < 2) boxText(doc, texts[k]!, x, y, c.w, 15, { size: 8 });
      else doc.font(k === 2 && l.summative ? 'B' : 'R').fontSize(8).text(texts[k]!, x + 3, y + 3, { width: c.w - 6 });
      x += c.w;
    }
    y += h;
  }
}
