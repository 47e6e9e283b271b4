import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../src-core/i18n';
import { actionOf, codeKeys, commitPending, FO_RANGE, moveFocus, typeDigit, visibleRange } from '../../../src-renderer/roles/teacher/journal/keys';
import { columnsOf, conflictsByCell, patchCell, type Lesson } from '../../../src-renderer/roles/teacher/journal/model';

const CODES = ['ж', 'д', 'а', 'к'];
const keys = codeKeys(CODES, Object.values(catalogs).map((c) => c['journal.codeKeys']!));

describe('typing a mark', () => {
  it('"1" waits for a "0": 10; "1" alone is written on Enter or after the pause', () => {
    const one = typeDigit('', '1', FO_RANGE);
    expect(one).toEqual({ pending: '1', commit: null, rejected: false });
    expect(typeDigit(one.pending, '0', FO_RANGE)).toEqual({ pending: '', commit: 10, rejected: false });
    expect(commitPending('1', FO_RANGE)).toBe(1);
  });

  it('2 to 9 are written at once; "1" then "7" is the 7 (there is no 17)', () => {
    for (const d of '23456789') expect(typeDigit('', d, FO_RANGE)).toEqual({ pending: '', commit: Number(d), rejected: false });
    expect(typeDigit('1', '7', FO_RANGE).commit).toBe(7);
  });

  it('a 0 is no formative mark: nothing happens', () => {
    expect(typeDigit('', '0', FO_RANGE)).toEqual({ pending: '', commit: null, rejected: true });
    expect(commitPending('', FO_RANGE)).toBeNull();
  });

  it('a СОР score goes from 0 to its maximum', () => {
    const sor = { min: 0, max: 20 };
    expect(typeDigit('', '0', sor).commit).toBe(0);
    expect(typeDigit('', '2', sor).pending).toBe('2');
    expect(typeDigit('2', '0', sor).commit).toBe(20);
    expect(typeDigit('', '3', sor).commit).toBe(3);
    expect(typeDigit('1', '5', sor).pending).toBe('');
    expect(typeDigit('1', '5', sor).commit).toBe(15);
    expect(typeDigit('2', '5', sor).commit).toBe(5);
    expect(commitPending('2', sor)).toBe(2);
  });
});

describe('keys in the grid', () => {
  it('moves with the arrows, Tab, Shift+Tab, and Enter commits', () => {
    expect(actionOf({ key: 'ArrowDown' }, keys)).toEqual({ type: 'move', rows: 1, cols: 0 });
    expect(actionOf({ key: 'Tab', shiftKey: true }, keys)).toEqual({ type: 'move', rows: 0, cols: -1, wrap: true });
    expect(actionOf({ key: 'Enter' }, keys)).toEqual({ type: 'commit' });
  });

  it('writes an attendance code by the code or a letter of any language', () => {
    expect(actionOf({ key: 'ж' }, keys)).toEqual({ type: 'code', code: 'ж' });
    expect(actionOf({ key: 'Н' }, keys)).toEqual({ type: 'code', code: 'ж' });
    expect(actionOf({ key: 'у' }, keys)).toEqual({ type: 'code', code: 'д' });
    expect(actionOf({ key: 'б' }, keys)).toEqual({ type: 'code', code: 'а' });
    expect(actionOf({ key: 'о' }, keys)).toEqual({ type: 'code', code: 'к' });
    expect(actionOf({ key: 'l' }, keys)).toEqual({ type: 'code', code: 'к' });
  });

  it('an alias of a code the school does not have is dropped; a code always wins over an alias', () => {
    const only = codeKeys(['ж', 'н'], ['н=ж у=д']);
    expect(only.get('н')).toBe('н');
    expect(only.has('у')).toBe(false);
  });

  it('clears, undoes, opens the history; other keys do nothing', () => {
    expect(actionOf({ key: 'Delete' }, keys)).toEqual({ type: 'clear' });
    expect(actionOf({ key: 'Backspace' }, keys)).toEqual({ type: 'clear' });
    expect(actionOf({ key: 'z', ctrlKey: true }, keys)).toEqual({ type: 'undo' });
    expect(actionOf({ key: 'я', ctrlKey: true }, keys)).toEqual({ type: 'undo' });
    expect(actionOf({ key: 'h' }, keys)).toEqual({ type: 'history' });
    for (const key of ['q', 'x', '+', 'F5', ' ', 'Shift']) expect(actionOf({ key }, keys), key).toBeNull();
    expect(actionOf({ key: 'c', ctrlKey: true }, keys)).toBeNull();
    expect(actionOf({ key: '5', altKey: true }, keys)).toBeNull();
  });
});

