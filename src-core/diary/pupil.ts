import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import { academicYearAt } from '../school/calendar';
import { enrolmentOf, personById, toPersonName, type PersonName } from '../school/people';

/** A pupil as the diary needs them: their name, the school year of a date and their class (and half) in it. */
export interface DiaryPupil {
  id: string;
  name: PersonName;
  year: { id: string; starts_on: string; ends_on: string; days_per_week: number } | null;
  enrolment: { id: string; grade: number; letter: string; language: string; group_id: string | null } | null;
}

export async function diaryPupilAt(ctx: HandlerContext, pupilId: string, date: string): Promise<DiaryPupil> {
  const schoolId = ctx.actor!.schoolId;
  const person = await personById(ctx.db, schoolId, pupilId);
  if (!person) throw new OperationError('not_found');
  const year = await academicYearAt(ctx.db, schoolId, date);
  const e = year ? await enrolmentOf(ctx.db, schoolId, pupilId, year.id) : undefined;
  return {
    id: pupilId,
    name: toPersonName(person),
    year: year ? { id: year.id, starts_on: year.starts_on, ends_on: year.ends_on, days_per_week: Number(year.days_per_week) } : null,
    enrolment: e ? { id: String(e.id), grade: Number(e.grade), letter: String(e.letter), language: String(e.language), group_id: e.group_id ? String(e.group_id) : null } : null,
  };
}
