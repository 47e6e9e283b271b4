import type { Knex } from 'knex';
import { syncColumns, targetOf } from '../src-core/db/columns';

/**
 * The resource library (ЦОР) and what a lesson keeps of its own.
 * - `resources`: an entry of the school's library or of a teacher's personal one, naming a file by its SHA-256.
 * - `files` (server): the files the central server holds for a school, content-addressed (one copy per hash on
 *   disk, whoever uploaded it); `file_links`: which lesson names which file (a plan's resource, a saved board), so a
 *   pupil reads the board of their own lesson and nothing else.
 * - `file_cache` (desktop client): the files this computer holds, fetched ahead of the coming lessons or written
 *   here (a board saved offline) and still to be sent.
 * - `lessons.plan` (the lesson plan: objectives, stages, attached resources, as JSON) and `lessons.board_files`
 *   (the annotated board saved to the lesson, PNG and PDF, as JSON) travel with the lesson to every device.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('resources', (t) => {
    syncColumns(t);
    t.string('owner_id', 36).notNullable().references('people.id'); // who added it
    t.string('scope', 10).notNullable(); // school | personal
    t.string('title', 300).notNullable();
    t.string('file_name', 255).notNullable();
    t.string('kind', 10).notNullable(); // pdf | image | audio | video | html5
    t.string('mime', 100).notNullable();
    t.bigInteger('size_bytes').notNullable();
    t.string('sha256', 64).notNullable();
    t.string('subject_id', 36).references('subjects.id');
    t.integer('grade');
    t.string('topic', 500);
    t.string('language', 2); // kk | ru | en
    t.index(['school_id', 'scope']);
    t.index(['school_id', 'sha256']);
  });
  await knex.schema.alterTable('lessons', (t) => {
    t.text('plan'); // JSON: LessonPlan
    t.text('board_files'); // JSON: BoardFile[]
  });
  await knex.schema.createTable('file_links', (t) => {
    t.string('school_id', 36).notNullable();
    t.string('sha256', 64).notNullable();
    t.string('lesson_id', 36).notNullable();
    t.string('role', 10).notNullable(); // plan | board
    t.primary(['lesson_id', 'role', 'sha256']);
    t.index(['school_id', 'sha256']);
  });
  if (targetOf(knex) === 'server') {
    await knex.schema.createTable('files', (t) => {
      t.string('school_id', 36).notNullable();
      t.string('sha256', 64).notNullable();
      t.bigInteger('size_bytes').notNullable();
      t.string('mime', 100).notNullable();
      t.string('kind', 10).notNullable();
      t.string('uploaded_by', 36).notNullable(); // users.id
      t.string('created_at', 40).notNullable();
      t.primary(['school_id', 'sha256']);
    });
  } else {
    await knex.schema.createTable('file_cache', (t) => {
      t.string('sha256', 64).primary();
      t.bigInteger('size_bytes').notNullable();
      t.string('mime', 100).notNullable();
      t.string('kind', 10).notNullable();
      t.string('state', 10).notNullable(); // partial | complete
      t.boolean('upload_pending').notNullable().defaultTo(false); // written here, not yet on the server
      t.string('created_at', 40).notNullable();
      t.string('last_used_at', 40);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  if (targetOf(knex) === 'server') await knex.schema.dropTable('files');
  else await knex.schema.dropTable('file_cache');
  await knex.schema.dropTable('file_links');
  await knex.schema.alterTable('lessons', (t) => {
    t.dropColumn('board_files');
    t.dropColumn('plan');
  });
  await knex.schema.dropTable('resources');
}