describe('focus and windowing', () => {
  const size = { rows: 3, cols: 4 };
  it('stays inside the grid; Tab runs on to the next row and leaves after the last cell', () => {
    expect(moveFocus({ row: 0, col: 0 }, { rows: -1, cols: 0 }, size)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 0, col: 3 }, { rows: 0, cols: 1, wrap: true }, size)).toEqual({ row: 1, col: 0 });
    expect(moveFocus({ row: 1, col: 0 }, { rows: 0, cols: -1, wrap: true }, size)).toEqual({ row: 0, col: 3 });
    expect(moveFocus({ row: 2, col: 3 }, { rows: 0, cols: 1, wrap: true }, size)).toBeNull();
  });

  it('draws only the rows in view and a few more', () => {
    expect(visibleRange(0, 440, 44, 40, 3)).toEqual({ first: 0, last: 13 });
    expect(visibleRange(44 * 20, 440, 44, 40, 3)).toEqual({ first: 17, last: 33 });
    expect(visibleRange(0, 440, 44, 0)).toEqual({ first: 0, last: -1 });
  });
});

describe('the page model', () => {
  const lesson = (id: string, summative: Lesson['summative'] = null): Lesson => ({
    id, date: '2026-11-23', period: 1, topic: null, homework: null, status: 'held', teacherId: 't', summative, locked: false, unlockedUntil: null, writable: true,
  });
  it('a СОР lesson has a score column numbered in the period; a СОЧ is not numbered', () => {
    const cols = columnsOf([lesson('a'), lesson('b', { kind: 'sor', max: 20, title: null }), lesson('c', { kind: 'sor', max: 15, title: null }), lesson('d', { kind: 'soch', max: 30, title: null })]);
    expect(cols.map((c) => `${c.lesson.id}:${c.kind}:${c.number}`)).toEqual(['a:fo:0', 'b:fo:0', 'b:score:1', 'c:fo:0', 'c:score:2', 'd:fo:0', 'd:score:0']);
  });

  it('patches one part of a cell and keeps the rest', () => {
    const cells = [{ lessonId: 'a', studentId: 's', fo: { value: 7, version: 2 }, score: null, code: { code: 'к', version: 1 }, remark: null }];
    expect(patchCell(cells, 'a', 's', { fo: { value: 9, version: 3 } })[0]).toMatchObject({ fo: { value: 9, version: 3 }, code: { code: 'к' } });
    expect(patchCell(cells, 'b', 's', { code: { code: 'ж', version: 1 } })).toHaveLength(2);
  });

  it('finds the conflicts of a cell, not the refused changes', () => {
    const student = { id: 's', lastName: 'A', firstName: 'B', middleName: null };
    const base = { mutationId: 'm', operation: 'journal.setMark', createdAt: '', lesson: { id: 'a', date: '2026-11-23', period: 1, className: '5А', subject: { kk: '', ru: '', en: '' } }, student, mine: '8', theirs: '6', reason: { messageKey: 'error.mark_conflict', params: {} } };
    const map = conflictsByCell([{ ...base, outcome: 'conflict' }, { ...base, mutationId: 'n', outcome: 'rejected', lesson: { ...base.lesson, id: 'b' } }]);
    expect([...map.keys()]).toEqual(['a|s']);
  });
});
