import type { Knex } from 'knex';
import { syncColumns, targetOf } from '../src-core/db/columns';

/**
 * The first journal rows (attendance and the plain mark of a lesson) and the tables of the sync protocol:
 * the server's record of applied mutations and its change log; the replica's outbox.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('attendance_codes', (t) => {
    syncColumns(t);
    t.string('code', 8).notNullable(); // what the teacher types: ж, д, а, к …
    t.string('label_kk', 100).notNullable();
    t.string('label_ru', 100).notNullable();
    t.string('label_en', 100).notNullable();
    t.boolean('absent').notNullable(); // counts as a missed lesson (late does not)
    t.boolean('excused').notNullable();
    t.unique(['school_id', 'code']);
  });
  // One row per lesson × pupil; its id is derived from both (UUIDv5), so two devices marking the same pupil
  // write the same row.
  await knex.schema.createTable('attendance', (t) => {
    syncColumns(t);
    t.string('lesson_id', 36).notNullable().references('lessons.id');
    t.string('student_id', 36).notNullable().references('people.id');
    t.string('code', 8); // null: present (a cleared mark)
    t.unique(['lesson_id', 'student_id']);
  });
  await knex.schema.createTable('marks', (t) => {
    syncColumns(t);
    t.string('lesson_id', 36).notNullable().references('lessons.id');
    t.string('student_id', 36).notNullable().references('people.id');
    t.string('kind', 8).notNullable(); // fo: the formative mark of a lesson (1–10)
    t.integer('value'); // null: cleared
    t.unique(['lesson_id', 'student_id', 'kind']);
  });

  if (targetOf(knex) === 'server') {
    await knex.schema.createTable('applied_mutations', (t) => {
      t.string('mutation_id', 36).primary();
      t.string('school_id', 36).notNullable();
      t.string('device_id', 36).notNullable();
      t.bigInteger('device_seq').notNullable();
      t.string('user_id', 36).notNullable();
      t.string('name', 60).notNullable();
      t.string('outcome', 10).notNullable(); // applied | rejected | conflict
      t.text('reply').notNullable(); // JSON of what the device was told, returned again for a duplicate
      t.bigInteger('seq'); // the school's sequence of the commit, when it changed anything
      t.string('applied_at', 30).notNullable();
      t.unique(['device_id', 'device_seq']);
    });
    await knex.schema.createTable('change_log', (t) => {
      t.string('school_id', 36).notNullable();
      t.bigInteger('seq').notNullable();
      t.string('table_name', 40).notNullable();
      t.string('row_id', 36).notNullable();
      t.text('row').notNullable(); // JSON of the row after the change: the history replays to the current state
      t.string('mutation_id', 36);
      t.primary(['school_id', 'seq', 'table_name', 'row_id']);
    });
    // Which buckets a change belongs to (class:<id>:journal, student:<id> …): a pull reads its buckets' changes
    // through this index, in commit order.
    await knex.schema.createTable('change_buckets', (t) => {
      t.string('school_id', 36).notNullable();
      t.string('bucket', 80).notNullable();
      t.bigInteger('seq').notNullable();
      t.string('table_name', 40).notNullable();
      t.string('row_id', 36).notNullable();
      t.primary(['school_id', 'bucket', 'seq', 'table_name', 'row_id']);
    });
  } else {
    await knex.schema.createTable('outbox', (t) => {
      t.string('mutation_id', 36).primary();
      t.bigInteger('device_seq').notNullable().unique();
      t.string('user_id', 36).notNullable();
      t.string('school_id', 36).notNullable();
      t.string('name', 60).notNullable();
      t.text('args').notNullable();
      t.text('base_versions').notNullable(); // JSON { rowId: row_version } read when the change was made
      t.string('created_at', 30).notNullable();
      t.string('status', 10).notNullable().defaultTo('pending'); // pending | applied | rejected | conflict
      t.text('reply'); // the server's answer
    });
    // The server's own version of each row that has a change waiting in the outbox (null: the row did not
    // exist). The replica shows the teacher's change; when the server answers, this is what the row becomes.
    await knex.schema.createTable('shadow_rows', (t) => {
      t.string('table_name', 40).notNullable();
      t.string('row_id', 36).notNullable();
      t.text('row');
      t.primary(['table_name', 'row_id']);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['shadow_rows', 'outbox', 'change_buckets', 'change_log', 'applied_mutations', 'marks', 'attendance', 'attendance_codes']) {
    await knex.schema.dropTableIfExists(table);
  }
}
