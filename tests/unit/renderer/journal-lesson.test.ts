import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../src-core/i18n';
import { lessonLocked } from '../../../src-core/journal/rules';
import { lastEditingDay, lockedSince, needsReason, reasonOf, summativeInput, unlockInput } from '../../../src-renderer/roles/teacher/journal/lesson';
import { patchCell, patchLesson, type Lesson } from '../../../src-renderer/roles/teacher/journal/model';

const lesson = (date: string, unlockedUntil: string | null = null) => ({ date, unlockedUntil });

describe('the editing period of a lesson', () => {
  it('ends editingDays after the lesson; the cells lock the day after', () => {
    expect(lastEditingDay({ date: '2026-11-23' }, 7)).toBe('2026-11-30');
    expect(lockedSince({ date: '2026-11-23' }, 7)).toBe('2026-12-01');
    expect(lockedSince({ date: '2026-12-28' }, 7)).toBe('2027-01-05');
  });
});

describe('a change needs a reason', () => {
  it('not within the editing period, unlocked or not', () => {
    expect(needsReason(lesson('2026-11-23'), '2026-11-23', 7)).toBe(false);
    expect(needsReason(lesson('2026-11-23'), '2026-11-30', 7)).toBe(false);
    expect(needsReason(lesson('2026-11-23', '2026-12-10'), '2026-11-30', 7)).toBe(false);
  });

  it('when the lesson is open only because it was unlocked until today or later', () => {
    expect(needsReason(lesson('2026-11-23', '2026-12-01'), '2026-12-01', 7)).toBe(true);
    expect(needsReason(lesson('2026-11-01', '2026-12-05'), '2026-12-01', 7)).toBe(true);
  });

  it('not when the unlock is over (the lesson is locked) or there is none', () => {
    expect(needsReason(lesson('2026-11-01', '2026-11-30'), '2026-12-01', 7)).toBe(false);
    expect(needsReason(lesson('2026-11-01'), '2026-12-01', 7)).toBe(false);
  });

  it('agrees with the server: a lesson needs a reason exactly when it is past its period and not locked', () => {
    const today = '2026-12-01';
    for (const date of ['2026-11-01', '2026-11-23', '2026-11-24', '2026-11-30', '2026-12-01']) {
      for (const until of [null, '2026-11-30', '2026-12-01', '2026-12-20']) {
        const past = today > lastEditingDay({ date }, 7);
        const locked = lessonLocked({ date, unlocked_until: until }, today, 7);
        expect(needsReason(lesson(date, until), today, 7), `${date} ${until}`).toBe(past && !locked);
      }
    }
  });

  it('a reason is trimmed; blanks are none', () => {
    expect(reasonOf('  пропущено по болезни ')).toBe('пропущено по болезни');
    expect(reasonOf('   ')).toBeNull();
    expect(reasonOf(undefined)).toBeNull();
    expect(reasonOf('x'.repeat(600))).toHaveLength(500);
  });
});

describe('the summative form', () => {
  it('none clears the work; a СОР or СОЧ sends its maximum and title', () => {
    expect(summativeInput('l', 'none', '', '')).toEqual({ ok: true, input: { lessonId: 'l', kind: null } });
    expect(summativeInput('l', 'sor', '10', ' Бөлім 1 ')).toEqual({ ok: true, input: { lessonId: 'l', kind: 'sor', maxScore: 10, title: 'Бөлім 1' } });
    expect(summativeInput('l', 'soch', '25', '  ')).toEqual({ ok: true, input: { lessonId: 'l', kind: 'soch', maxScore: 25 } });
  });

  it('refuses a maximum that is not a whole number from 1 to 100', () => {
    for (const max of ['', '0', '101', '7.5', 'abc', '-3']) {
      expect(summativeInput('l', 'sor', max, ''), max).toEqual({ ok: false, error: 'journal.lesson.maxInvalid', field: 'maxScore' });
    }
  });
});

describe('the unlock form', () => {
  it('needs a day from today on and a reason', () => {
    expect(unlockInput('l', '2026-12-05', ' исправление ошибки ', '2026-12-01')).toEqual({ ok: true, input: { lessonId: 'l', until: '2026-12-05', reason: 'исправление ошибки' } });
    expect(unlockInput('l', '2026-12-01', 'x', '2026-12-01').ok).toBe(true);
    expect(unlockInput('l', '2026-11-30', 'x', '2026-12-01')).toMatchObject({ ok: false, field: 'until' });
    expect(unlockInput('l', '', 'x', '2026-12-01')).toMatchObject({ ok: false, field: 'until' });
    expect(unlockInput('l', '2026-12-05', '  ', '2026-12-01')).toMatchObject({ ok: false, field: 'reason' });
  });

  it('every message of the panel is in each language', () => {
    for (const key of ['journal.lesson.maxInvalid', 'journal.lesson.untilInvalid', 'journal.reasonRequired', 'journal.reasonNeeded', 'journal.remarkTitle', 'journal.lesson.lockedSince']) {
      for (const [locale, catalog] of Object.entries(catalogs)) expect(catalog[key], `${locale} ${key}`).toBeTruthy();
    }
  });
});

describe('patching the page', () => {
  it('a remark patches the cell and keeps its marks', () => {
    const cells = [{ lessonId: 'a', studentId: 's', fo: { value: 7, version: 2 }, score: null, code: null, remark: null }];
    expect(patchCell(cells, 'a', 's', { remark: 'Жарайсың' })[0]).toMatchObject({ fo: { value: 7 }, remark: 'Жарайсың' });
    expect(patchCell(cells, 'a', 's', { remark: null })[0]!.remark).toBeNull();
  });

  it('a lesson write patches only that lesson', () => {
    const l = (id: string): Lesson => ({ id, date: '2026-11-23', period: 1, topic: null, homework: null, status: 'held', teacherId: 't', summative: null, locked: false, unlockedUntil: null, writable: true });
    const out = patchLesson([l('a'), l('b')], 'b', { topic: 'Бөлшектер', summative: { kind: 'sor', max: 10, title: null } });
    expect(out[0]).toEqual(l('a'));
    expect(out[1]).toMatchObject({ topic: 'Бөлшектер', summative: { kind: 'sor', max: 10 } });
  });
});
