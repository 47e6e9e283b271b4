import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUNDING_MODES } from '../../../src-core/grading/rounding';
import { defaultGradingSettings, GradingSettings } from '../../../src-core/grading/settings';
import { termMark, TermMarkInput } from '../../../src-core/grading/term-mark';
import { yearMark } from '../../../src-core/grading/year-mark';

/** Properties that hold for any valid marks under any valid settings, not just the examples of term-mark.test.ts. */

const RUNS = { numRuns: 500 };

const score = fc.integer({ min: 1, max: 60 }).chain((max) => fc.record({ score: fc.integer({ min: 0, max }), max: fc.constant(max) }));
const fo = fc.array(fc.integer({ min: 1, max: defaultGradingSettings.foMax }), { maxLength: 12 });
const soch = fc.integer({ min: 1, max: 60 })
  .chain((max) => fc.record({ score: fc.option(fc.integer({ min: 0, max }), { nil: null }), max: fc.constant(max) }));

const termInput = fc.record({
  assessment: fc.constant('marked' as const),
  period: fc.constant('term' as const),
  fo,
  sor: fc.array(score, { maxLength: 6 }),
  soch: fc.option(soch, { nil: null }),
});
const halfYearInput = fc.record({
  assessment: fc.constant('marked' as const),
  period: fc.constant('halfYear' as const),
  fo,
  sor: fc.array(score, { maxLength: 6 }),
  soch: fc.constant(null),
});
/** Valid by the schema, or the generator is wrong: parse says so at once. */
const markedInput = fc.oneof(termInput, halfYearInput).map((input) => TermMarkInput.parse(input));

/** Weights from whole parts (2 : 1 : 3 …), not all zero. */
const weights3 = fc.tuple(fc.nat(8), fc.nat(8), fc.nat(8)).filter(([a, b, c]) => a + b + c > 0)
  .map(([a, b, c]) => ({ fo: a / (a + b + c), sor: b / (a + b + c), soch: c / (a + b + c) }));
const weights2 = fc.tuple(fc.nat(8), fc.nat(8)).filter(([a, b]) => a + b > 0).map(([a, b]) => ({ fo: a / (a + b), sor: b / (a + b) }));
/** A scale starting at 0 %, steps at tenths of a percent, marks rising by 1–3 from -2..5. */
const scale = fc.record({
  starts: fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 5 }),
  lowest: fc.integer({ min: -2, max: 5 }),
  rises: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
}).map(({ starts, lowest, rises }) => [0, ...starts.sort((a, b) => a - b)].map((tenths, i) => ({
  fromPercent: tenths / 10,
  mark: lowest + rises.slice(0, i).reduce((a, b) => a + b, 0),
})));
const settings = fc.record({
  weights: weights3,
  noSochWeights: weights2,
  scale,
  percentDecimals: fc.integer({ min: 0, max: 3 }),
  missingComponent: fc.constantFrom('redistribute' as const, 'zero' as const),
}).map((s) => GradingSettings.parse({ ...defaultGradingSettings, ...s }));
const anySettings = fc.oneof(fc.constant(defaultGradingSettings), settings);

