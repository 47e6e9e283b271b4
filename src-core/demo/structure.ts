import type { Rng } from './rng';
import { maxLessonsPerDay, planFor, shiftOfGrade, SPLIT_MIN_PUPILS, totalHours, type Lang, type PlanRow } from './curriculum';

/** Who the demo schools are: school 1 is No. 95 in Kazaly; further schools are in other towns of the Kyzylorda region. */
export interface SchoolIdentity { number: string; kk: string; ru: string; en: string; locality: string; region: string }

const REGION = 'Қызылорда облысы';
const NAMESAKES: readonly { number: number; kkName: string; ruName: string; enName: string; locality: string }[] = [
  { number: 95, kkName: 'Қалжан Нұрмаханов', ruName: 'Калжана Нурмаханова', enName: 'Kalzhan Nurmakhanov', locality: 'Қазалы' },
  { number: 12, kkName: 'Мұстафа Шоқай', ruName: 'Мустафы Шокая', enName: 'Mustafa Shokay', locality: 'Қызылорда' },
  { number: 7, kkName: 'Ғани Мұратбаев', ruName: 'Гани Муратбаева', enName: 'Gani Muratbayev', locality: 'Арал' },
  { number: 5, kkName: 'Қорқыт ата', ruName: 'Коркыт ата', enName: 'Korkyt Ata', locality: 'Жосалы' },
  { number: 21, kkName: 'Ыбырай Алтынсарин', ruName: 'Ыбырая Алтынсарина', enName: 'Ybyrai Altynsarin', locality: 'Шиелі' },
  { number: 3, kkName: 'Абай', ruName: 'Абая', enName: 'Abai', locality: 'Жаңақорған' },
  { number: 9, kkName: 'Тұрмағамбет Ізтілеуов', ruName: 'Турмагамбета Изтлеуова', enName: 'Turmagambet Iztileuov', locality: 'Жалағаш' },
  { number: 14, kkName: 'Әйтеке би', ruName: 'Айтеке би', enName: 'Aiteke Bi', locality: 'Әйтеке би' },
];

export function schoolIdentity(schoolIndex: number): SchoolIdentity {
  const base = NAMESAKES[schoolIndex % NAMESAKES.length] as (typeof NAMESAKES)[number];
  const n = base.number + 100 * Math.floor(schoolIndex / NAMESAKES.length);
  return {
    number: String(n),
    kk: `${base.kkName} атындағы №${n} жалпы орта білім беретін мектеп`,
    ru: `Общеобразовательная школа №${n} имени ${base.ruName}`,
    en: `Secondary School No. ${n} named after ${base.enName}`,
    locality: base.locality,
    region: REGION,
  };
}

export const SCHOOL_TIMEZONE = 'Asia/Qyzylorda';

/** Bell periods of a shift: 45-minute lessons; 5–10-minute breaks and one long break of 15–20 minutes. */
export interface BellPeriod { period: number; startsAt: string; endsAt: string; start: number; end: number }

/**
 * Shift 1: six periods, 08:00–13:15. Shift 2: seven periods from 13:25 (the seventh, to 19:30, is there for
 * grades 5–11's 7-lesson maximum; the demo plans do not need it). The two never overlap, so one teacher can teach
 * in both.
 */
export const SHIFT_PERIODS: Record<1 | 2, number> = { 1: 6, 2: 7 };
const SHIFT_START: Record<1 | 2, number> = { 1: 8 * 60, 2: 13 * 60 + 25 };
const BREAKS: Record<1 | 2, readonly number[]> = { 1: [5, 10, 15, 10, 5], 2: [5, 10, 15, 10, 5, 5] };

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function bellPeriods(shift: 1 | 2): BellPeriod[] {
  const out: BellPeriod[] = [];
  let t = SHIFT_START[shift];
  for (let p = 1; p <= SHIFT_PERIODS[shift]; p++) {
    out.push({ period: p, startsAt: hhmm(t), endsAt: hhmm(t + 45), start: t, end: t + 45 });
    t += 45 + (BREAKS[shift][p - 1] ?? 0);
  }
  return out;
}

