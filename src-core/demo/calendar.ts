import { addDays, isoWeekday } from '../util/clock';

/**
 * The academic year of the demo school (DOMAIN.md, "School year"): lessons from 1 September (the next Monday
 * when it falls on a weekend) to 25 May, a 5-day week, four quarters separated by the autumn, winter and
 * spring breaks, an extra February week for grade 1, and the public holidays that fall on school days.
 */
export interface HolidayDef {
  key: string;
  kind: 'break' | 'public_holiday';
  name_kk: string;
  name_ru: string;
  name_en: string;
  startsOn: string;
  endsOn: string;
  /** Grades it applies to; null = every grade. */
  grades: number[] | null;
}

export interface TermDef { number: number; startsOn: string; endsOn: string }

export interface AcademicCalendar {
  /** '2026-2027' */
  name: string;
  startYear: number;
  startsOn: string;
  endsOn: string;
  daysPerWeek: 5;
  terms: TermDef[];
  holidays: HolidayDef[];
  /** The Monday of the week the year starts in: academic week 1 (odd) begins there. */
  firstMonday: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

/** Monday of the ISO week containing a date. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

function nextWeekdayOnOrAfter(date: string): string {
  let d = date;
  while (isoWeekday(d) > 5) d = addDays(d, 1);
  return d;
}

function lastWeekdayBefore(date: string): string {
  let d = addDays(date, -1);
  while (isoWeekday(d) > 5) d = addDays(d, -1);
  return d;
}

/** The year the academic year containing `today` starts in: June–December → this year; January–May → last year. */
export function academicStartYear(today: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD: ${today}`);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= 6 ? year : year - 1;
}

const PUBLIC_HOLIDAYS: readonly { month: number; day: number; key: string; kk: string; ru: string; en: string }[] = [
  { month: 10, day: 25, key: 'republic_day', kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' },
  { month: 12, day: 16, key: 'independence_day', kk: 'Тәуелсіздік күні', ru: 'День Независимости', en: 'Independence Day' },
  { month: 3, day: 8, key: 'womens_day', kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день', en: "International Women's Day" },
  { month: 5, day: 1, key: 'unity_day', kk: 'Қазақстан халқының бірлігі мерекесі', ru: 'Праздник единства народа Казахстана', en: 'Day of Unity of the People of Kazakhstan' },
  { month: 5, day: 7, key: 'defender_day', kk: 'Отан қорғаушы күні', ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' },
  { month: 5, day: 9, key: 'victory_day', kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' },
];

export function academicCalendar(today: string): AcademicCalendar {
  const y = academicStartYear(today);
  const startsOn = nextWeekdayOnOrAfter(ymd(y, 9, 1));
  const endsOn = ymd(y + 1, 5, 25);

  // Autumn: the Monday–Sunday week around 27 Oct – 2 Nov (the ISO week of 29 October).
  const autumnStart = mondayOf(ymd(y, 10, 29));
  const autumnEnd = addDays(autumnStart, 6);
  const winterStart = ymd(y, 12, 29);
  const winterEnd = ymd(y + 1, 1, 7);
  const springStart = ymd(y + 1, 3, 19);
  const springEnd = ymd(y + 1, 3, 29);
  // Grade 1: the Monday–Sunday week of 12 February (09.02–15.02 in 2026).
  const grade1Start = mondayOf(ymd(y + 1, 2, 12));

  const breaks: HolidayDef[] = [
    { key: 'autumn', kind: 'break', name_kk: 'Күзгі демалыс', name_ru: 'Осенние каникулы', name_en: 'Autumn break', startsOn: autumnStart, endsOn: autumnEnd, grades: null },
    { key: 'winter', kind: 'break', name_kk: 'Қысқы демалыс', name_ru: 'Зимние каникулы', name_en: 'Winter break', startsOn: winterStart, endsOn: winterEnd, grades: null },
    { key: 'grade1', kind: 'break', name_kk: '1-сыныптарға қосымша демалыс', name_ru: 'Дополнительные каникулы для 1 классов', name_en: 'Additional break for grade 1', startsOn: grade1Start, endsOn: addDays(grade1Start, 6), grades: [1] },
    { key: 'spring', kind: 'break', name_kk: 'Көктемгі демалыс', name_ru: 'Весенние каникулы', name_en: 'Spring break', startsOn: springStart, endsOn: springEnd, grades: null },
  ];
  const inBreak = (d: string): boolean => breaks.some((b) => b.grades === null && d >= b.startsOn && d <= b.endsOn);

  const publicHolidays: HolidayDef[] = [];
  for (const h of PUBLIC_HOLIDAYS) {
    const date = ymd(h.month >= 9 ? y : y + 1, h.month, h.day);
    if (date < startsOn || date > endsOn || isoWeekday(date) > 5 || inBreak(date)) continue;
    publicHolidays.push({ key: h.key, kind: 'public_holiday', name_kk: h.kk, name_ru: h.ru, name_en: h.en, startsOn: date, endsOn: date, grades: null });
  }

  const terms: TermDef[] = [
    { number: 1, startsOn, endsOn: lastWeekdayBefore(autumnStart) },
    { number: 2, startsOn: nextWeekdayOnOrAfter(addDays(autumnEnd, 1)), endsOn: lastWeekdayBefore(winterStart) },
    { number: 3, startsOn: nextWeekdayOnOrAfter(addDays(winterEnd, 1)), endsOn: lastWeekdayBefore(springStart) },
    { number: 4, startsOn: nextWeekdayOnOrAfter(addDays(springEnd, 1)), endsOn },
  ];

  const holidays = [...breaks, ...publicHolidays].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  return { name: `${y}-${y + 1}`, startYear: y, startsOn, endsOn, daysPerWeek: 5, terms, holidays, firstMonday: mondayOf(startsOn) };
}

/** Whether a date is a day off for a grade (weekend, a break or a holiday that applies to it). */
export function isDayOff(cal: AcademicCalendar, date: string, grade: number): boolean {
  if (isoWeekday(date) > cal.daysPerWeek) return true;
  return cal.holidays.some((h) => date >= h.startsOn && date <= h.endsOn && (h.grades === null || h.grades.includes(grade)));
}

/** The school days of a grade, in order. */
export function schoolDays(cal: AcademicCalendar, grade: number): string[] {
  const out: string[] = [];
  for (let d = cal.startsOn; d <= cal.endsOn; d = addDays(d, 1)) if (!isDayOff(cal, d, grade)) out.push(d);
  return out;
}

/** Academic week number: 1 for the week the year starts in, counting every calendar week (breaks included). */
export function academicWeek(cal: AcademicCalendar, date: string): number {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${cal.firstMonday}T00:00:00Z`)) / 86_400_000);
  return Math.floor(days / 7) + 1;
}

