import { translate, type Locale } from '../../src-core/i18n';

/** School dates travel as ISO strings (YYYY-MM-DD) in the school's time zone; this arithmetic never uses local time. */
function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(iso: string): number {
  const [y, m, d] = parts(iso);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "23 қараша 2026 ж., дүйсенбі" / "понедельник, 23 ноября 2026 г." / "Monday, 23 November 2026". */
export function longDate(locale: Locale, iso: string): string {
  const [y, m, d] = parts(iso);
  return capitalise(translate(locale, 'date.long', {
    day: d,
    month: translate(locale, `month.${m}`),
    year: y,
    weekday: translate(locale, `weekday.${weekdayOf(iso)}`),
  }));
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "23 қараша" / "23 ноября" / "23 November". */
export function shortDate(locale: Locale, iso: string): string {
  const [, m, d] = parts(iso);
  return translate(locale, 'date.short', { day: d, month: translate(locale, `month.${m}`) });
}

/** "08:00" from "08:00:00" or "08:00". */
export function clockTime(time: string): string {
  return time.slice(0, 5);
}
