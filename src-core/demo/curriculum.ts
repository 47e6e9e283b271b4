/**
 * Subjects and the typical curriculum (типовой учебный план) of the demo school, in weekly hours.
 * Grades 1–6 follow DOMAIN.md row by row (0.5-hour subjects stay 0.5); grades 7–11 are plausible (unsourced).
 *
 * Assessment: subjects.assessment is per subject while pass/fail («зачёт») in primary is a per-grade rule.
 * Music and PE are also taught (and marked) in grades 5–11, so they stay 'marks'; the per-grade rule lives in
 * academic_years.settings.assessment.passFail. Visual art ('art') and labour ('labour') are taught in grades 1–4
 * only (grades 5–9 have 'art_labour'), so the subjects themselves are 'pass_fail'.
 */
export type Lang = 'kk' | 'ru';

export interface SubjectDef { code: string; kk: string; ru: string; en: string; assessment: 'marks' | 'pass_fail' | 'none' }

export const SUBJECTS: readonly SubjectDef[] = [
  { code: 'literacy', kk: 'Сауат ашу (Әліппе)', ru: 'Обучение грамоте', en: 'Literacy (ABC book)', assessment: 'marks' },
  { code: 'kazakh_lang', kk: 'Қазақ тілі', ru: 'Казахский язык', en: 'Kazakh language', assessment: 'marks' },
  { code: 'kazakh_lit', kk: 'Қазақ әдебиеті', ru: 'Казахская литература', en: 'Kazakh literature', assessment: 'marks' },
  { code: 'kazakh_lang_lit', kk: 'Қазақ тілі мен әдебиеті', ru: 'Казахский язык и литература', en: 'Kazakh language and literature', assessment: 'marks' },
  { code: 'russian_lang', kk: 'Орыс тілі', ru: 'Русский язык', en: 'Russian language', assessment: 'marks' },
  { code: 'russian_lit', kk: 'Орыс әдебиеті', ru: 'Русская литература', en: 'Russian literature', assessment: 'marks' },
  { code: 'russian_lang_lit', kk: 'Орыс тілі мен әдебиеті', ru: 'Русский язык и литература', en: 'Russian language and literature', assessment: 'marks' },
  { code: 'literary_reading', kk: 'Әдебиеттік оқу', ru: 'Литературное чтение', en: 'Literary reading', assessment: 'marks' },
  { code: 'english', kk: 'Шетел тілі (ағылшын)', ru: 'Иностранный язык (английский)', en: 'Foreign language (English)', assessment: 'marks' },
  { code: 'math', kk: 'Математика', ru: 'Математика', en: 'Mathematics', assessment: 'marks' },
  { code: 'algebra', kk: 'Алгебра', ru: 'Алгебра', en: 'Algebra', assessment: 'marks' },
  { code: 'geometry', kk: 'Геометрия', ru: 'Геометрия', en: 'Geometry', assessment: 'marks' },
  { code: 'digital_literacy', kk: 'Цифрлық сауаттылық', ru: 'Цифровая грамотность', en: 'Digital literacy', assessment: 'marks' },
  { code: 'informatics', kk: 'Информатика', ru: 'Информатика', en: 'Computer science', assessment: 'marks' },
  { code: 'natural_science', kk: 'Жаратылыстану', ru: 'Естествознание', en: 'Natural science', assessment: 'marks' },
  { code: 'world_cognition', kk: 'Дүниетану', ru: 'Познание мира', en: 'Knowledge of the world', assessment: 'marks' },
  { code: 'music', kk: 'Музыка', ru: 'Музыка', en: 'Music', assessment: 'marks' },
  { code: 'labour', kk: 'Еңбекке баулу', ru: 'Трудовое обучение', en: 'Handicraft', assessment: 'pass_fail' },
  { code: 'art', kk: 'Бейнелеу өнері', ru: 'Изобразительное искусство', en: 'Visual art', assessment: 'pass_fail' },
  { code: 'art_labour', kk: 'Көркем еңбек', ru: 'Художественный труд', en: 'Art and technology', assessment: 'marks' },
  { code: 'pe', kk: 'Дене шынықтыру', ru: 'Физическая культура', en: 'Physical education', assessment: 'marks' },
  { code: 'global_competences', kk: 'Жаһандық құзыреттер', ru: 'Глобальные компетенции', en: 'Global competences', assessment: 'marks' },
  { code: 'history_kz', kk: 'Қазақстан тарихы', ru: 'История Казахстана', en: 'History of Kazakhstan', assessment: 'marks' },
  { code: 'world_history', kk: 'Дүниежүзі тарихы', ru: 'Всемирная история', en: 'World history', assessment: 'marks' },
  { code: 'law', kk: 'Құқық негіздері', ru: 'Основы права', en: 'Fundamentals of law', assessment: 'marks' },
  { code: 'physics', kk: 'Физика', ru: 'Физика', en: 'Physics', assessment: 'marks' },
  { code: 'chemistry', kk: 'Химия', ru: 'Химия', en: 'Chemistry', assessment: 'marks' },
  { code: 'biology', kk: 'Биология', ru: 'Биология', en: 'Biology', assessment: 'marks' },
  { code: 'geography', kk: 'География', ru: 'География', en: 'Geography', assessment: 'marks' },
  { code: 'nvp', kk: 'Алғашқы әскери және технологиялық дайындық', ru: 'Начальная военная и технологическая подготовка', en: 'Basic military and technological training', assessment: 'marks' },
];

