import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src-core/auth/roles';
import { en } from '../../../src-core/i18n/en';
import { kk } from '../../../src-core/i18n/kk';
import { ru } from '../../../src-core/i18n/ru';
import { memoryStorage } from '../../../src-renderer/api/storage';
import { addDays, longDate, weekdayOf } from '../../../src-renderer/i18n/dates';
import { loadLocale, saveLocale } from '../../../src-renderer/i18n/persist';
import { chooseRole, rememberRole } from '../../../src-renderer/shell/roleMemory';
import { SECTIONS_OF, sectionsOf } from '../../../src-renderer/shell/sections';

describe('the chosen language', () => {
  it('is Kazakh until another is chosen, and then persists', () => {
    const storage = memoryStorage();
    expect(loadLocale(storage)).toBe('kk');
    saveLocale(storage, 'en');
    expect(loadLocale(storage)).toBe('en');
    storage.setItem('sabaq.locale', 'de');
    expect(loadLocale(storage)).toBe('kk');
  });
});

describe('the remembered role', () => {
  it('starts with the first role in school order and remembers the choice per user', () => {
    const storage = memoryStorage();
    expect(chooseRole(storage, 'u1', ['parent', 'teacher'])).toBe('teacher');
    rememberRole(storage, 'u1', 'parent');
    expect(chooseRole(storage, 'u1', ['parent', 'teacher'])).toBe('parent');
    expect(chooseRole(storage, 'u2', ['parent', 'teacher'])).toBe('teacher');
    expect(chooseRole(storage, 'u1', ['teacher'])).toBe('teacher');
    expect(chooseRole(storage, 'u3', [])).toBeNull();
  });
});

describe('school dates', () => {
  it('steps over month ends and names the days in each language', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
    expect(longDate('kk', '2026-11-23')).toBe('23 қараша 2026 ж., дүйсенбі');
    expect(longDate('ru', '2026-11-23')).toBe('Понедельник, 23 ноября 2026 г.');
    expect(longDate('en', '2026-11-23')).toBe('Monday, 23 November 2026');
  });
});

describe('the catalogs', () => {
  it('hold the same keys in kk, ru and en, and a label for every role and section', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(kk).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(kk).sort());
    const keys = new Set(Object.keys(kk));
    for (const role of ROLES) {
      expect(keys.has(`role.${role}`)).toBe(true);
      for (const section of sectionsOf(role, true)) expect(keys.has(`nav.${section}`), `nav.${section}`).toBe(true);
    }
    expect(Object.keys(SECTIONS_OF).sort()).toEqual([...ROLES].sort());
  });
});
