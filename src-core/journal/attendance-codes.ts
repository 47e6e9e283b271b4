/**
 * The attendance codes a new school starts with (DOMAIN.md: the Kazakh codes are the ones in use; the school's
 * administration may add or rename codes, so the dictionary lives in data, not in code).
 */
export const DEFAULT_ATTENDANCE_CODES = [
  { code: 'ж', label_kk: 'Себепсіз жоқ', label_ru: 'Отсутствовал без причины', label_en: 'Absent, unexcused', absent: true, excused: false },
  { code: 'д', label_kk: 'Себепті жоқ', label_ru: 'Отсутствовал по уважительной причине', label_en: 'Absent, excused', absent: true, excused: true },
  { code: 'а', label_kk: 'Ауырды', label_ru: 'Болел', label_en: 'Ill', absent: true, excused: true },
  { code: 'к', label_kk: 'Кешікті', label_ru: 'Опоздал', label_en: 'Late', absent: false, excused: false },
] as const;
