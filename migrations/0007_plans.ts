import type { Knex } from 'knex';
import { syncColumns } from '../src-core/db/columns';

/**
 * The calendar-thematic plan (КТП) a teacher keeps for a subject in a grade for the year: its topics in order,
 * grouped in sections (a СОР closes a section), with their hours. A lesson remembers which topic of a plan wrote
 * its topic and the text written, so that applying a plan again replaces only what a plan wrote, never a topic the
 * teacher changed by hand.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('plans', (t) => {
    syncColumns(t);
    t.string('academic_year_id', 36).notNullable().references('academic_years.id');
    t.string('subject_id', 36).notNullable().references('subjects.id');
    t.integer('grade').notNullable();
    t.string('language', 2).notNullable(); // kk | ru
    t.string('teacher_id', 36).notNullable().references('people.id'); // the author
    t.string('title', 200).notNullable();
    t.unique(['school_id', 'academic_year_id', 'subject_id', 'grade', 'language', 'teacher_id']);
  });
  await knex.schema.createTable('plan_topics', (t) => {
    syncColumns(t);
    t.string('plan_id', 36).notNullable().references('plans.id');
    t.integer('position').notNullable(); // 1, 2, … in the plan's order
    t.string('section', 300);
    t.string('title', 500).notNullable();
    t.decimal('hours', 4, 1).notNullable();
    t.boolean('sor').notNullable().defaultTo(false); // a СОР at the end of this topic
    t.boolean('soch').notNullable().defaultTo(false);
    t.index(['plan_id', 'position']);
  });
  await knex.schema.alterTable('lessons', (t) => {
    t.string('plan_topic_id', 36); // the plan's topic that wrote lessons.topic
    t.string('plan_topic_text', 500); // what it wrote: a topic that differs was changed by hand
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('lessons', (t) => {
    t.dropColumn('plan_topic_text');
    t.dropColumn('plan_topic_id');
  });
  await knex.schema.dropTable('plan_topics');
  await knex.schema.dropTable('plans');
}
