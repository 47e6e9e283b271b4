import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../src-core/i18n';
import {
  absenceTotals, excusedCodes, KNOWN_RELATIONS, markShown, pupilsAtRisk, relationKey, shortSubject, sickNoteProblem, telHref, type SummaryPupil,
} from '../../../src-renderer/roles/teacher/class/model';

const pupil = (id: string, atRisk: string[], absences = { lessons: 0, excused: 0, unexcused: 0, late: 0 }): SummaryPupil => ({
  pupil: { id, lastName: 'Ахметов', firstName: 'Ерлан', middleName: null }, marks: [], absences, atRisk, parents: [],
});

describe('short subject names', () => {
  it('keeps short names, cuts long words after a syllable, makes initials of long names, drops brackets', () => {
    expect(shortSubject('Математика')).toBe('Математика');
    expect(shortSubject('Қазақ тілі')).toBe('Қазақ тілі');
    expect(shortSubject('История Казахстана')).toBe('Ист. Каз.');
    expect(shortSubject('Физическая культура')).toBe('Физ. кул.');
    expect(shortSubject('Казахский язык и литература')).toBe('Каз. язык и лит.');
    expect(shortSubject('Начальная военная и технологическая подготовка')).toBe('НВТП');
    expect(shortSubject('Шетел тілі (ағылшын)')).toBe('Шетел тілі');
    expect(shortSubject('Информатика')).toBe('Инф.');
  });
});

describe('the summary', () => {
  it('shows a mark, a pass or a fail, or nothing', () => {
    expect(markShown({ subjectId: 's', percent: 81, mark: 4, pass: null })).toEqual({ kind: 'mark', mark: 4 });
    expect(markShown({ subjectId: 's', percent: null, mark: null, pass: false })).toEqual({ kind: 'fail' });
    expect(markShown({ subjectId: 's', percent: null, mark: null, pass: true })).toEqual({ kind: 'pass' });
    expect(markShown({ subjectId: 's', percent: null, mark: null, pass: null })).toEqual({ kind: 'none' });
    expect(markShown(undefined)).toEqual({ kind: 'none' });
  });

  it('counts the pupils at risk in any subject once, and adds up the absences', () => {
    const pupils = [pupil('a', ['m', 'p']), pupil('b', []), pupil('c', ['m'], { lessons: 3, excused: 2, unexcused: 1, late: 4 })];
    expect(pupilsAtRisk(pupils)).toBe(2);
    expect(absenceTotals(pupils)).toEqual({ lessons: 3, excused: 2, unexcused: 1, late: 4 });
  });
});

describe('the sick note', () => {
  it('offers only the codes of an excused absence', () => {
    const codes = [
      { code: 'ж', absent: true, excused: false }, { code: 'д', absent: true, excused: true },
      { code: 'а', absent: true, excused: true }, { code: 'к', absent: false, excused: false },
    ];
    expect(excusedCodes(codes).map((c) => c.code)).toEqual(['д', 'а']);
  });

  it('wants the days in order, a code and a reason', () => {
    const ok = { from: '2026-11-16', to: '2026-11-20', code: 'а', reason: 'Анықтама №15' };
    expect(sickNoteProblem(ok)).toBeNull();
    expect(sickNoteProblem({ ...ok, to: '2026-11-15' })).toBe('dates');
    expect(sickNoteProblem({ ...ok, from: '' })).toBe('dates');
    expect(sickNoteProblem({ ...ok, code: '' })).toBe('code');
    expect(sickNoteProblem({ ...ok, reason: '   ' })).toBe('reason');
  });
});

describe('parents', () => {
  it('translates the known relations in every language and shows any other as written', () => {
    for (const r of KNOWN_RELATIONS) for (const c of Object.values(catalogs)) expect(c[relationKey(r)!]).toBeTruthy();
    expect(relationKey('aunt')).toBeNull();
  });

  it('dials the digits of a phone', () => {
    expect(telHref('+7 (701) 234-56-78')).toBe('tel:+77012345678');
  });
});

describe('messages', () => {
  it('every locale has every myClass message', () => {
    const keys = Object.keys(catalogs.kk).filter((k) => k.startsWith('myClass.'));
    for (const c of Object.values(catalogs)) for (const k of keys) expect(c[k], k).toBeTruthy();
  });
});
