import type { Knex } from 'knex';
import { DEMO_TABLES, finalSeq, type Cell, type Row, type SchoolDataset } from './dataset';
import { generateSchool, validateOptions, type DemoOptions } from './generate';
import { DEMO_PASSWORD, demoAccountsOf, summarizeSchool, type DemoSummary } from './summary';

/** Bound parameters per insert statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** What the writer needs of a better-sqlite3 connection (typed here: src-core does not depend on the driver). */
interface SqliteConnection { prepare(sql: string): { run(params: unknown[]): unknown } }

const isSqliteConnection = (c: unknown): c is SqliteConnection =>
  typeof c === 'object' && c !== null && typeof (c as { prepare?: unknown }).prepare === 'function';

/**
 * Inserts rows, all rows of a table having the same columns.
 * - PostgreSQL (and any other client): batches of floor(30000 / columns) rows, each a plain
 *   `insert … values (…), (…)` (knex's own multi-row insert for SQLite compiles to `select … union all select …`,
 *   which SQLite refuses beyond 500 rows).
 * - SQLite (better-sqlite3, inside a transaction): one prepared single-row statement run for every row, on the
 *   transaction's own connection. Measured 2–3× faster than multi-row batches there: SQLite has no round trips to
 *   save, and a 30,000-parameter statement costs more to parse and run than it saves.
 */
export async function insertRows(db: Knex | Knex.Transaction, table: string, rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const columnSql = columns.map((c) => `"${c}"`).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  if (db.client.config.client === 'better-sqlite3' && db.isTransaction) {
    const conn: unknown = await db.client.acquireConnection(); // a transaction's client hands out its own connection
    if (isSqliteConnection(conn)) {
      const statement = conn.prepare(`insert into "${table}" (${columnSql}) values ${tuple}`);
      const values = new Array<unknown>(columns.length);
      for (const r of rows) {
        for (let i = 0; i < columns.length; i++) {
          const v = r[columns[i] as string] ?? null;
          values[i] = typeof v === 'boolean' ? Number(v) : v;
        }
        statement.run(values);
      }
      return;
    }
  }
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const bindings: Cell[] = [];
    for (const r of part) for (const c of columns) bindings.push(r[c] ?? null);
    await db.raw(`insert into "${table}" (${columnSql}) values ${new Array<string>(part.length).fill(tuple).join(', ')}`, bindings);
  }
}

/**
 * Writes one school in one transaction, tables in foreign-key order, and its final sequence number into
 * school_sequences when that table exists (server databases). A school whose id is already there is left as it
 * is (returns false): seeding twice with the same options is harmless.
 */
export async function writeSchool(db: Knex, ds: SchoolDataset): Promise<boolean> {
  const schoolId = ds.schools?.[0]?.id;
  if (typeof schoolId !== 'string') throw new Error('dataset without a school');
  return db.transaction(async (trx) => {
    const existing = await trx('schools').where({ id: schoolId }).first('id');
    if (existing) return false;
    for (const table of DEMO_TABLES) await insertRows(trx, table, ds[table] ?? []);
    if (await trx.schema.hasTable('school_sequences')) {
      await trx('school_sequences').insert({ school_id: schoolId, seq: finalSeq(ds) }).onConflict('school_id').merge();
    }
    return true;
  });
}

/** Generates and writes every demo school; returns the figures and the demo accounts. */
export async function seedDemo(db: Knex, opts: DemoOptions): Promise<DemoSummary> {
  validateOptions(opts);
  const summary: DemoSummary = { schools: [], accounts: [], password: DEMO_PASSWORD };
  for (let i = 0; i < opts.schools; i++) {
    const ds = generateSchool(opts, i);
    await writeSchool(db, ds);
    summary.schools.push(summarizeSchool(ds));
    summary.accounts.push(...demoAccountsOf(ds, i));
  }
  return summary;
}
