import type { Knex } from 'knex';
import { syncColumns } from '../src-core/db/columns';

/**
 * The school's structure: every tenant table carries school_id and the sync columns.
 * Localised names are kept per language (kk, ru, en) because the same school prints documents in all three.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('schools', (t) => {
    syncColumns(t);
    t.string('number', 16);
    t.string('name_kk', 300).notNullable();
    t.string('name_ru', 300).notNullable();
    t.string('name_en', 300).notNullable();
    t.string('locality', 120).notNullable();
    t.string('region', 120).notNullable();
    t.string('timezone', 64).notNullable();
    t.string('default_language', 2).notNullable().defaultTo('kk');
  });

  await knex.schema.createTable('academic_years', (t) => {
    syncColumns(t);
    t.string('name', 20).notNullable();
    t.string('starts_on', 10).notNullable();
    t.string('ends_on', 10).notNullable();
    t.integer('days_per_week').notNullable().defaultTo(5);
    t.text('settings').notNullable().defaultTo('{}'); // JSON: assessment weights and scales of the year
    t.unique(['school_id', 'name']);
  });

  await knex.schema.createTable('terms', (t) => {
    syncColumns(t);
    t.string('academic_year_id', 36).notNullable().references('academic_years.id');
    t.string('kind', 10).notNullable(); // quarter | half
    t.integer('number').notNullable();
    t.string('starts_on', 10).notNullable();
    t.string('ends_on', 10).notNullable();
  });

  await knex.schema.createTable('holidays', (t) => {
    syncColumns(t);
    t.string('academic_year_id', 36).notNullable().references('academic_years.id');
    t.string('kind', 16).notNullable(); // break | public_holiday
    t.string('name_kk', 200).notNullable();
    t.string('name_ru', 200).notNullable();
    t.string('name_en', 200).notNullable();
    t.string('starts_on', 10).notNullable();
    t.string('ends_on', 10).notNullable();
    t.text('grades'); // JSON array of grades it applies to; null = every grade
  });

  await knex.schema.createTable('shifts', (t) => {
    syncColumns(t);
    t.integer('number').notNullable();
  });

  await knex.schema.createTable('bell_schedules', (t) => {
    syncColumns(t);
    t.string('shift_id', 36).notNullable().references('shifts.id');
    t.string('name', 100).notNullable();
  });

  await knex.schema.createTable('bell_periods', (t) => {
    syncColumns(t);
    t.string('bell_schedule_id', 36).notNullable().references('bell_schedules.id');
    t.integer('period').notNullable();
    t.string('starts_at', 5).notNullable(); // HH:MM, school's local time
    t.string('ends_at', 5).notNullable();
  });

  await knex.schema.createTable('subjects', (t) => {
    syncColumns(t);
    t.string('code', 40).notNullable();
    t.string('name_kk', 200).notNullable();
    t.string('name_ru', 200).notNullable();
    t.string('name_en', 200).notNullable();
    t.string('assessment', 16).notNullable().defaultTo('marks'); // marks | pass_fail | none
    t.unique(['school_id', 'code']);
  });

  await knex.schema.createTable('rooms', (t) => {
    syncColumns(t);
    t.string('number', 16).notNullable();
    t.string('kind', 20).notNullable(); // classroom | ict | lab | gym | library | medical | office | assembly
    t.integer('floor');
    t.integer('capacity');
    t.boolean('interactive_board').notNullable().defaultTo(false);
    t.boolean('multimedia_podium').notNullable().defaultTo(false);
  });

  await knex.schema.createTable('people', (t) => {
    syncColumns(t);
    t.string('last_name', 100).notNullable();
    t.string('first_name', 100).notNullable();
    t.string('middle_name', 100); // patronymic
    t.string('gender', 1); // f | m
    t.string('birth_date', 10);
    t.string('phone', 30);
    t.string('email', 200);
    t.string('language', 2); // preferred: kk | ru | en
  });

  await knex.schema.createTable('staff', (t) => {
    syncColumns(t);
    t.string('person_id', 36).notNullable().references('people.id');
    t.string('position', 40).notNullable(); // teacher | director | deputy_director | nurse | librarian | psychologist | sysadmin
    t.string('category', 40); // teacher category: pedagog_stazher … pedagog_master
    t.string('hired_on', 10);
    t.string('attestation_due', 10);
  });

  await knex.schema.createTable('users', (t) => {
    syncColumns(t);
    t.string('person_id', 36).notNullable().references('people.id');
    t.string('login', 80).notNullable().unique();
    t.string('password_hash', 200); // argon2id, never leaves the server
    t.string('locale', 2).notNullable().defaultTo('kk');
    t.integer('failed_attempts').notNullable().defaultTo(0);
    t.string('locked_until', 30);
    t.boolean('disabled').notNullable().defaultTo(false);
  });

  await knex.schema.createTable('user_roles', (t) => {
    syncColumns(t);
    t.string('user_id', 36).notNullable().references('users.id');
    t.string('role', 24).notNullable();
    t.unique(['user_id', 'role']);
  });

  await knex.schema.createTable('classes', (t) => {
    syncColumns(t);
    t.string('academic_year_id', 36).notNullable().references('academic_years.id');
    t.integer('grade').notNullable();
    t.string('letter', 4).notNullable();
    t.string('language', 2).notNullable(); // medium of instruction: kk | ru
    t.string('shift_id', 36).notNullable().references('shifts.id');
    t.string('class_teacher_id', 36).references('people.id');
    t.string('home_room_id', 36).references('rooms.id');
  });

  await knex.schema.createTable('class_groups', (t) => {
    syncColumns(t);
    t.string('class_id', 36).notNullable().references('classes.id');
    t.string('kind', 20).notNullable(); // split: the class divided in two for languages and informatics
    t.integer('number').notNullable();
  });

  await knex.schema.createTable('enrolments', (t) => {
    syncColumns(t);
    t.string('class_id', 36).notNullable().references('classes.id');
    t.string('student_id', 36).notNullable().references('people.id');
    t.string('group_id', 36).references('class_groups.id'); // the pupil's half of the class when it splits
    t.string('enrolled_on', 10).notNullable();
    t.string('left_on', 10);
  });

  await knex.schema.createTable('guardians', (t) => {
    syncColumns(t);
    t.string('parent_id', 36).notNullable().references('people.id');
    t.string('child_id', 36).notNullable().references('people.id');
    t.string('relation', 16).notNullable(); // mother | father | guardian
  });

  await knex.schema.createTable('curriculum', (t) => {
    syncColumns(t);
    t.string('academic_year_id', 36).notNullable().references('academic_years.id');
    t.integer('grade').notNullable();
    t.string('language', 2).notNullable();
    t.string('subject_id', 36).notNullable().references('subjects.id');
    t.decimal('weekly_hours', 4, 1).notNullable();
    t.boolean('split_into_groups').notNullable().defaultTo(false);
  });

  await knex.schema.createTable('teaching_assignments', (t) => {
    syncColumns(t);
    t.string('academic_year_id', 36).notNullable().references('academic_years.id');
    t.string('teacher_id', 36).notNullable().references('people.id');
    t.string('class_id', 36).notNullable().references('classes.id');
    t.string('group_id', 36).references('class_groups.id');
    t.string('subject_id', 36).notNullable().references('subjects.id');
    t.decimal('weekly_hours', 4, 1).notNullable();
  });

  await knex.schema.createTable('timetable_entries', (t) => {
    syncColumns(t);
    t.string('academic_year_id', 36).notNullable().references('academic_years.id');
    t.string('assignment_id', 36).notNullable().references('teaching_assignments.id');
    t.string('class_id', 36).notNullable().references('classes.id');
    t.string('group_id', 36).references('class_groups.id');
    t.string('subject_id', 36).notNullable().references('subjects.id');
    t.string('teacher_id', 36).notNullable().references('people.id');
    t.string('room_id', 36).references('rooms.id');
    t.string('shift_id', 36).notNullable().references('shifts.id');
    t.integer('weekday').notNullable(); // 1 = Monday … 6 = Saturday
    t.integer('period').notNullable();
    t.string('week_parity', 5).notNullable().defaultTo('every'); // every | odd | even (half-hour subjects)
    t.index(['school_id', 'teacher_id', 'weekday']);
  });

  await knex.schema.createTable('lessons', (t) => {
    syncColumns(t);
    t.string('timetable_entry_id', 36).references('timetable_entries.id');
    t.string('date', 10).notNullable();
    t.integer('period').notNullable();
    t.string('starts_at', 5).notNullable();
    t.string('ends_at', 5).notNullable();
    t.string('class_id', 36).notNullable().references('classes.id');
    t.string('group_id', 36).references('class_groups.id');
    t.string('subject_id', 36).notNullable().references('subjects.id');
    t.string('teacher_id', 36).notNullable().references('people.id');
    t.string('room_id', 36).references('rooms.id');
    t.string('topic', 500);
    t.string('status', 12).notNullable().defaultTo('planned'); // planned | held | cancelled
    t.index(['school_id', 'teacher_id', 'date']);
    t.index(['school_id', 'class_id', 'date']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'lessons', 'timetable_entries', 'teaching_assignments', 'curriculum', 'guardians', 'enrolments',
    'class_groups', 'classes', 'user_roles', 'users', 'staff', 'people', 'rooms', 'subjects',
    'bell_periods', 'bell_schedules', 'shifts', 'holidays', 'terms', 'academic_years', 'schools',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
