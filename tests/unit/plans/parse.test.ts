import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnOf, parseHours, parsePlanFile, readCsv } from '../../../src-core/plans/parse';
import { FIXTURES, kazakhPlanXlsx } from '../../fixtures/plans/kazakh-plan';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

describe('reading a calendar-thematic plan', () => {
  it('reads a Russian CSV with BOM, `;`, decimal comma, merged sections, blank and total rows', async () => {
    const result = await parsePlanFile('algebra-7-ru.csv', fixture('algebra-7-ru.csv'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topics.map((t) => [t.position, t.section, t.hours, t.sor, t.soch])).toEqual([
      [1, 'Степень с целым показателем', 2, false, false],
      [2, 'Степень с целым показателем', 1, false, false],
      [3, 'Степень с целым показателем', 1.5, true, false],
      [4, 'Одночлены и многочлены', 1, false, false],
      [5, 'Одночлены и многочлены', 2, false, true],
    ]);
    expect(result.topics[2]!.title).toBe('Стандартный вид числа; действия над числами в стандартном виде');
    expect(result.topics[0]!.date).toBe('2026-09-02');
  });

  it('reads a Kazakh XLSX: rich text, formulas, dates, merged section cells, БЖБ and ТЖБ columns', async () => {
    const result = await parsePlanFile('Алгебра 7.xlsx', await kazakhPlanXlsx());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topics.map((t) => [t.section, t.title, t.hours, t.sor, t.soch])).toEqual([
      ['Бүтін көрсеткішті дәреже', 'Натурал көрсеткішті дәреже және оның қасиеттері', 2, false, false],
      ['Бүтін көрсеткішті дәреже', 'Бүтін теріс көрсеткішті дәреже', 1, true, false],
      ['Бірмүшелер', 'Бірмүше және оның стандарт түрі', 1, false, false],
      ['Бірмүшелер', 'Көпмүшелерді қосу және азайту', 2, false, true],
    ]);
    expect(result.topics[0]!.date).toBe('2026-09-02');
  });

  it('reads an English CSV with `,`, quoted commas and a section on a row of its own', async () => {
    const csv = 'Section,Topic,Hours\r\nPowers\r\n,"Powers, and their rules",2\r\n,Negative powers,1\r\n';
    const result = await parsePlanFile('plan.csv', new TextEncoder().encode(csv));
    expect(result).toMatchObject({ ok: true, topics: [{ section: 'Powers', title: 'Powers, and their rules', hours: 2 }, { section: 'Powers', hours: 1 }] });
  });

  it('reads a CSV saved by Excel in Windows-1251', async () => {
    // "Тема;Часы\nДроби;2\n" in Windows-1251.
    const cp1251 = Uint8Array.from([0xd2, 0xe5, 0xec, 0xe0, 0x3b, 0xd7, 0xe0, 0xf1, 0xfb, 0x0a, 0xc4, 0xf0, 0xee, 0xe1, 0xe8, 0x3b, 0x32, 0x0a]);
    expect(await parsePlanFile('plan.csv', cp1251)).toMatchObject({ ok: true, topics: [{ title: 'Дроби', hours: 2, section: null }] });
  });

  it('names every bad row and returns no topic', async () => {
    const result = await parsePlanFile('broken-ru.csv', fixture('broken-ru.csv'));
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 2, messageKey: 'error.plan_hours_invalid', params: { row: 2, value: 'два', max: 20 } },
        { row: 3, messageKey: 'error.plan_topic_missing', params: { row: 3 } },
        { row: 4, messageKey: 'error.plan_hours_missing', params: { row: 4 } },
      ],
    });
  });

  it('refuses a file without a header row, an empty table, another file type and a broken workbook', async () => {
    expect(await parsePlanFile('no-header.csv', fixture('no-header.csv'))).toMatchObject({ ok: false, errors: [{ messageKey: 'error.plan_no_header' }] });
    expect(await parsePlanFile('e.csv', new TextEncoder().encode('Тема;Часы\n;;\n'))).toMatchObject({ ok: false, errors: [{ messageKey: 'error.plan_empty' }] });
    expect(await parsePlanFile('plan.docx', new Uint8Array([1, 2]))).toMatchObject({ ok: false, errors: [{ messageKey: 'error.plan_file_type', params: { name: 'plan.docx' } }] });
    expect(await parsePlanFile('plan.xlsx', new TextEncoder().encode('not a zip'))).toMatchObject({ ok: false, errors: [{ messageKey: 'error.plan_file_unreadable' }] });
  });

  it('knows the columns by their names in three languages, and hours in halves', () => {
    expect(['Раздел', 'Бөлім', 'Section', 'Бөлім/ортақ тақырып', 'Сквозная тема / раздел'].map(columnOf)).toEqual(['section', 'section', 'section', 'section', 'section']);
    expect(['Тема', 'Тақырып', 'Topic', 'Тема урока'].map(columnOf)).toEqual(['topic', 'topic', 'topic', 'topic']);
    expect(['Часы', 'Сағат саны', 'Hours', 'Кол-во часов'].map(columnOf)).toEqual(['hours', 'hours', 'hours', 'hours']);
    expect(['СОР', 'БЖБ', 'СОЧ', 'ТЖБ', 'СОР/СОЧ', 'Примечание'].map(columnOf)).toEqual(['sor', 'sor', 'soch', 'soch', 'summative', null]);
    expect(['2', '1,5', '0.5', ' 3 '].map(parseHours)).toEqual([2, 1.5, 0.5, 3]);
    expect(['0', '-1', '1,25', '21', 'два', '1,5,1'].map(parseHours)).toEqual([null, null, null, null, null, null]);
    expect(readCsv('a;"b ""c""\nd";e\n', ';')).toEqual([{ row: 1, cells: ['a', 'b "c"\nd', 'e'] }]);
  });
});
