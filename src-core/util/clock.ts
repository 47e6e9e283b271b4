/** The time port: hosts pass a clock so that tests and demos can fix "now". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at an instant, or one that starts there and runs on (SABAQ_CLOCK in demos and tests). */
export function clockFrom(iso: string | undefined, running = true): Clock {
  if (!iso) return systemClock;
  const start = Date.parse(iso);
  if (Number.isNaN(start)) throw new Error(`SABAQ_CLOCK is not a date-time: ${iso}`);
  const realStart = Date.now();
  return { now: () => new Date(running ? start + (Date.now() - realStart) : start) };
}

export const nowIso = (clock: Clock): string => clock.now().toISOString();

/** The calendar date (YYYY-MM-DD) of an instant in a school's time zone. */
export function dateIn(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  return parts; // en-CA formats as YYYY-MM-DD
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
