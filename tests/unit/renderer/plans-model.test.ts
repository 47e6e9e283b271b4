import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_FILE_MAX_BYTES } from '../../../src-core/contract/ops/plans';
import {
  applyCounts, applyTargets, bytesToBase64, hoursText, importChoices, parseHours, planFileProblem, planReplaced, planTotals, startsSection,
  type ApplyResult, type PlanSummary,
} from '../../../src-renderer/roles/teacher/plans/model';

const ALGEBRA = { id: '00000000-0000-4000-8000-0000000000a1', code: 'ALG', name: { kk: 'Алгебра', ru: 'Алгебра', en: 'Algebra' } };
const GEOMETRY = { id: '00000000-0000-4000-8000-0000000000a2', code: 'GEO', name: { kk: 'Геометрия', ru: 'Геометрия', en: 'Geometry' } };
const klass = (name: string, grade: number, language: 'kk' | 'ru' = 'kk') => ({ id: `00000000-0000-4000-8000-0000000${String(grade).padStart(2, '0')}${name.charCodeAt(name.length - 1).toString(16).padStart(3, '0')}`, name, grade, letter: name.slice(-1), language });
const journal = (c: ReturnType<typeof klass>, subject: typeof ALGEBRA, mine = true, group: { id: string; number: number } | null = null) => ({ class: c, group, subject, teachers: [], mine });

describe('hours as a teacher types them', () => {
  it('take a comma or a point, in halves from 0.5 to 20', () => {
    expect(['2', '1,5', '0.5', ' 20 '].map(parseHours)).toEqual([2, 1.5, 0.5, 20]);
    expect(['0', '1,25', '21', '', 'екі', '-1'].map(parseHours)).toEqual([null, null, null, null, null, null]);
  });

  it('are written with the decimal sign of the language', () => {
    expect(hoursText(1.5, 'kk')).toBe('1,5');
    expect(hoursText(1.5, 'ru')).toBe('1,5');
    expect(hoursText(1.5, 'en')).toBe('1.5');
    expect(hoursText(34, 'en')).toBe('34');
  });
});

describe("a plan's totals", () => {
  it('count topics, hours, СОР and СОЧ', () => {
    expect(planTotals([{ hours: 2, sor: false, soch: false }, { hours: 1.5, sor: true, soch: false }, { hours: 1, sor: false, soch: true }]))
      .toEqual({ topics: 3, hours: 4.5, sor: 1, soch: 1 });
  });

  it('write a section on its first line only', () => {
    const topics = [{ section: 'Степени' }, { section: 'Степени' }, { section: null }, { section: 'Одночлены' }, { section: 'Степени' }];
    expect(topics.map((_, i) => startsSection(topics, i))).toEqual([true, false, false, true, true]);
  });
});

describe('what a teacher may import and lay out', () => {
  const journals = [
    journal(klass('7А', 7), ALGEBRA), journal(klass('7Б', 7, 'ru'), ALGEBRA), journal(klass('8А', 8), GEOMETRY),
    journal(klass('9А', 9), ALGEBRA, false), journal(klass('7В', 7), ALGEBRA, true, { id: '00000000-0000-4000-8000-00000000f001', number: 2 }),
  ];

  it('imports for the subjects and grades of their own journals, each once, in the language of the first class', () => {
    expect(importChoices(journals, 'ru').map((c) => [c.subjectName, c.grade, c.language])).toEqual([['Алгебра', 7, 'kk'], ['Геометрия', 8, 'kk']]);
  });

  it('lays a plan onto their own classes (and groups) of its subject and grade', () => {
    const targets = applyTargets(journals, { subject: { id: ALGEBRA.id }, grade: 7 });
    expect(targets.map((x) => [x.className, x.group])).toEqual([['7А', null], ['7Б', null], ['7В', 2]]);
    expect(applyTargets(journals, { subject: { id: ALGEBRA.id }, grade: 9 })).toEqual([]);
  });

  it('knows which of their plans an import replaces', () => {
    const plan = { mine: true, subject: ALGEBRA, grade: 7, language: 'kk', title: 'КТП' } as PlanSummary;
    expect(planReplaced([plan], { subjectId: ALGEBRA.id, grade: 7 }, 'kk')).toBe(plan);
    expect(planReplaced([plan], { subjectId: ALGEBRA.id, grade: 7 }, 'ru')).toBeNull();
    expect(planReplaced([{ ...plan, mine: false }], { subjectId: ALGEBRA.id, grade: 7 }, 'kk')).toBeNull();
  });
});

describe('a plan file before it is sent', () => {
  it('must be .xlsx or .csv and at most 2 MB', () => {
    expect(planFileProblem({ name: 'КТП.XLSX', size: 10 })).toBeNull();
    expect(planFileProblem({ name: 'plan.csv', size: PLAN_FILE_MAX_BYTES })).toBeNull();
    expect(planFileProblem({ name: 'plan.docx', size: 10 })).toEqual({ key: 'error.plan_file_type', params: { name: 'plan.docx' } });
    expect(planFileProblem({ name: 'plan.csv', size: PLAN_FILE_MAX_BYTES + 1 })).toEqual({ key: 'error.plan_file_too_large', params: { max: 2 } });
  });

  it('travels as the same base64 Node writes, however large', () => {
    const fixture = readFileSync(path.join(__dirname, '../../fixtures/plans/algebra-7-ru.csv'));
    expect(bytesToBase64(new Uint8Array(fixture))).toBe(fixture.toString('base64'));
    const big = new Uint8Array(PLAN_FILE_MAX_BYTES).map((_, i) => (i * 31) % 256);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});

describe('the outcome of laying out', () => {
  it('is counted line by line, a locked lesson and a topic that did not fit called out', () => {
    const result = {
      from: '2026-09-01', written: 10, unchanged: 2, kept: 1, locked: 3, cleared: 0, lessons: [], spareLessons: 4,
      notFitted: [{ position: 30, title: 'Қайталау', missingLessons: 2 }],
    } as ApplyResult;
    expect(applyCounts(result).map((c) => [c.key, c.n, c.tone])).toEqual([
      ['written', 10, 'ok'], ['unchanged', 2, 'plain'], ['kept', 1, 'plain'], ['locked', 3, 'warn'],
      ['cleared', 0, 'plain'], ['notFitted', 1, 'warn'], ['spare', 4, 'plain'],
    ]);
  });
});
