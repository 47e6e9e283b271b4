import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { touchColumns } from '../db/touch';
import { gradingSettingsWith } from '../grading/settings';
import { schoolToday } from '../school/calendar';
import { journalRulesAt } from './rules';

/** journal.rules: the rules the journal of the current school year follows. */
export async function journalRules(ctx: HandlerContext): Promise<OutputOf<'journal.rules'>> {
  const actor = ctx.actor!;
  const rules = await journalRulesAt(ctx.db, actor.schoolId, await schoolToday(ctx.db, actor.schoolId, ctx.clock));
  return { yearId: rules.yearId, editingDays: rules.editingDays, grading: rules.grading };
}

/**
 * journal.setRules: the current year's editing period and grading settings, kept in academic_years.settings
 * (`journal.editingDays`, `grading`) beside what the year was set up with. Every device of the school hears of it
 * through its classes' buckets.
 */
export async function setJournalRules(ctx: HandlerContext, input: InputOf<'journal.setRules'>): Promise<OutputOf<'journal.setRules'>> {
  const actor = ctx.actor!;
  await ctx.changes.seq();
  const current = await journalRulesAt(ctx.db, actor.schoolId, await schoolToday(ctx.db, actor.schoolId, ctx.clock));
  if (!current.yearId) throw new OperationError('not_found', 'error.no_marking_period');
  const grading = gradingSettingsWith(input.grading ?? {});
  if (!grading.success) {
    const fields = grading.error.issues.map((issue) => ({ path: ['grading', ...issue.path].join('.'), messageKey: `field.${issue.code}` }));
    throw new OperationError('invalid_input', 'error.invalid_input', {}, fields);
  }
  const year = await ctx.db('academic_years').where({ id: current.yearId }).first();
  const settings = { ...parse(year.settings), grading: input.grading ?? {}, journal: { editingDays: input.editingDays ?? current.editingDays } };
  const touch = await touchColumns(ctx, Number(year.row_version));
  const row = { ...year, settings: JSON.stringify(settings), ...touch };
  await ctx.db('academic_years').where({ id: year.id }).update({ settings: row.settings, ...touch });
  const classes = await ctx.db('classes').where({ school_id: actor.schoolId, academic_year_id: year.id }).whereNull('deleted_at').pluck('id');
  await ctx.changes.record('academic_years', row, classes.map((id: string) => `class:${id}`));
  return { yearId: year.id, editingDays: settings.journal.editingDays, grading: grading.data };
}

function parse(value: unknown): Record<string, unknown> {
  try {
    return typeof value === 'string' ? JSON.parse(value) as Record<string, unknown> : (value as Record<string, unknown>) ?? {};
  } catch {
    return {};
  }
}