/**
 * Week parity of a date. Half-hour subjects (0.5 a week) are timetabled with week_parity 'odd': they are taught in
 * odd academic weeks (1, 3, 5 …, counted from the week of 1 September) and the period is free in even weeks.
 */
export function weekParity(cal: AcademicCalendar, date: string): 'odd' | 'even' {
  return academicWeek(cal, date) % 2 === 1 ? 'odd' : 'even';
}

/**
 * The year's assessment defaults (DOMAIN.md, "Assessment"), stored as academic_years.settings.
 * Music, PE, visual art and labour in grades 1–4 are pass/fail; grade 1 gets no marks at all.
 * Weights for subjects without a term summative (СОЧ) are unsourced: a configurable default.
 */
export function yearSettings(): Record<string, unknown> {
  return {
    assessment: {
      formativeMax: 10,
      weights: { formative: 25, summativeSection: 25, summativeTerm: 50 },
      weightsWithoutTermSummative: { formative: 50, summativeSection: 50 },
      scale: [
        { fromPercent: 0, toPercent: 39, mark: 2 },
        { fromPercent: 40, toPercent: 64, mark: 3 },
        { fromPercent: 65, toPercent: 84, mark: 4 },
        { fromPercent: 85, toPercent: 100, mark: 5 },
      ],
      gradesWithoutMarks: [1],
      passFail: { grades: [1, 2, 3, 4], subjects: ['music', 'pe', 'art', 'labour'] },
      oneHourSubjectsMarkedBy: 'half',
      yearMark: 'mean_of_terms_rounded',
      maxTermSummativesPerDay: 3,
    },
    attendanceCodes: [
      { code: 'absent', kk: 'ж', ru: 'н', en: 'A', excused: false },
      { code: 'excused', kk: 'д', ru: 'у', en: 'E', excused: true },
      { code: 'ill', kk: 'а', ru: 'б', en: 'I', excused: true },
      { code: 'late', kk: 'к', ru: 'о', en: 'L', excused: false },
    ],
    weekParity: { odd: 'academic weeks 1, 3, 5 … counted from the week of the first school day' },
  };
}
