import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type Locale = 'kk' | 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['kk', 'ru', 'en'];
export type MessageKey = keyof typeof kk;

/** The message catalogs: Kazakh is the reference; Russian and English must hold the same keys (a test checks). */
export const catalogs: Record<Locale, Record<string, string>> = { kk, ru, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'kk' || value === 'ru' || value === 'en';
}

/** Picks the caller's language from an Accept-Language header; Kazakh by default. */
export function localeFromHeader(header: string | undefined): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return 'kk';
}

/** Looks a key up and fills {placeholders}; an unknown key comes back as itself so that it is visible. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const text = catalogs[locale][key] ?? catalogs.kk[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}
