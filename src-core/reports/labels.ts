import type { MarkingPeriod } from '../journal/periods';
import { translate, type Locale } from '../i18n';

/** The words printed reports share: a marking period's name, a date as schools write it, a person's name. */
export function periodLabel(locale: Locale, period: Pick<MarkingPeriod, 'kind' | 'number'>): string {
  return translate(locale, period.kind === 'term' ? 'reports.period.term' : 'reports.period.halfYear', { n: period.number });
}

/** 2026-11-23 → 23.11.2026 (the way every school form writes a date, in all three languages). */
export function dottedDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function fullName(p: { lastName: string; firstName: string; middleName?: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** A percent as the locale writes it: 78.8 → "78,8" in Kazakh and Russian. */
export function percentText(locale: Locale, value: number): string {
  const text = (Math.round(value * 10) / 10).toFixed(1);
  return locale === 'en' ? text : text.replace('.', ',');
}

/** A file name without characters some systems refuse; Cyrillic and Kazakh letters stay. */
export function safeFileName(...parts: string[]): string {
  return parts.filter(Boolean).join('_').replace(/[\\/:*?"<>|\s]+/g, '-');
}
