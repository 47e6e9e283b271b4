import type { Knex } from 'knex';
import { targetOf } from '../src-core/db/columns';

/**
 * The order in which the server sends a bucket's journal as snapshot chunks (lesson, then id): an index for it,
 * so that a chunk is read in that order rather than sorted (a teacher's first sync at the end of the year reads
 * about 30,000 rows in two chunks).
 */
const TABLES = ['attendance', 'marks', 'remarks'] as const;

export async function up(knex: Knex): Promise<void> {
  if (targetOf(knex) !== 'server') return;
  for (const table of TABLES) await knex.schema.alterTable(table, (t) => t.index(['lesson_id', 'id'], `${table}_lesson_id_id_index`));
}

export async function down(knex: Knex): Promise<void> {
  if (targetOf(knex) !== 'server') return;
  for (const table of TABLES) await knex.schema.alterTable(table, (t) => t.dropIndex(['lesson_id', 'id'], `${table}_lesson_id_id_index`));
}
