import { describe, expect, it } from 'vitest';
import { defaultGradingSettings } from '../../../src-core/grading/settings';
import { yearMark } from '../../../src-core/grading/year-mark';

describe('yearMark: the mean of the term (half-year) marks, rounded to the nearest whole mark', () => {
  it.each([
    { marks: [5, 5, 5, 5], mean: 5, mark: 5 },
    { marks: [4, 5, 4, 4], mean: 4.25, mark: 4 }, // 17 / 4
    { marks: [4, 5, 4, 5], mean: 4.5, mark: 5 }, // half up
    { marks: [3, 4, 3, 4], mean: 3.5, mark: 4 }, // 3.5 → 4, as the order says
    { marks: [3, 3, 4, 3], mean: 3.25, mark: 3 },
    { marks: [2, 3, 3, 3], mean: 2.75, mark: 3 },
    { marks: [4, 5], mean: 4.5, mark: 5 }, // two half-years
    { marks: [3, 4, 4], mean: 11 / 3, mark: 4 }, // 3.67
  ])('$marks → $mean → $mark', ({ marks, mean, mark }) => {
    const result = yearMark(marks, defaultGradingSettings);
    expect(result.mark).toBe(mark);
    expect(result.mean).toBeCloseTo(mean, 12);
  });

  it('leaves out a period without a mark: null, 5, 4, null → 4.5 → 5', () => {
    expect(yearMark([null, 5, 4, null], defaultGradingSettings)).toEqual({ mark: 5, mean: 4.5 });
  });

  it('no marks at all → no year mark', () => {
    expect(yearMark([], defaultGradingSettings)).toEqual({ mark: null, mean: null });
    expect(yearMark([null, null], defaultGradingSettings)).toEqual({ mark: null, mean: null });
  });

  it('rounds as the settings say', () => {
    expect(yearMark([2, 3], { yearRounding: 'halfUp' }).mark).toBe(3);
    expect(yearMark([2, 3], { yearRounding: 'halfEven' }).mark).toBe(2);
    expect(yearMark([3, 4], { yearRounding: 'halfEven' }).mark).toBe(4);
    expect(yearMark([4, 4, 5], { yearRounding: 'down' }).mark).toBe(4);
    expect(yearMark([4, 4, 4, 5], { yearRounding: 'up' }).mark).toBe(5);
    expect(yearMark([4, 4, 4], { yearRounding: 'up' }).mark).toBe(4);
  });
});