/** Class letters in Kazakh alphabetical order (without the letters no class is named by). */
export const CLASS_LETTERS = ['А', 'Ә', 'Б', 'В', 'Г', 'Ғ', 'Д', 'Е', 'Ж', 'З', 'И', 'К', 'Қ', 'Л', 'М', 'Н', 'О', 'П', 'Р', 'С'] as const;

export interface ClassModel {
  idx: number;
  grade: number;
  letter: string;
  /** '7Ә' */
  label: string;
  lang: Lang;
  shift: 1 | 2;
  size: number;
  /** Whether it splits into two groups for the split subjects (24+ pupils). */
  split: boolean;
  plan: PlanRow[];
  /** Lessons per weekday, Monday first (a half-hour subject counts as one lesson). */
  dayLengths: number[];
  homeRoom: number;
  /** Index of the staff member who leads it. */
  classTeacher: number;
}

export function parallelsFor(pupils: number): number {
  return Math.max(2, Math.round(pupils / (11 * 25)));
}

/**
 * Grades 1–11 with `parallels` classes each; about two thirds Kazakh-medium (at least one per grade) and sizes of
 * about 25 (20–30 at the default size) that add up to `pupils` exactly.
 */
export function buildClasses(rng: Rng, pupils: number): ClassModel[] {
  const parallels = parallelsFor(pupils);
  if (parallels > CLASS_LETTERS.length) throw new Error(`too many pupils for ${CLASS_LETTERS.length} parallels`);
  const n = 11 * parallels;
  // Kazakh-medium classes per grade by cumulative rounding of 2/3, at least one kk and (school-wide) some ru.
  const kkPerGrade: number[] = [];
  for (let g = 0; g < 11; g++) {
    const k = Math.round(((g + 1) * parallels * 2) / 3) - Math.round((g * parallels * 2) / 3);
    kkPerGrade.push(Math.min(parallels, Math.max(1, k)));
  }
  if (kkPerGrade.every((k) => k === parallels)) kkPerGrade[1] = parallels - 1;

  const mean = pupils / n;
  const weights = Array.from({ length: n }, () => Math.max(1, mean + rng.int(-5, 5) * (mean / 25)));
  const sizes = apportion(pupils, weights);
  const classes: ClassModel[] = [];
  for (let g = 1; g <= 11; g++) {
    for (let p = 0; p < parallels; p++) {
      const idx = classes.length;
      const lang: Lang = p < (kkPerGrade[g - 1] as number) ? 'kk' : 'ru';
      const letter = CLASS_LETTERS[p] as string;
      const size = sizes[idx] as number;
      const plan = planFor(g, lang);
      const lessons = plan.reduce((k, r) => k + Math.ceil(r.hours), 0);
      const maxDay = Math.min(maxLessonsPerDay(g, lessons), SHIFT_PERIODS[shiftOfGrade(g)]);
      const base = Math.floor(lessons / 5);
      const dayLengths = [0, 1, 2, 3, 4].map((d) => base + (d < lessons % 5 ? 1 : 0));
      if ((dayLengths[0] as number) > maxDay) throw new Error(`grade ${g}: ${totalHours(plan)} hours do not fit ${maxDay} a day`);
      classes.push({
        idx, grade: g, letter, label: `${g}${letter}`, lang, shift: shiftOfGrade(g), size, split: size >= SPLIT_MIN_PUPILS,
        plan, dayLengths, homeRoom: -1, classTeacher: -1,
      });
    }
  }
  return classes;
}

/** Integers proportional to weights that add up to total (largest remainder; ties by index). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map((x) => Math.floor(x));
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    out[i] = (out[i] as number) + 1;
    rest--;
  }
  return out;
}
