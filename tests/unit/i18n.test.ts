import { describe, expect, it } from 'vitest';
import { catalogs, localeFromHeader, translate } from '../../src-core/i18n/index';

describe('message catalogs', () => {
  it('Russian and English hold exactly the Kazakh keys, none empty', () => {
    const keys = Object.keys(catalogs.kk).sort();
    for (const locale of ['ru', 'en'] as const) {
      expect(Object.keys(catalogs[locale]).sort()).toEqual(keys);
      for (const [k, v] of Object.entries(catalogs[locale])) expect(v.trim(), `${locale} ${k}`).not.toBe('');
    }
  });

  it('placeholders are the same in every language', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(catalogs.kk)) {
      expect(names(catalogs.ru[key]!), key).toEqual(names(text));
      expect(names(catalogs.en[key]!), key).toEqual(names(text));
    }
  });

  it('fills placeholders and picks the language from Accept-Language, Kazakh by default', () => {
    expect(translate('en', 'error.account_locked', { minutes: 15 })).toContain('15 minutes');
    expect(localeFromHeader('ru-RU,ru;q=0.9')).toBe('ru');
    expect(localeFromHeader('de-DE')).toBe('kk');
    expect(localeFromHeader(undefined)).toBe('kk');
  });
});
