import type { Knex } from 'knex';
import { targetOf } from '../src-core/db/columns';

/**
 * What a desktop client needs to recover from the sync's bad days: the teacher's decision on a conflict or a
 * refused change (`resolution`, `resolved_at`), and the server epoch that gave each outcome, so that what a
 * restored server no longer knows is sent again.
 */
export async function up(knex: Knex): Promise<void> {
  if (targetOf(knex) !== 'replica') return;
  await knex.schema.alterTable('outbox', (t) => {
    t.string('epoch', 36); // the server epoch of the outcome
    t.string('resolution', 12); // keepMine | takeTheirs | dismissed
    t.string('resolved_at', 30);
  });
  // Outcomes given before epochs were kept belong to no restore.
  await knex('outbox').whereNot({ status: 'pending' }).update({ epoch: 'before-0004' });
}

export async function down(knex: Knex): Promise<void> {
  if (targetOf(knex) !== 'replica') return;
  await knex.schema.alterTable('outbox', (t) => {
    t.dropColumn('resolved_at');
    t.dropColumn('resolution');
    t.dropColumn('epoch');
  });
}
