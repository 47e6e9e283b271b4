import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src-core/contract/ops/resources';
import { catalogs, translate } from '../../../src-core/i18n/index';
import {
  ANY_FILTER, defaultTitle, libraryAbilities, listInput, newTags, sizeParts, sizeText, subjectOptions, tagsInput, tagsOf,
} from '../../../src-renderer/roles/teacher/library/model';
import { ROLE_PERMISSIONS } from '../../../src-core/auth/roles';

const ALGEBRA = { id: '00000000-0000-4000-8000-0000000000a1', code: 'ALG', name: { kk: 'Алгебра', ru: 'Алгебра', en: 'Algebra' } };
const BIOLOGY = { id: '00000000-0000-4000-8000-0000000000b1', code: 'BIO', name: { kk: 'Биология', ru: 'Биология', en: 'Biology' } };
const ZOOLOGY = { id: '00000000-0000-4000-8000-0000000000c1', code: 'ZOO', name: { kk: 'Зоология', ru: 'Зоология', en: 'Zoology' } };

function resource(over: Partial<Resource> = {}): Resource {
  return {
    id: '00000000-0000-4000-8000-000000000001', scope: 'personal', title: 'Дроби', fileName: 'drobi.pdf', kind: 'pdf', mime: 'application/pdf',
    size: 2048, sha256: 'a'.repeat(64), subject: null, grade: null, topic: null, language: null,
    owner: { id: '00000000-0000-4000-8000-000000000002', lastName: 'Сейітова', firstName: 'Айгүл', middleName: null },
    editable: true, updatedAt: '2026-11-23T04:00:00.000Z', rowVersion: 1, ...over,
  };
}

describe("the library's filters as resources.list takes them", () => {
  it('leave "any" out and send only what is chosen', () => {
    expect(listInput(ANY_FILTER)).toEqual({ scope: 'all' });
    expect(listInput({ scope: 'personal', subjectId: ALGEBRA.id, grade: '7', language: 'kk', kind: 'video', text: '  функция  ' }))
      .toEqual({ scope: 'personal', subjectId: ALGEBRA.id, grade: 7, language: 'kk', kind: 'video', text: 'функция' });
  });

  it('drop a grade that is not one and cut the words to the contract\'s 100 characters', () => {
    expect(listInput({ ...ANY_FILTER, grade: '13' })).toEqual({ scope: 'all' });
    expect(listInput({ ...ANY_FILTER, grade: 'x' })).toEqual({ scope: 'all' });
    expect(listInput({ ...ANY_FILTER, text: '   ' })).toEqual({ scope: 'all' });
    expect(listInput({ ...ANY_FILTER, text: 'я'.repeat(150) }).text).toHaveLength(100);
  });
});

describe('a new file\'s title', () => {
  it('is its name without the extension, underscores as spaces', () => {
    expect(defaultTitle('Бөлшектер_5 сынып.pdf')).toBe('Бөлшектер 5 сынып');
    expect(defaultTitle('C:\\Users\\teacher\\photo.final.PNG')).toBe('photo.final');
    expect(defaultTitle('.hidden')).toBe('.hidden');
    expect(defaultTitle('noext')).toBe('noext');
    expect(defaultTitle(`${'а'.repeat(400)}.pdf`)).toHaveLength(300);
  });

  it('starts the form with the filters\' tags', () => {
    expect(newTags('video.mp4', 'school', { grade: '7' })).toEqual({ title: 'video', scope: 'school', subjectId: '', grade: '7', topic: '', language: '' });
  });
});

