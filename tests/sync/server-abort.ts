import type { Knex } from 'knex';

/** The late statements of a push's transaction where the harness can make the server die. */
export const ABORT_TABLES = ['applied_mutations', 'change_log'] as const;
export type AbortTable = (typeof ABORT_TABLES)[number];

export const ABORT_MESSAGE = 'chaos: the server died in the middle of this transaction';

/**
 * "The server killed mid-transaction", in-process: a trigger on the inserts into applied_mutations (the last
 * statement of a mutation's transaction) and change_log (written by the handler, inside its savepoint) makes the
 * statement fail when armed, so that the whole transaction rolls back as if the process had died before its
 * commit, while the server itself carries on. `chaos_server_abort.countdown` = n: the n-th insert from now fails,
 * and every one after it until the harness disarms (0); the count taken by an aborted statement rolls back with it.
 * Created by the harness on its own fresh test database only, never by a migration.
 */
export async function installServerAbort(db: Knex, engine: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema.createTable('chaos_server_abort', (t) => {
    t.string('table_name', 40).primary();
    t.integer('countdown').notNullable().defaultTo(0);
  });
  await db('chaos_server_abort').insert(ABORT_TABLES.map((table_name) => ({ table_name, countdown: 0 })));
  if (engine === 'sqlite') {
    for (const table of ABORT_TABLES) {
      await db.raw(`
        create trigger chaos_abort_${table} before insert on ${table}
        when (select countdown from chaos_server_abort where table_name = '${table}') > 0
        begin
          update chaos_server_abort set countdown = countdown - 1 where table_name = '${table}';
          select raise(abort, '${ABORT_MESSAGE}') where (select countdown from chaos_server_abort where table_name = '${table}') = 0;
        end`);
    }
    return;
  }
  await db.raw(`
    create function chaos_server_abort() returns trigger language plpgsql as $$
    declare remaining integer;
    begin
      update chaos_server_abort set countdown = countdown - 1 where table_name = TG_TABLE_NAME and countdown > 0
        returning countdown into remaining;
      if remaining = 0 then
        raise exception '${ABORT_MESSAGE}';
      end if;
      return new;
    end $$`);
  for (const table of ABORT_TABLES) {
    await db.raw(`create trigger chaos_abort_${table} before insert on ${table} for each row execute function chaos_server_abort()`);
  }
}
