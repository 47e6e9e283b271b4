import { roundTo } from './rounding';
import type { GradingSettings } from './settings';

/**
 * The year mark of a subject, by МОН order No. 125 as amended: the arithmetic mean of the term (or half-year)
 * marks, rounded to a whole mark as the settings say (the order: "to the nearest integer", 3.5 → 4).
 * A period without a mark (null: not assessed, or no marks that term) is left out of the mean; with no marks at
 * all there is no year mark.
 */
export interface YearMark {
  mark: number | null;
  mean: number | null;
}

export function yearMark(periodMarks: readonly (number | null)[], settings: Pick<GradingSettings, 'yearRounding'>): YearMark {
  const marks = periodMarks.filter((m): m is number => m !== null);
  if (marks.length === 0) return { mark: null, mean: null };
  const mean = marks.reduce((a, b) => a + b, 0) / marks.length;
  return { mark: roundTo(mean, 0, settings.yearRounding), mean };
}
