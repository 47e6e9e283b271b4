import { parse as parseUuid, v5 as uuidv5 } from 'uuid';

/** One value of a row, as both SQLite and PostgreSQL take it. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
/** The rows of one school, by table. Pure data: the writer inserts the tables in DEMO_TABLES order. */
export type SchoolDataset = Record<string, Row[]>;

/** The tables of a demo school in foreign-key order (the order rows are written and sequence numbers given). */
export const DEMO_TABLES = [
  'schools', 'academic_years', 'terms', 'holidays', 'shifts', 'bell_schedules', 'bell_periods', 'subjects', 'attendance_codes', 'rooms',
  'people', 'staff', 'users', 'user_roles', 'classes', 'class_groups', 'enrolments', 'guardians', 'curriculum',
  'teaching_assignments', 'timetable_entries', 'lessons',
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

/** Names are encoded here (native) rather than by uuid's own string-to-bytes loop: ids are the same, faster. */
const UTF8 = new TextEncoder();

/** A fixed root namespace for demo ids (a random v4 uuid chosen once; never change it: ids would all move). */
const DEMO_ROOT_NAMESPACE = '0b6f5c1e-3d1a-4c6e-9a57-5e2f8d9b4a10';

/** The namespace of one school of one seed: every id of that school is uuid v5 of a natural key under it. */
export function schoolNamespace(seed: number, schoolIndex: number): string {
  return uuidv5(`sabaq-demo/seed/${seed}/school/${schoolIndex}`, DEMO_ROOT_NAMESPACE);
}

/**
 * Collects the rows of one school. Ids are uuid v5 of natural keys ("class:7А", "lesson:<entry>:<date>"),
 * so a row's id is known before the row is added and the same options always give the same ids.
 * Sync columns: row_version 1, created_at = updated_at = the dataset's fixed instant, last_seq given at
 * finish() as a running counter in DEMO_TABLES order (= the order the writer inserts).
 */
export class DatasetBuilder {
  readonly schoolId: string;
  private readonly tables = new Map<string, Row[]>();
  private readonly namespaceBytes: Uint8Array;

  constructor(namespace: string, private readonly stamp: string) {
    this.namespaceBytes = parseUuid(namespace); // parsed once: uuid would parse a string namespace on every id
    this.schoolId = this.id('school');
    for (const t of DEMO_TABLES) this.tables.set(t, []);
  }

  id(key: string): string {
    return uuidv5(UTF8.encode(key), this.namespaceBytes);
  }

  /** Adds a row with the sync columns filled; returns its id. */
  add(table: DemoTable, key: string, fields: Row): string {
    const id = this.id(key);
    this.addWithId(table, id, fields);
    return id;
  }

  addWithId(table: DemoTable, id: string, fields: Row): void {
    const rows = this.tables.get(table);
    if (!rows) throw new Error(`not a demo table: ${table}`);
    rows.push({
      id,
      school_id: this.schoolId,
      row_version: 1,
      last_seq: 0,
      created_at: this.stamp,
      created_by: null,
      created_device: null,
      updated_at: this.stamp,
      updated_by: null,
      updated_device: null,
      deleted_at: null,
      deleted_by: null,
      ...fields,
    });
  }

  rows(table: DemoTable): Row[] {
    return this.tables.get(table) ?? [];
  }

  /** Numbers the rows 1, 2, 3 … in insertion order and returns the dataset. */
  finish(): SchoolDataset {
    let seq = 0;
    const out: SchoolDataset = {};
    for (const t of DEMO_TABLES) {
      const rows = this.tables.get(t) ?? [];
      for (const r of rows) r.last_seq = ++seq;
      out[t] = rows;
    }
    return out;
  }
}

/** The last sequence number of a finished dataset (what the server's school_sequences row holds). */
export function finalSeq(ds: SchoolDataset): number {
  let n = 0;
  for (const t of DEMO_TABLES) n += ds[t]?.length ?? 0;
  return n;
}
