import { describe, expect, it } from 'vitest';
import type { LessonPlan, Resource } from '../../../src-core/contract/ops/resources';
import { LessonPlan as LessonPlanSchema } from '../../../src-core/contract/ops/resources';
import {
  attach, draftOf, LESSON_MINUTES, lineKey, MAX_RESOURCES, minutesBalance, minutesOf, moveItem, planOf, planResourceOf, sameAsSaved, totalMinutes, usualStages,
  type PlanDraft,
} from '../../../src-renderer/roles/teacher/lesson-plan/model';
import { lessonPlanHref, parseLessonPlanHash } from '../../../src-renderer/roles/teacher/lesson-plan/route';

const LESSON = '0190b2a4-7c1e-7a00-8000-00000000abcd';

function resource(n: number): Resource {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, scope: 'school', title: `Ресурс ${n}`, fileName: `r${n}.png`, kind: 'image', mime: 'image/png',
    size: 100 + n, sha256: String(n % 10).repeat(64), subject: null, grade: null, topic: null, language: null,
    owner: { id: '00000000-0000-4000-8000-000000000002', lastName: 'Сейітова', firstName: 'Айгүл', middleName: null },
    editable: false, updatedAt: '2026-11-23T04:00:00.000Z', rowVersion: 3,
  };
}

const stage = (title: string, minutes: string, notes = '') => ({ key: lineKey(), title, minutes, notes });
const draft = (over: Partial<PlanDraft> = {}): PlanDraft => ({ objectives: [], stages: [], resources: [], notes: '', ...over });

describe('a lesson plan written in the form', () => {
  it('becomes the plan the contract takes: empty lines dropped, texts trimmed, minutes as numbers', () => {
    const checked = planOf(draft({
      objectives: [{ key: 'a', text: '  7.4.2.1 графигін салу ' }, { key: 'b', text: '   ' }],
      stages: [stage(' Сабақтың басы ', '5', ' Сәлемдесу '), stage('', '', ''), stage('Сабақтың ортасы', '35')],
      resources: [planResourceOf(resource(1))],
      notes: '  ',
    }));
    expect(checked).toEqual({
      ok: true,
      plan: {
        objectives: ['7.4.2.1 графигін салу'],
        stages: [{ title: 'Сабақтың басы', minutes: 5, notes: 'Сәлемдесу' }, { title: 'Сабақтың ортасы', minutes: 35, notes: null }],
        resources: [planResourceOf(resource(1))],
        notes: null,
      },
    });
    expect(LessonPlanSchema.safeParse(checked.ok && checked.plan).success).toBe(true);
  });

  it('names the lines of a stage without a title or with minutes that are not 1–90', () => {
    const checked = planOf(draft({ stages: [stage('Басы', '5'), stage('', '10', 'топтық жұмыс'), stage('Соңы', '0'), stage('Рефлексия', '2,5')] }));
    expect(checked).toEqual({
      ok: false,
      problems: [
        { field: 'stageTitle', line: 2, messageKey: 'lessonPlan.problem.stageTitle' },
        { field: 'stageMinutes', line: 3, messageKey: 'lessonPlan.problem.stageMinutes' },
        { field: 'stageMinutes', line: 4, messageKey: 'lessonPlan.problem.stageMinutes' },
      ],
    });
  });

  it('reads minutes as whole numbers from 1 to 90', () => {
    expect(['1', ' 45 ', '90'].map(minutesOf)).toEqual([1, 45, 90]);
    expect(['0', '91', '', '4.5', '-3', 'бес'].map(minutesOf)).toEqual([null, null, null, null, null, null]);
  });

  it('is the saved plan again after a round trip, and differs once a line changes', () => {
    const saved: LessonPlan = {
      objectives: ['Мақсат'], stages: [{ title: 'Басы', minutes: 5, notes: null }], resources: [planResourceOf(resource(2))], notes: 'Ескерту',
    };
    const d = draftOf(saved);
    expect(sameAsSaved(d, saved)).toBe(true);
    expect(sameAsSaved({ ...d, notes: 'Ескерту ' }, saved)).toBe(true);
    expect(sameAsSaved({ ...d, notes: 'Басқа' }, saved)).toBe(false);
    expect(sameAsSaved({ ...d, stages: d.stages.map((s) => ({ ...s, minutes: '6' })) }, saved)).toBe(false);
    expect(sameAsSaved(draftOf(null), null)).toBe(true);
    expect(sameAsSaved(draft({ objectives: [{ key: 'x', text: 'Жаңа' }] }), null)).toBe(false);
    expect(sameAsSaved(draft({ stages: [stage('', '5')] }), null)).toBe(false);
  });
});

describe("the stages' minutes against the lesson", () => {
  it('add up what is a number and compare with 45', () => {
    expect(LESSON_MINUTES).toBe(45);
    expect(totalMinutes([stage('a', '5'), stage('b', '35'), stage('c', 'x')])).toBe(40);
    expect(minutesBalance(40)).toEqual({ state: 'under', difference: 5 });
    expect(minutesBalance(45)).toEqual({ state: 'exact', difference: 0 });
    expect(minutesBalance(50)).toEqual({ state: 'over', difference: 5 });
    expect(totalMinutes(usualStages({ start: 'a', middle: 'b', end: 'c' }))).toBe(45);
  });
});

describe('reordering', () => {
  it('moves an item up or down, and leaves the list as it is at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('resources attached to a plan', () => {
  it('keep a copy of what shows and fetches them', () => {
    expect(planResourceOf(resource(7))).toEqual({ resourceId: resource(7).id, sha256: '7'.repeat(64), title: 'Ресурс 7', kind: 'image', mime: 'image/png', size: 107 });
  });

  it('are attached once each, and never past the most a plan holds', () => {
    const once = attach(draft(), resource(1));
    expect(attach(once, resource(1)).resources).toHaveLength(1);
    let full = draft();
    for (let n = 1; n <= MAX_RESOURCES + 5; n++) full = attach(full, resource(n));
    expect(full.resources).toHaveLength(MAX_RESOURCES);
  });
});

describe("a lesson plan's address", () => {
  it('names the lesson and its date, and reads back', () => {
    expect(lessonPlanHref(LESSON, '2026-11-23')).toBe(`#/lesson-plan/${LESSON}?date=2026-11-23`);
    expect(parseLessonPlanHash(lessonPlanHref(LESSON, '2026-11-23'))).toEqual({ lessonId: LESSON, date: '2026-11-23' });
    expect(parseLessonPlanHash(lessonPlanHref(LESSON))).toEqual({ lessonId: LESSON, date: null });
  });

  it('is nothing for another hash, a malformed id or date', () => {
    expect(parseLessonPlanHash('')).toBeNull();
    expect(parseLessonPlanHash('#/board')).toBeNull();
    expect(parseLessonPlanHash('#/lesson-plan/not-an-id')).toBeNull();
    expect(parseLessonPlanHash(`#/lesson-plan/${LESSON}?date=23.11.2026`)).toEqual({ lessonId: LESSON, date: null });
  });
});