/** Subjects taught in two halves when a class has SPLIT_MIN_PUPILS or more. */
export const SPLIT_SUBJECTS: ReadonlySet<string> = new Set(['english', 'informatics']);
export const SPLIT_MIN_PUPILS = 24;

export interface PlanRow { code: string; hours: number; split: boolean }

type Hours = Record<string, number>;

/** Kazakh-medium rows; Russian-medium plans swap the language rows (see `planFor`). */
const PRIMARY_COMMON: Record<number, Hours> = {
  1: { math: 4, digital_literacy: 0.5, natural_science: 1, world_cognition: 1, music: 1, labour: 1, art: 1, pe: 3 },
  2: { english: 0, math: 4, digital_literacy: 1, natural_science: 1, world_cognition: 1, music: 1, labour: 1, art: 1, pe: 3 },
  3: { english: 2, math: 5, digital_literacy: 1, natural_science: 1, world_cognition: 1, music: 1, labour: 1, art: 1, pe: 3 },
  4: { english: 2, math: 5, digital_literacy: 1, natural_science: 1, world_cognition: 1, music: 1, labour: 1, art: 1, pe: 3 },
};
const PRIMARY_LANG: Record<Lang, Record<number, Hours>> = {
  kk: {
    1: { literacy: 6 },
    2: { kazakh_lang: 4, literary_reading: 3, russian_lang: 2 },
    3: { kazakh_lang: 4, literary_reading: 3, russian_lang: 2 },
    4: { kazakh_lang: 4, literary_reading: 3, russian_lang: 2 },
  },
  ru: {
    1: { literacy: 6, kazakh_lang: 2 },
    2: { russian_lang: 4, literary_reading: 3, kazakh_lang: 3 },
    3: { russian_lang: 4, literary_reading: 3, kazakh_lang: 3 },
    4: { russian_lang: 4, literary_reading: 3, kazakh_lang: 4 },
  },
};

const MIDDLE_COMMON: Hours = {
  english: 3, math: 5, informatics: 1, natural_science: 2, history_kz: 2, world_history: 1, music: 1, art_labour: 2, pe: 3, global_competences: 0.5,
};
const SENIOR_COMMON: Record<number, Hours> = {
  7: { english: 3, algebra: 3, geometry: 2, informatics: 1, physics: 2, chemistry: 2, biology: 2, geography: 2, history_kz: 2, world_history: 1, art_labour: 1, pe: 3 },
  8: { english: 3, algebra: 3, geometry: 2, informatics: 1, physics: 2, chemistry: 2, biology: 2, geography: 2, history_kz: 2, world_history: 1, art_labour: 1, pe: 3 },
  9: { english: 2, algebra: 3, geometry: 2, informatics: 1, physics: 2, chemistry: 2, biology: 2, geography: 2, history_kz: 2, world_history: 1, law: 1, art_labour: 1, pe: 3 },
  10: { english: 2, algebra: 3, geometry: 2, informatics: 2, physics: 3, chemistry: 2, biology: 2, geography: 1, history_kz: 2, world_history: 1, law: 1, nvp: 2, pe: 2 },
  11: { english: 2, algebra: 3, geometry: 2, informatics: 2, physics: 3, chemistry: 2, biology: 2, geography: 1, history_kz: 2, world_history: 1, law: 1, nvp: 2, pe: 2 },
};
function secondaryLang(lang: Lang, grade: number): Hours {
  const own = grade <= 6 ? 3 : grade <= 9 ? 2 : 1;
  const other = grade <= 6 ? 3 : 2;
  return lang === 'kk'
    ? { kazakh_lang: own, kazakh_lit: 2, russian_lang_lit: other }
    : { russian_lang: own, russian_lit: 2, kazakh_lang_lit: other };
}

