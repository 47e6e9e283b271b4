import type { Knex } from 'knex';

/**
 * The sync columns every tenant row carries from day one (docs/ARCHITECTURE.md, "Data and sync").
 * Times are ISO-8601 UTC strings so that SQLite and PostgreSQL compare and sort them alike.
 */
export function syncColumns(t: Knex.CreateTableBuilder): void {
  t.string('id', 36).primary();
  t.string('school_id', 36).notNullable().index();
  t.integer('row_version').notNullable().defaultTo(1);
  t.bigInteger('last_seq').notNullable().defaultTo(0);
  t.string('created_at', 30).notNullable();
  t.string('created_by', 36);
  t.string('created_device', 36);
  t.string('updated_at', 30).notNullable();
  t.string('updated_by', 36);
  t.string('updated_device', 36);
  t.string('deleted_at', 30);
  t.string('deleted_by', 36);
}

/** Names of the sync columns, for code that copies rows between hosts. */
export const SYNC_COLUMNS = [
  'id', 'school_id', 'row_version', 'last_seq', 'created_at', 'created_by', 'created_device',
  'updated_at', 'updated_by', 'updated_device', 'deleted_at', 'deleted_by',
] as const;

/** Which database a migration runs on: the central server's or a desktop client's replica. */
export type DbTarget = 'server' | 'replica';

export function targetOf(knex: Knex): DbTarget {
  const params = (knex as unknown as { userParams?: { target?: DbTarget } }).userParams;
  return params?.target ?? 'server';
}
