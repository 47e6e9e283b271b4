import type { Knex } from 'knex';
import { syncColumns } from '../src-core/db/columns';

/**
 * The class journal as schools keep it: a lesson may hold a summative work (СОР or СОЧ, with its maximum score),
 * its homework, and an unlock by the administration after the editing period; a mark is a ФО or a summative
 * score; every change of a cell may say why; a teacher's remark on a pupil in a lesson. Marks and remarks keep
 * one row per cell, so that two devices writing the same cell write the same row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('lessons', (t) => {
    t.text('homework');
    t.string('summative_kind', 4); // sor | soch | null
    t.integer('summative_max');
    t.string('summative_title', 200);
    t.string('unlocked_until', 10); // the last day its cells may be changed after the editing period
    t.string('unlock_reason', 500);
    t.string('unlocked_by', 36);
  });
  await knex.schema.alterTable('marks', (t) => {
    t.string('reason', 500); // why the cell changed (asked for once the editing period is over)
  });
  await knex.schema.alterTable('attendance', (t) => {
    t.string('reason', 500);
  });
  await knex.schema.createTable('remarks', (t) => {
    syncColumns(t);
    t.string('lesson_id', 36).notNullable().references('lessons.id');
    t.string('student_id', 36).notNullable().references('people.id');
    t.string('text', 1000); // null: cleared
    t.unique(['lesson_id', 'student_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('remarks');
  await knex.schema.alterTable('attendance', (t) => t.dropColumn('reason'));
  await knex.schema.alterTable('marks', (t) => t.dropColumn('reason'));
  await knex.schema.alterTable('lessons', (t) => {
    for (const c of ['unlocked_by', 'unlock_reason', 'unlocked_until', 'summative_title', 'summative_max', 'summative_kind', 'homework']) t.dropColumn(c);
  });
}