/** The weekly plan of a grade in a language of instruction, in SUBJECTS order. */
export function planFor(grade: number, lang: Lang): PlanRow[] {
  let hours: Hours;
  if (grade <= 4) hours = { ...PRIMARY_LANG[lang][grade], ...PRIMARY_COMMON[grade] };
  else if (grade <= 6) hours = { ...secondaryLang(lang, grade), ...MIDDLE_COMMON };
  else hours = { ...secondaryLang(lang, grade), ...SENIOR_COMMON[grade] };
  const rows: PlanRow[] = [];
  for (const s of SUBJECTS) {
    const h = hours[s.code];
    if (h) rows.push({ code: s.code, hours: h, split: SPLIT_SUBJECTS.has(s.code) });
  }
  return rows;
}

export const totalHours = (plan: readonly PlanRow[]): number => plan.reduce((n, r) => n + r.hours, 0);

/** Teacher specialties: who teaches a subject in a grade. */
export type Specialty =
  | 'primary' | 'kazakh' | 'russian' | 'english' | 'math' | 'informatics' | 'physics' | 'chemistry' | 'biology'
  | 'geography' | 'history' | 'music' | 'art' | 'pe' | 'nvp';

export const SPECIALTIES: readonly Specialty[] = [
  'primary', 'math', 'kazakh', 'russian', 'english', 'informatics', 'physics', 'chemistry', 'biology', 'geography',
  'history', 'music', 'art', 'pe', 'nvp',
];

/**
 * A primary class has its own teacher for everything except the second language (Kazakh in Russian-medium
 * classes, Russian in Kazakh-medium ones), English, digital literacy (taught in the computer room), music and PE.
 */
export function specialtyOf(code: string, grade: number, lang: Lang): Specialty {
  switch (code) {
    case 'kazakh_lang':
      return grade <= 4 && lang === 'kk' ? 'primary' : 'kazakh';
    case 'russian_lang':
      return grade <= 4 && lang === 'ru' ? 'primary' : 'russian';
    case 'kazakh_lit': case 'kazakh_lang_lit': return 'kazakh';
    case 'russian_lit': case 'russian_lang_lit': return 'russian';
    case 'literacy': case 'literary_reading': case 'world_cognition': case 'labour': case 'art': return 'primary';
    case 'math': return grade <= 4 ? 'primary' : 'math';
    case 'natural_science': return grade <= 4 ? 'primary' : 'biology';
    case 'algebra': case 'geometry': return 'math';
    case 'digital_literacy': case 'informatics': return 'informatics';
    case 'english': return 'english';
    case 'physics': return 'physics';
    case 'chemistry': return 'chemistry';
    case 'biology': return 'biology';
    case 'geography': case 'global_competences': return 'geography';
    case 'history_kz': case 'world_history': case 'law': return 'history';
    case 'music': return 'music';
    case 'art_labour': return 'art';
    case 'pe': return 'pe';
    case 'nvp': return 'nvp';
    default: throw new Error(`no specialty for subject ${code}`);
  }
}

/** Grades in each shift. Shift 1 starts at 08:00, shift 2 after shift 1 has ended. */
export const SHIFT_GRADES: Record<1 | 2, readonly number[]> = { 1: [1, 5, 9, 10, 11], 2: [2, 3, 4, 6, 7, 8] };
export const shiftOfGrade = (grade: number): 1 | 2 => (SHIFT_GRADES[1].includes(grade) ? 1 : 2);

/**
 * Most lessons a class may have in a day: 7 in grades 5–11; 4 in grade 1 and 5 in 2–4 unless the plan needs more.
 * (The plans above need at most 6 in grades 5–11, so shift 1 gets by with 6 periods and shift 2 starts earlier.)
 */
export function maxLessonsPerDay(grade: number, weeklyLessons: number): number {
  if (grade >= 5) return 7;
  return Math.max(grade === 1 ? 4 : 5, Math.ceil(weeklyLessons / 5));
}