describe('tags between the form and the contract', () => {
  it('send every tag, an empty one as null (cleared)', () => {
    expect(tagsInput({ title: '  Дроби ', scope: 'school', subjectId: '', grade: '', topic: '  ', language: '' }))
      .toEqual({ title: 'Дроби', scope: 'school', subjectId: null, grade: null, topic: null, language: null });
    expect(tagsInput({ title: 'x', scope: 'personal', subjectId: ALGEBRA.id, grade: '11', topic: 'Функция', language: 'ru' }))
      .toEqual({ title: 'x', scope: 'personal', subjectId: ALGEBRA.id, grade: 11, topic: 'Функция', language: 'ru' });
  });

  it('come back from a resource as they went', () => {
    const r = resource({ subject: ALGEBRA, grade: 7, topic: 'Функция', language: 'kk', scope: 'school' });
    expect(tagsInput(tagsOf(r))).toEqual({ title: r.title, scope: 'school', subjectId: ALGEBRA.id, grade: 7, topic: 'Функция', language: 'kk' });
  });
});

describe('what a user may do in the library', () => {
  it('follows the roles\' permissions', () => {
    expect(libraryAbilities(ROLE_PERMISSIONS.teacher)).toEqual({ read: true, upload: true, manageSchool: false });
    expect(libraryAbilities(ROLE_PERMISSIONS.librarian)).toEqual({ read: true, upload: true, manageSchool: true });
    expect(libraryAbilities(ROLE_PERMISSIONS.parent)).toEqual({ read: false, upload: false, manageSchool: false });
  });
});

describe('the subjects offered', () => {
  it('come from the journals and the resources, once each, in the alphabet of the page', () => {
    const journal = (subject: typeof ALGEBRA) => ({
      class: { id: '00000000-0000-4000-8000-0000000000d1', name: '7А', grade: 7, letter: 'А', language: 'kk' as const },
      group: null, subject, teachers: [], mine: true,
    });
    const options = subjectOptions([journal(ZOOLOGY), journal(ALGEBRA), journal(ALGEBRA)], [resource({ subject: BIOLOGY }), resource({ subject: ALGEBRA })], 'en');
    expect(options.map((o) => o.name)).toEqual(['Algebra', 'Biology', 'Zoology']);
  });

  it("are the school's when they came, not the journals', with any subject a resource carries that the school no longer lists", () => {
    const journal = { class: { id: '00000000-0000-4000-8000-0000000000d1', name: '7А', grade: 7, letter: 'А', language: 'kk' as const }, group: null, subject: ZOOLOGY, teachers: [], mine: true };
    const options = subjectOptions([journal], [resource({ subject: BIOLOGY }), resource({ subject: ALGEBRA })], 'ru', [ALGEBRA, { ...ZOOLOGY, id: '00000000-0000-4000-8000-0000000000e1', name: { kk: 'Геометрия', ru: 'Геометрия', en: 'Geometry' } }]);
    expect(options).toEqual([
      { id: ALGEBRA.id, name: 'Алгебра' },
      { id: BIOLOGY.id, name: 'Биология' },
      { id: '00000000-0000-4000-8000-0000000000e1', name: 'Геометрия' },
    ]);
    expect(subjectOptions([journal], [], 'en', [])).toEqual([]);
    expect(subjectOptions([journal], [], 'en', null)).toEqual([{ id: ZOOLOGY.id, name: 'Zoology' }]);
  });
});

describe("a file's size", () => {
  it('is said in the unit a person reads, with the decimal sign of the language', () => {
    expect(sizeParts(512, 'en')).toEqual({ unit: 'b', value: '512' });
    expect(sizeParts(1536, 'en')).toEqual({ unit: 'kb', value: '1.5' });
    expect(sizeParts(1536, 'ru')).toEqual({ unit: 'kb', value: '1,5' });
    expect(sizeParts(250 * 1024 * 1024, 'kk')).toEqual({ unit: 'mb', value: '250' });
    expect(sizeParts(3 * 1024 ** 3, 'en')).toEqual({ unit: 'gb', value: '3' });
  });

  it('has its unit in every catalog', () => {
    const t = (key: string, params?: Record<string, string | number>) => translate('kk', key, params);
    expect(sizeText(1536, 'kk', t)).toBe('1,5 КБ');
    for (const unit of ['b', 'kb', 'mb', 'gb']) for (const locale of ['kk', 'ru', 'en'] as const) expect(catalogs[locale][`library.size.${unit}`]).toBeTruthy();
  });
});
