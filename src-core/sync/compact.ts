import { attendanceId, markId, remarkId } from '../journal/ids';

/**
 * The wire form of a bucket snapshot: one table's rows column by column. A column with one value is sent once;
 * a column of few distinct values is sent as a dictionary and indexes; times become milliseconds, as differences
 * from the row before; a journal row's id is not sent at all, since every device derives it from its cell. Sorted
 * by lesson, the columns then compress to a few bytes a row (ARCHITECTURE.md, "Snapshots").
 */
export interface CompactTable {
  table: string;
  count: number;
  /** Columns holding one value in every row. */
  same: Record<string, unknown>;
  /** Dictionary-coded columns: the values, then each row's index into them. */
  dict: Record<string, { values: unknown[]; index: number[] }>;
  /** ISO times as differences in milliseconds from the row before (null stays null). */
  times: Record<string, (number | null)[]>;
  plain: Record<string, unknown[]>;
}

const DERIVED_ID: Record<string, (r: Record<string, unknown>) => string> = {
  marks: (r) => markId(String(r.lesson_id), String(r.student_id), String(r.kind)),
  attendance: (r) => attendanceId(String(r.lesson_id), String(r.student_id)),
  remarks: (r) => remarkId(String(r.lesson_id), String(r.student_id)),
};
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeRows(table: string, rows: Record<string, unknown>[]): CompactTable {
  const out: CompactTable = { table, count: rows.length, same: {}, dict: {}, times: {}, plain: {} };
  if (!rows.length) return out;
  const derive = DERIVED_ID[table];
  const idDerivable = derive !== undefined && rows.every((r) => derive(r) === r.id);
  for (const col of Object.keys(rows[0]!)) {
    if (col === 'id' && idDerivable) continue;
    const values = rows.map((r) => r[col] ?? null);
    const distinct = [...new Set(values)];
    if (distinct.length === 1) out.same[col] = distinct[0];
    else if (values.every((v) => v === null || (typeof v === 'string' && ISO.test(v)))) out.times[col] = deltas(values as (string | null)[]);
    else if (distinct.length <= Math.max(16, rows.length / 4)) {
      const at = new Map(distinct.map((v, i) => [v, i]));
      out.dict[col] = { values: distinct, index: values.map((v) => at.get(v)!) };
    } else out.plain[col] = values;
  }
  return out;
}

export function decodeRows(t: CompactTable): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const times = Object.fromEntries(Object.entries(t.times).map(([col, d]) => [col, undeltas(d)]));
  for (let i = 0; i < t.count; i++) {
    const row: Record<string, unknown> = { ...t.same };
    for (const [col, d] of Object.entries(t.dict)) row[col] = d.values[d.index[i]!];
    for (const [col, v] of Object.entries(times)) row[col] = v[i];
    for (const [col, v] of Object.entries(t.plain)) row[col] = v[i];
    if (row.id === undefined) row.id = DERIVED_ID[t.table]!(row);
    rows.push(row);
  }
  return rows;
}

function deltas(values: (string | null)[]): (number | null)[] {
  let prev = 0;
  return values.map((v) => {
    if (v === null) return null;
    const ms = Date.parse(v);
    const d = ms - prev;
    prev = ms;
    return d;
  });
}

function undeltas(d: (number | null)[]): (string | null)[] {
  let prev = 0;
  return d.map((x) => {
    if (x === null) return null;
    prev += x;
    return new Date(prev).toISOString();
  });
}
