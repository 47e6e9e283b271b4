/**
 * The rules of a lesson's panel, as pure functions: when the editing period ends, when a change needs a reason (the
 * lesson is open only because the administration unlocked it), and what the summative and unlock forms send.
 */
import type { InputOf } from '../../../../src-core/contract/operations';
import { addDays } from '../../../i18n/dates';

interface LessonDates { date: string; unlockedUntil: string | null }

/** The last day a lesson's cells may be changed without an unlock (the lesson's day plus the editing period). */
export const lastEditingDay = (lesson: { date: string }, editingDays: number) => addDays(lesson.date, editingDays);

/** The first day the lesson's cells are locked. */
export const lockedSince = (lesson: { date: string }, editingDays: number) => addDays(lesson.date, editingDays + 1);

/**
 * A change needs a reason when the editing period is over and the lesson is open only because it was unlocked
 * until today or later (the reason stays with the cell's version and in its history).
 */
export function needsReason(lesson: LessonDates, today: string, editingDays: number): boolean {
  if (today <= lastEditingDay(lesson, editingDays)) return false;
  return lesson.unlockedUntil !== null && lesson.unlockedUntil >= today;
}

/** A reason as sent: trimmed, at most 500 characters; null when there is none. */
export function reasonOf(text: string | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return trimmed ? trimmed.slice(0, 500) : null;
}

export type SummativeKind = 'none' | 'sor' | 'soch';

export type FormCheck<T> = { ok: true; input: T } | { ok: false; error: string; field: string };

/** The summative form → lesson.setSummative: "none" clears it; a СОР or СОЧ needs a whole maximum from 1 to 100. */
export function summativeInput(lessonId: string, kind: SummativeKind, maxScore: string, title: string): FormCheck<InputOf<'lesson.setSummative'>> {
  if (kind === 'none') return { ok: true, input: { lessonId, kind: null } };
  const max = Number(maxScore.trim());
  if (!maxScore.trim() || !Number.isInteger(max) || max < 1 || max > 100) return { ok: false, error: 'journal.lesson.maxInvalid', field: 'maxScore' };
  const named = title.trim();
  return { ok: true, input: { lessonId, kind, maxScore: max, ...(named ? { title: named.slice(0, 200) } : {}) } };
}

/** The unlock form → journal.unlockLesson: a day from today on and a reason. */
export function unlockInput(lessonId: string, until: string, reason: string, today: string): FormCheck<InputOf<'journal.unlockLesson'>> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until < today) return { ok: false, error: 'journal.lesson.untilInvalid', field: 'until' };
  const why = reasonOf(reason);
  if (!why) return { ok: false, error: 'journal.reasonRequired', field: 'reason' };
  return { ok: true, input: { lessonId, until, reason: why } };
}
