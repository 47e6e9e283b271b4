import type { LessonPlan, PlanResource, Resource } from '../../../../src-core/contract/ops/resources';

/** A lesson in a Kazakh school lasts 45 minutes: the stages' minutes are weighed against it. */
export const LESSON_MINUTES = 45;
export const MAX_OBJECTIVES = 10;
export const MAX_STAGES = 12;
export const MAX_RESOURCES = 30;

export interface ObjectiveDraft { key: string; text: string }
export interface StageDraft { key: string; title: string; minutes: string; notes: string }

/** The plan as the form holds it: texts as typed, each line with a key of its own (lines move and go). */
export interface PlanDraft {
  objectives: ObjectiveDraft[];
  stages: StageDraft[];
  resources: PlanResource[];
  notes: string;
}

let counter = 0;
/** A key for a new line of the form (React tells the lines apart by it while they move). */
export function lineKey(): string {
  counter += 1;
  return `line-${counter}`;
}

export function draftOf(plan: LessonPlan | null): PlanDraft {
  return {
    objectives: (plan?.objectives ?? []).map((text) => ({ key: lineKey(), text })),
    stages: (plan?.stages ?? []).map((s) => ({ key: lineKey(), title: s.title, minutes: String(s.minutes), notes: s.notes ?? '' })),
    resources: plan?.resources ?? [],
    notes: plan?.notes ?? '',
  };
}

/** What is wrong with a draft, line by line: the message key and the line (1-based) it is on. */
export interface DraftProblem { field: 'objective' | 'stageTitle' | 'stageMinutes'; line: number; messageKey: string }

/** A stage's minutes as typed: a whole number from 1 to 90, or null. */
export function minutesOf(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && n <= 90 ? n : null;
}

/**
 * The draft as lesson.setPlan takes it. Empty objective lines are dropped; an empty stage (no title, no notes)
 * too; a stage without a title, or with minutes that are not 1–90, is a problem named by its line.
 */
export function planOf(draft: PlanDraft): { ok: true; plan: LessonPlan } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const objectives = draft.objectives.map((o) => o.text.trim().slice(0, 500).trim()).filter(Boolean);
  const stages: LessonPlan['stages'] = [];
  draft.stages.forEach((s, i) => {
    const title = s.title.trim().slice(0, 200).trim();
    const notes = s.notes.trim().slice(0, 2000).trim();
    if (!title && !notes && !s.minutes.trim()) return;
    const minutes = minutesOf(s.minutes);
    if (!title) problems.push({ field: 'stageTitle', line: i + 1, messageKey: 'lessonPlan.problem.stageTitle' });
    if (minutes === null) problems.push({ field: 'stageMinutes', line: i + 1, messageKey: 'lessonPlan.problem.stageMinutes' });
    if (title && minutes !== null) stages.push({ title, minutes, notes: notes || null });
  });
  if (problems.length > 0) return { ok: false, problems };
  const notes = draft.notes.trim().slice(0, 4000).trim();
  return {
    ok: true,
    plan: {
      objectives: objectives.slice(0, MAX_OBJECTIVES),
      stages: stages.slice(0, MAX_STAGES),
      resources: draft.resources.slice(0, MAX_RESOURCES),
      notes: notes || null,
    },
  };
}

/** A plan written out in one fixed order, so that two plans with the same content compare equal. */
function canonical(p: LessonPlan): string {
  return JSON.stringify([
    p.objectives,
    p.stages.map((s) => [s.title, s.minutes, s.notes ?? null]),
    p.resources.map((r) => [r.resourceId, r.sha256, r.title, r.kind, r.mime, r.size]),
    p.notes ?? null,
  ]);
}

const EMPTY_PLAN: LessonPlan = { objectives: [], stages: [], resources: [], notes: null };

/** The draft says what the saved plan says (no plan saved: the draft is empty); a draft with problems never does. */
export function sameAsSaved(draft: PlanDraft, saved: LessonPlan | null): boolean {
  const checked = planOf(draft);
  return checked.ok && canonical(checked.plan) === canonical(saved ?? EMPTY_PLAN);
}

/** The minutes of the stages written so far (lines whose minutes are not a number count nothing). */
export function totalMinutes(stages: readonly StageDraft[]): number {
  return stages.reduce((sum, s) => sum + (minutesOf(s.minutes) ?? 0), 0);
}

/** The stages' minutes against the lesson's 45: short of it, just right, or over. */
export function minutesBalance(total: number, lesson = LESSON_MINUTES): { state: 'under' | 'exact' | 'over'; difference: number } {
  if (total === lesson) return { state: 'exact', difference: 0 };
  return total < lesson ? { state: 'under', difference: lesson - total } : { state: 'over', difference: total - lesson };
}

/** The list with the item at `index` moved by `delta` places (up: −1, down: +1); the same list when it cannot move. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}

/** A library resource as the plan keeps it: a copy of what shows and fetches it, so the plan outlives the entry. */
export function planResourceOf(r: Resource): PlanResource {
  return { resourceId: r.id, sha256: r.sha256, title: r.title.slice(0, 300), kind: r.kind, mime: r.mime.slice(0, 100), size: r.size };
}

/** The draft with a resource attached (once: a resource already there is not added again; never past 30). */
export function attach(draft: PlanDraft, r: Resource): PlanDraft {
  if (draft.resources.some((p) => p.resourceId === r.id) || draft.resources.length >= MAX_RESOURCES) return draft;
  return { ...draft, resources: [...draft.resources, planResourceOf(r)] };
}

/** The three parts of the short-term plan's usual form (beginning, middle, end of the lesson) with their minutes. */
export function usualStages(titles: { start: string; middle: string; end: string }): StageDraft[] {
  return [
    { key: lineKey(), title: titles.start, minutes: '5', notes: '' },
    { key: lineKey(), title: titles.middle, minutes: '35', notes: '' },
    { key: lineKey(), title: titles.end, minutes: '5', notes: '' },
  ];
}