describe('termMark properties', () => {
  it('the percent lies in 0..100 and the mark is one of the scale, both or neither', () => {
    fc.assert(fc.property(markedInput, anySettings, (input, s) => {
      const { percent, mark } = termMark(input, s);
      if (percent === null) return mark === null;
      return percent >= 0 && percent <= 100 && s.scale.some((step) => step.mark === mark);
    }), RUNS);
  });

  it('a better ФО never lowers the percent or the mark', () => {
    fc.assert(fc.property(markedInput, anySettings, fc.nat(), fc.integer({ min: 1, max: 9 }), (input, s, at, by) => {
      fc.pre(input.fo.length > 0);
      const i = at % input.fo.length;
      const fo = input.fo.map((m, j) => (j === i ? Math.min(defaultGradingSettings.foMax, m + by) : m));
      expectNoWorse(termMark(input, s), termMark({ ...input, fo }, s));
    }), RUNS);
  });

  it('a better СОР score never lowers the percent or the mark', () => {
    fc.assert(fc.property(markedInput, anySettings, fc.nat(), fc.integer({ min: 1, max: 60 }), (input, s, at, by) => {
      fc.pre(input.sor.length > 0);
      const i = at % input.sor.length;
      const sor = input.sor.map((t, j) => (j === i ? { ...t, score: Math.min(t.max, t.score + by) } : t));
      expectNoWorse(termMark(input, s), termMark({ ...input, sor }, s));
    }), RUNS);
  });

  it('a better СОЧ score never lowers the percent or the mark', () => {
    fc.assert(fc.property(markedInput, anySettings, fc.integer({ min: 1, max: 60 }), (input, s, by) => {
      const written = input.soch;
      fc.pre(written !== null && written.score !== null);
      const better = { ...written, score: Math.min(written.max, written.score! + by) };
      expectNoWorse(termMark(input, s), termMark({ ...input, soch: better }, s));
    }), RUNS);
  });

  it("counting a missing component as 0 % never gives more than redistributing its weight", () => {
    fc.assert(fc.property(markedInput, settings, (input, s) => {
      const zero = termMark(input, { ...s, missingComponent: 'zero' });
      const redistributed = termMark(input, { ...s, missingComponent: 'redistribute' });
      expect(zero.percent === null).toBe(redistributed.percent === null);
      if (zero.percent !== null) expect(zero.percent).toBeLessThanOrEqual(redistributed.percent!);
    }), RUNS);
  });

  it('the needed СОЧ score reaches its mark and one point less does not; null: not even the maximum reaches it', () => {
    fc.assert(fc.property(markedInput, anySettings, (input, s) => {
      fc.pre(input.period === 'term' && input.soch !== null);
      const max = input.soch!.max;
      const markWith = (points: number) => termMark({ ...input, soch: { score: points, max } }, s).mark ?? -Infinity;
      const { mark, needed } = termMark(input, s);
      expect(needed.map((n) => n.mark)).toEqual(s.scale.map((step) => step.mark).filter((m) => mark === null || m >= mark));
      for (const { mark: wanted, sochScore } of needed) {
        if (sochScore === null) {
          expect(markWith(max)).toBeLessThan(wanted);
          continue;
        }
        expect(sochScore).toBeGreaterThanOrEqual(0);
        expect(sochScore).toBeLessThanOrEqual(max);
        expect(markWith(sochScore)).toBeGreaterThanOrEqual(wanted);
        if (sochScore > 0) expect(markWith(sochScore - 1)).toBeLessThan(wanted);
      }
    }), RUNS);
  });
});

describe('yearMark properties', () => {
  const periodMarks = fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 }), { maxLength: 6 });

  it('lies between the lowest and the highest period mark, and near their mean, under every rounding', () => {
    fc.assert(fc.property(periodMarks, fc.constantFrom(...ROUNDING_MODES), (marks, yearRounding) => {
      const given = marks.filter((m): m is number => m !== null);
      const { mark, mean } = yearMark(marks, { yearRounding });
      if (given.length === 0) return mark === null && mean === null;
      const nearest = yearRounding === 'halfUp' || yearRounding === 'halfEven';
      return mark !== null && mean !== null && Number.isInteger(mark)
        && mark >= Math.min(...given) && mark <= Math.max(...given)
        && Math.abs(mark - mean) <= (nearest ? 0.5 : 1 - 1e-9);
    }), RUNS);
  });
});

/** The same components have marks before and after (a weight of 0 may leave both without a percent). */
function expectNoWorse(before: ReturnType<typeof termMark>, after: ReturnType<typeof termMark>): void {
  expect(after.percent === null).toBe(before.percent === null);
  if (before.percent === null) return;
  expect(after.percent!).toBeGreaterThanOrEqual(before.percent);
  expect(after.mark!).toBeGreaterThanOrEqual(before.mark!);
}
