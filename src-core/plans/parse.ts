import ExcelJS from 'exceljs';

/** One topic of a calendar-thematic plan as read from a teacher's file. */
export interface ParsedTopic {
  position: number;
  section: string | null;
  title: string;
  hours: number;
  sor: boolean;
  soch: boolean;
  /** The date the teacher wrote beside it, when it reads as one (kept for a later preview; not stored). */
  date: string | null;
}

/** Why a file (row 0) or one of its rows cannot be read: a message key of the catalogs and its parameters. */
export interface PlanRowError { row: number; messageKey: string; params: Record<string, string | number> }

export type ParseResult = { ok: true; topics: ParsedTopic[] } | { ok: false; errors: PlanRowError[] };

export const MAX_TOPICS = 400;
export const MAX_HOURS = 20;
export const MAX_TITLE = 500;
export const MAX_SECTION = 300;

type Column = 'section' | 'topic' | 'hours' | 'date' | 'sor' | 'soch' | 'summative';
type Grid = { row: number; cells: string[] }[];

/**
 * Reads a plan kept as XLSX (the first sheet with a header row) or CSV (UTF-8 with or without BOM, else
 * Windows-1251 as Excel saves it; `;` or `,`). The header row is found by its names in Kazakh, Russian or English;
 * a section name may stand only on its section's first row (merged cells) or on a row of its own. Either every
 * topic is read, or the errors of every bad row are returned and nothing is.
 */
export async function parsePlanFile(fileName: string, bytes: Uint8Array): Promise<ParseResult> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  let grids: Grid[];
  if (ext === 'csv' || ext === 'txt') {
    // The delimiter is the one under which a header row appears: titles in a `;` file often hold commas.
    const text = decodeText(bytes);
    grids = [';', ',', '\t'].map((d) => readCsv(text, d));
  }
  else if (ext === 'xlsx') {
    try {
      grids = await readXlsx(bytes);
    } catch {
      return fail(0, 'error.plan_file_unreadable');
    }
  } else return fail(0, 'error.plan_file_type', { name: fileName });
  for (const grid of grids) {
    const header = findHeader(grid);
    if (header) return readTopics(grid.slice(header.index + 1), header.columns);
  }
  return fail(0, 'error.plan_no_header');
}

const fail = (row: number, messageKey: string, params: Record<string, string | number> = {}): ParseResult =>
  ({ ok: false, errors: [{ row, messageKey, params }] });

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** RFC 4180: quotes, doubled quotes and line breaks inside quotes; rows keep their line numbers in the file. */
export function readCsv(text: string, delimiter: string): Grid {
  const body = text.replace(/^\uFEFF/, '');
  const rows: Grid = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    rows.push({ row: rowLine, cells });
    cells = [];
    cell = '';
    rowLine = line;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') { cell = ''; quoted = true; }
    else if (ch === delimiter) { cells.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      line++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}

async function readXlsx(bytes: Uint8Array): Promise<Grid[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book.worksheets.map((sheet) => {
    const grid: Grid = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellText(cell); });
      grid.push({ row: number, cells: Array.from(cells, (c) => c ?? '') });
    });
    return grid;
  });
}

/** A cell's text as the teacher sees it: rich text joined, a formula's result, a date as YYYY-MM-DD. */
function cellText(cell: ExcelJS.Cell): string {
  // A merged cell other than the first answers the first one's value: a section is then on every row, which is fine.
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return o.result instanceof Date ? o.result.toISOString().slice(0, 10) : String(o.result ?? '');
    if (typeof o.text === 'string') return o.text;
    return '';
  }
  return String(v);
}

const normal = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
const words = (s: string) => normal(s).split(/[^\p{L}\p{N}№]+/u).filter(Boolean);

/** What a header cell names, by its words in Kazakh, Russian or English. */
export function columnOf(header: string): Column | null {
  const w = words(header);
  const has = (...names: string[]) => w.some((x) => names.some((n) => x.startsWith(n)));
  const isSor = w.some((x) => ['сор', 'бжб', 'sor', 'sau'].includes(x));
  const isSoch = w.some((x) => ['соч', 'тжб', 'soch', 'sat'].includes(x));
  if (isSor && isSoch) return 'summative';
  if (isSor) return 'sor';
  if (isSoch) return 'soch';
  if (has('раздел', 'бөлім', 'section', 'unit')) return 'section';
  if (has('тем', 'тақыр', 'topic')) return 'topic'; // тақырып, тақырыбы
  if (has('час', 'сағат', 'hour')) return 'hours';
  if (has('дата', 'күні', 'мерзім', 'date')) return 'date';
  return null;
}

