import { z } from 'zod';
import { roundTo } from './rounding';
import { defaultGradingSettings, type GradingSettings, type MarkScale } from './settings';

/**
 * The term (quarter) or half-year mark of one pupil in one subject, by МОН order No. 125 as amended (criteria-based
 * assessment, term formula since 2020): the shares of ФО, СОР and СОЧ are weighted into a percent, the percent is
 * rounded and the scale gives the mark. All numbers come from the settings (src-core/grading/settings.ts).
 */

const Points = z.number().int().min(0);
const Maximum = z.number().int().min(1);

function scoreNotAboveMax(value: { score: number | null; max: number }, ctx: z.RefinementCtx): void {
  if (value.score === null || value.score <= value.max) return;
  ctx.addIssue({
    code: 'too_big', origin: 'number', maximum: value.max, inclusive: true, input: value.score, path: ['score'],
    message: `The score ${value.score} is above the maximum ${value.max}`,
  });
}

/** A СОР (summative for a section): points scored out of the task's maximum. */
export const SorScore = z.object({ score: Points, max: Maximum }).strict().superRefine(scoreNotAboveMax);
/** The СОЧ (summative for the term): points out of its maximum; score null while it is not written yet. */
export const SochScore = z.object({ score: Points.nullable(), max: Maximum }).strict().superRefine(scoreNotAboveMax);

/**
 * What a term (half-year) mark is computed from. assessment: 'marked' (grades 2–11), 'passFail' («зачёт»: music,
 * PE, art and labour in primary school), 'none' (grade 1: feedback only). period: 'halfYear' for subjects of 1 hour
 * a week, which have no СОЧ. soch: null when the period has no СОЧ.
 */
export function termMarkInputFor(foMax: number) {
  return z.object({
    assessment: z.enum(['marked', 'passFail', 'none']),
    period: z.enum(['term', 'halfYear']),
    fo: z.array(z.number().int().min(1).max(foMax)),
    sor: z.array(SorScore),
    soch: SochScore.nullable(),
  }).strict().superRefine((input, ctx) => {
    if (input.period === 'halfYear' && input.soch !== null) {
      ctx.addIssue({ code: 'custom', path: ['soch'], message: 'A half-year is marked from ФО and СОР only: it has no СОЧ' });
    }
  });
}

/** The input of termMark, its ФО on the default scale 1..foMax. */
export const TermMarkInput = termMarkInputFor(defaultGradingSettings.foMax);
export type TermMarkInput = z.infer<typeof TermMarkInput>;

/**
 * percent: rounded as the settings say, null without marks; mark: by the scale (marked subjects); pass: pass/fail
 * subjects; reason: 'noMarks' (nothing that counts was given), 'notAssessed' (grade 1). needed: for the current mark
 * and each higher one, the lowest whole СОЧ score that reaches it (null: not even the maximum does), when the term
 * has a СОЧ (written or not: a written score is replaced by each candidate).
 */
export const TermMarkResult = z.object({
  percent: z.number().min(0).max(100).nullable(),
  mark: z.number().int().nullable(),
  pass: z.boolean().nullable(),
  reason: z.enum(['ok', 'noMarks', 'notAssessed']),
  needed: z.array(z.object({ mark: z.number().int(), sochScore: z.number().int().nullable() })),
});
export type TermMarkResult = z.infer<typeof TermMarkResult>;

/** One part of the percent: its weight and the share of its maximum the pupil reached (null: no marks for it). */
interface Component {
  weight: number;
  share: number | null;
}

export function termMark(input: TermMarkInput, settings: GradingSettings): TermMarkResult {
  if (input.assessment === 'none') return { percent: null, mark: null, pass: null, reason: 'notAssessed', needed: [] };
  const percent = percentOf(componentsOf(input, settings, sochShare(input.soch)), settings);
  if (input.assessment === 'passFail') {
    return percent === null
      ? { percent, mark: null, pass: null, reason: 'noMarks', needed: [] }
      : { percent, mark: null, pass: percent >= settings.passPercent, reason: 'ok', needed: [] };
  }
  const mark = percent === null ? null : markFor(percent, settings.scale);
  const needed = neededSochScores(input, settings, mark);
  return { percent, mark, pass: null, reason: percent === null ? 'noMarks' : 'ok', needed };
}

function sochShare(soch: TermMarkInput['soch']): number | null {
  return soch === null || soch.score === null ? null : soch.score / soch.max;
}

function componentsOf(input: TermMarkInput, settings: GradingSettings, soch: number | null): Component[] {
  const fo = input.fo.length ? mean(input.fo) / settings.foMax : null;
  const sor = input.sor.length ? mean(input.sor.map((s) => s.score / s.max)) : null;
  if (input.period === 'halfYear') {
    return [{ weight: settings.noSochWeights.fo, share: fo }, { weight: settings.noSochWeights.sor, share: sor }];
  }
  const { weights } = settings;
  return [{ weight: weights.fo, share: fo }, { weight: weights.sor, share: sor }, { weight: weights.soch, share: soch }];
}

/**
 * The weighted percent. A component without marks either gives its weight to the others in proportion
 * ('redistribute') or counts as 0 % ('zero'); null when no component with a weight has marks.
 */
function percentOf(components: Component[], settings: GradingSettings): number | null {
  const counted = components.filter((c): c is { weight: number; share: number } => c.share !== null && c.weight > 0);
  if (counted.length === 0) return null;
  const outOf = sum((settings.missingComponent === 'redistribute' ? counted : components).map((c) => c.weight));
  const share = sum(counted.map((c) => c.weight * c.share)) / outOf;
  return roundTo(share * 100, settings.percentDecimals, 'halfUp');
}

/** The mark of the highest step of the scale the percent reaches (the scale starts at 0 %: there is one). */
export function markFor(percent: number, scale: MarkScale): number {
  let mark = scale[0]!.mark;
  for (const step of scale) if (percent >= step.fromPercent) mark = step.mark;
  return mark;
}

/** "What do I need for a 5?": the lowest СОЧ score for the current mark and each mark above it. */
function neededSochScores(input: TermMarkInput, settings: GradingSettings, markNow: number | null): TermMarkResult['needed'] {
  const soch = input.soch;
  if (input.period !== 'term' || soch === null) return [];
  const markWith = (score: number): number | null => {
    const percent = percentOf(componentsOf(input, settings, score / soch.max), settings);
    return percent === null ? null : markFor(percent, settings.scale);
  };
  return settings.scale
    .filter((step) => markNow === null || step.mark >= markNow)
    .map((step) => ({ mark: step.mark, sochScore: lowestScoreReaching(step.mark, soch.max, markWith) }));
}

/** Binary search over 0..max: the mark never falls as the СОЧ score rises. */
function lowestScoreReaching(mark: number, max: number, markWith: (score: number) => number | null): number | null {
  const reaches = (score: number) => (markWith(score) ?? -Infinity) >= mark;
  if (!reaches(max)) return null;
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (reaches(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function mean(values: number[]): number {
  return sum(values) / values.length;
}
