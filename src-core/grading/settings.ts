import { z } from 'zod';
import { ROUNDING_MODES } from './rounding';

/**
 * The settings of criteria-based assessment (критериальное оценивание, grades 2–11). Every number here comes from
 * МОН order No. 125 of 18.03.2008 («Типовые правила проведения текущего контроля успеваемости, промежуточной и
 * итоговой аттестации обучающихся»), amended many times (2018–2024), or is a default the order does not fix
 * (marked *unsourced*). A ministry order changes them: they are data, never constants of the rules.
 */

/** Weights may differ by less than this from a sum of 1: 0.1 + 0.2 is not exactly 0.3 in floating point. */
const WEIGHT_SUM_TOLERANCE = 1e-9;

const Weight = z.number().min(0).max(1);

function addsUpToOne(weights: Record<string, number>): boolean {
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  return Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE;
}

/** Shares of ФО (formative), СОР (summative for a section) and СОЧ (summative for a term) in a term's percent. */
export const TermWeights = z.object({ fo: Weight, sor: Weight, soch: Weight }).strict()
  .refine(addsUpToOne, { message: 'The weights of ФО, СОР and СОЧ must add up to 1 (100 %)' });

/** Shares of ФО and СОР in a half-year's percent (subjects of 1 hour a week have no СОЧ). */
export const HalfYearWeights = z.object({ fo: Weight, sor: Weight }).strict()
  .refine(addsUpToOne, { message: 'The weights of ФО and СОР must add up to 1 (100 %)' });

/** One step of the scale: from this percent upwards (until the next step) the mark is `mark`. */
export const ScaleStep = z.object({ fromPercent: z.number().min(0).max(100), mark: z.number().int() }).strict();

/** Percent → mark, as ordered steps: the first starts at 0 %, percents and marks both rise step by step. */
export const MarkScale = z.array(ScaleStep).min(1).superRefine((steps, ctx) => {
  if (steps[0] && steps[0].fromPercent !== 0) {
    ctx.addIssue({ code: 'custom', path: [0, 'fromPercent'], message: 'The scale must start at 0 %: every percent needs a mark' });
  }
  steps.forEach((step, i) => {
    const before = steps[i - 1];
    if (!before) return;
    if (step.fromPercent <= before.fromPercent) {
      ctx.addIssue({ code: 'custom', path: [i, 'fromPercent'], message: `Step ${i + 1} of the scale must start above ${before.fromPercent} %, where step ${i} starts` });
    }
    if (step.mark <= before.mark) {
      ctx.addIssue({ code: 'custom', path: [i, 'mark'], message: `Marks must rise with the percent: step ${i + 1} gives ${step.mark}, not more than ${before.mark}` });
    }
  });
});
export type MarkScale = z.infer<typeof MarkScale>;

export const GradingSettings = z.object({
  /** Term (quarter) percent = fo × mean(ФО)/foMax + sor × mean(СОР score/max) + soch × СОЧ score/max. */
  weights: TermWeights,
  /** Half-year percent of subjects of 1 hour a week, from ФО and СОР only. */
  noSochWeights: HalfYearWeights,
  scale: MarkScale,
  /** The highest formative mark (ФО is given in points 1..foMax). */
  foMax: z.number().int().min(1),
  /** The percent from which a pass/fail («зачёт») subject is passed. */
  passPercent: z.number().min(0).max(100),
  /** Decimals the percent is rounded to (half up) before the scale is applied. */
  percentDecimals: z.number().int().min(0).max(6),
  /** How the mean of the term (half-year) marks is rounded to the year mark. */
  yearRounding: z.enum(ROUNDING_MODES),
  /** A component with no marks in the period: its weight goes to the others in proportion, or it counts as 0 %. */
  missingComponent: z.enum(['redistribute', 'zero']),
}).strict();
export type GradingSettings = z.infer<typeof GradingSettings>;

/**
 * Some settings over the defaults: each one given replaces the default whole (weights are not merged key by key).
 * Not foMax: the ФО scale is the journal's (marks are stored and checked as 1..foMax), not a per-calculation choice.
 */
export const GradingSettingsOverride = GradingSettings.omit({ foMax: true }).partial().strict();
export type GradingSettingsOverride = z.infer<typeof GradingSettingsOverride>;

/** The settings of МОН order No. 125 as amended (term formula since 2020), and the defaults it leaves open. */
export const defaultGradingSettings: GradingSettings = GradingSettings.parse({
  weights: { fo: 0.25, sor: 0.25, soch: 0.5 },
  // Unsourced: the order gives no weights for subjects without a СОЧ; half and half until the school decides.
  noSochWeights: { fo: 0.5, sor: 0.5 },
  // 0–39 % → 2, 40–64 % → 3, 65–84 % → 4, 85–100 % → 5 (grades 2–11).
  scale: [
    { fromPercent: 0, mark: 2 },
    { fromPercent: 40, mark: 3 },
    { fromPercent: 65, mark: 4 },
    { fromPercent: 85, mark: 5 },
  ],
  foMax: 10,
  // Unsourced: the order names the pass/fail subjects but no threshold; 40 % is where the mark 3 starts.
  passPercent: 40,
  // Unsourced: the order does not say how 64.96 % is rounded; one decimal, half up (64.96 → 65.0 → 4).
  percentDecimals: 1,
  // "Rounded to the nearest integer": 3.5 → 4.
  yearRounding: 'halfUp',
  // Unsourced: a term with no СОР counts the ФО and СОЧ in their 25:50 proportion rather than as 0 %.
  missingComponent: 'redistribute',
});

/** The defaults with some settings replaced; the result is checked again (a scale, weights that add up). */
export function gradingSettingsWith(override: GradingSettingsOverride = {}): z.ZodSafeParseResult<GradingSettings> {
  return GradingSettings.safeParse({ ...defaultGradingSettings, ...withoutUndefined(override) });
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