function findHeader(grid: Grid): { index: number; columns: Map<Column, number> } | null {
  for (const [index, { cells }] of grid.slice(0, 30).entries()) {
    const columns = new Map<Column, number>();
    cells.forEach((text, i) => {
      const c = text.trim() ? columnOf(text) : null;
      if (c && !columns.has(c)) columns.set(c, i);
    });
    if (columns.has('topic') && columns.has('hours')) return { index, columns };
  }
  return null;
}

const TOTAL = /^(итого|всего|барлығы|барлыгы|жиыны|total)(?!\p{L})/u;
/** A СОР or СОЧ cell that says "no"; any other text ("+", "да", "СОР 1", "1") marks the topic. */
const NO = /^(-|–|—|0|нет|жоқ|no)$/u;

function readTopics(rows: Grid, columns: Map<Column, number>): ParseResult {
  const at = (cells: string[], c: Column) => {
    const i = columns.get(c);
    return i === undefined ? '' : (cells[i] ?? '').replace(/\s+/g, ' ').trim();
  };
  const topics: ParsedTopic[] = [];
  const errors: PlanRowError[] = [];
  let section: string | null = null;
  for (const { row, cells } of rows) {
    const filled = cells.map((c) => c.trim()).filter(Boolean);
    if (filled.length === 0) continue;
    if (filled.some((c) => TOTAL.test(normal(c)))) continue;
    const sectionCell = at(cells, 'section');
    const title = at(cells, 'topic');
    const hoursText = at(cells, 'hours');
    if (sectionCell) section = sectionCell;
    if (!title && !hoursText) {
      // A row of its own naming the section (merged across the table), or only the section column filled.
      if (!sectionCell && filled.length === 1) section = filled[0]!.replace(/\s+/g, ' ');
      continue;
    }
    if (!title) { errors.push({ row, messageKey: 'error.plan_topic_missing', params: { row } }); continue; }
    if (title.length > MAX_TITLE) errors.push({ row, messageKey: 'error.plan_title_too_long', params: { row, max: MAX_TITLE } });
    if (section && section.length > MAX_SECTION) errors.push({ row, messageKey: 'error.plan_section_too_long', params: { row, max: MAX_SECTION } });
    if (!hoursText) { errors.push({ row, messageKey: 'error.plan_hours_missing', params: { row } }); continue; }
    const hours = parseHours(hoursText);
    if (hours === null) { errors.push({ row, messageKey: 'error.plan_hours_invalid', params: { row, value: hoursText, max: MAX_HOURS } }); continue; }
    const marks = summativeMarks(at(cells, 'sor'), at(cells, 'soch'), at(cells, 'summative'));
    topics.push({ position: topics.length + 1, section, title, hours, ...marks, date: parseDate(at(cells, 'date')) });
  }
  if (errors.length) return { ok: false, errors };
  if (topics.length === 0) return fail(0, 'error.plan_empty');
  if (topics.length > MAX_TOPICS) return fail(0, 'error.plan_too_many_topics', { count: topics.length, max: MAX_TOPICS });
  return { ok: true, topics };
}

/** "2", "1,5", "0.5": hours from 0.5 to MAX_HOURS in halves. */
export function parseHours(text: string): number | null {
  const t = text.replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  if (!(n > 0 && n <= MAX_HOURS) || Math.round(n * 2) !== n * 2) return null;
  return n;
}

function summativeMarks(sor: string, soch: string, both: string) {
  const mark = (s: string) => s !== '' && !NO.test(normal(s));
  const says = (s: string, names: string[]) => words(s).some((w) => names.includes(w));
  return {
    sor: mark(sor) || says(both, ['сор', 'бжб', 'sor', 'sau']),
    soch: mark(soch) || says(both, ['соч', 'тжб', 'soch', 'sat']),
  };
}

/** 05.09.2026, 5.9.2026, 2026-09-05 → 2026-09-05; anything else (a week number, a range) → null. */
function parseDate(text: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return null;
}
