import type { Locale } from '../../src-core/i18n';
import { shortDate } from '../i18n/dates';
import type { Translate } from '../i18n/I18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An instant as the school's calendar date and clock time ("2026-11-23", "09:05"); the computer's zone if the school's is unknown. */
export function localParts(iso: string, timeZone: string): { date: string; time: string } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', options);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => format.formatToParts(at).find((p) => p.type === type)?.value ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** "23 қараша, 09:05" / "23 ноября, 09:05" / "23 November, 09:05". */
export function dateTime(t: Translate, locale: Locale, iso: string, timeZone: string): string {
  const parts = localParts(iso, timeZone);
  return parts ? t('sync.at', { date: shortDate(locale, parts.date), time: parts.time }) : iso;
}

/** How long ago, by the host's clock: "just now", "5 min ago", "3 h ago", then the date and time. */
export function ago(t: Translate, locale: Locale, iso: string | null, nowMs: number, timeZone: string): string {
  if (!iso) return t('sync.never');
  const diff = nowMs - Date.parse(iso);
  if (Number.isNaN(diff)) return t('sync.never');
  if (diff < MINUTE) return t('sync.justNow');
  if (diff < HOUR) return t('sync.minutesAgo', { n: Math.floor(diff / MINUTE) });
  if (diff < 12 * HOUR) return t('sync.hoursAgo', { n: Math.floor(diff / HOUR) });
  return dateTime(t, locale, iso, timeZone);
}
