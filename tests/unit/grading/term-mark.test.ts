import { describe, expect, it } from 'vitest';
import { defaultGradingSettings, GradingSettings, gradingSettingsWith, type GradingSettingsOverride } from '../../../src-core/grading/settings';
import { termMark, TermMarkInput } from '../../../src-core/grading/term-mark';

type Marks = Omit<TermMarkInput, 'assessment' | 'period'> & Partial<Pick<TermMarkInput, 'assessment' | 'period'>>;

const settingsWith = (override: GradingSettingsOverride = {}) => {
  const parsed = gradingSettingsWith(override);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
};
/** A marked term by default: the input is checked by its schema first, as the contract does. */
const term = (marks: Marks, override?: GradingSettingsOverride) =>
  termMark(TermMarkInput.parse({ assessment: 'marked', period: 'term', ...marks }), settingsWith(override));

describe('the default settings are those of МОН order No. 125 (DOMAIN.md, Assessment)', () => {
  it('25 % ФО + 25 % СОР + 50 % СОЧ; 0/40/65/85 % → 2/3/4/5; ФО out of 10; year mark half up', () => {
    expect(GradingSettings.parse(defaultGradingSettings)).toEqual(defaultGradingSettings);
    expect(defaultGradingSettings).toMatchObject({
      weights: { fo: 0.25, sor: 0.25, soch: 0.5 },
      noSochWeights: { fo: 0.5, sor: 0.5 },
      scale: [{ fromPercent: 0, mark: 2 }, { fromPercent: 40, mark: 3 }, { fromPercent: 65, mark: 4 }, { fromPercent: 85, mark: 5 }],
      foMax: 10, passPercent: 40, percentDecimals: 1, yearRounding: 'halfUp', missingComponent: 'redistribute',
    });
  });
});

describe('GradingSettings: settings that cannot work are refused with a clear message', () => {
  const messagesOf = (override: GradingSettingsOverride) => {
    const parsed = gradingSettingsWith(override);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts weights that add up to 1 within rounding (0.1 + 0.2 + 0.7)', () => {
    expect(messagesOf({ weights: { fo: 0.1, sor: 0.2, soch: 0.7 } })).toEqual([]);
  });

  it('refuses weights that do not add up to 1', () => {
    expect(messagesOf({ weights: { fo: 0.25, sor: 0.25, soch: 0.4 } })).toEqual(['weights: The weights of ФО, СОР and СОЧ must add up to 1 (100 %)']);
    expect(messagesOf({ noSochWeights: { fo: 0.5, sor: 0.6 } })).toEqual(['noSochWeights: The weights of ФО and СОР must add up to 1 (100 %)']);
  });

  it('refuses a scale that does not start at 0 %, does not rise, or gives lower marks for more', () => {
    expect(messagesOf({ scale: [{ fromPercent: 10, mark: 2 }, { fromPercent: 50, mark: 3 }] }))
      .toEqual(['scale.0.fromPercent: The scale must start at 0 %: every percent needs a mark']);
    expect(messagesOf({ scale: [{ fromPercent: 0, mark: 2 }, { fromPercent: 65, mark: 3 }, { fromPercent: 40, mark: 4 }] }))
      .toEqual(['scale.2.fromPercent: Step 3 of the scale must start above 65 %, where step 2 starts']);
    expect(messagesOf({ scale: [{ fromPercent: 0, mark: 3 }, { fromPercent: 40, mark: 2 }] }))
      .toEqual(['scale.1.mark: Marks must rise with the percent: step 2 gives 2, not more than 3']);
    expect(messagesOf({ scale: [] })).toHaveLength(1);
  });

  it('refuses a pass threshold outside 0–100 % and settings it does not know', () => {
    expect(messagesOf({ passPercent: 101 })).toHaveLength(1);
    expect(gradingSettingsWith({ passMark: 3 } as GradingSettingsOverride).success).toBe(false);
  });
});

describe('termMark: a marked term (grades 2–11)', () => {
  it('works the example through: ФО 8 → 20 %, СОР 15/20 → 18.75 %, СОЧ 20/25 → 40 %: 78.75 → 78.8 % → 4', () => {
    const result = term({ fo: [7, 9, 8], sor: [{ score: 15, max: 20 }], soch: { score: 20, max: 25 } });
    expect(result).toMatchObject({ percent: 78.8, mark: 4, pass: null, reason: 'ok' });
  });

  it('averages the СОР as shares of each maximum: 8/10 and 12/20 → (0.8 + 0.6)/2 = 0.7, not 20/30', () => {
    // ФО 10 → 25 %; СОР 0.7 × 25 = 17.5 %; СОЧ 0/10 → 0 %: 42.5 % → 3 (20/30 would give 41.7 %, a 3 too, so
    // the percent is what tells them apart).
    expect(term({ fo: [10], sor: [{ score: 8, max: 10 }, { score: 12, max: 20 }], soch: { score: 0, max: 10 } }).percent).toBe(42.5);
  });

  it.each([
    // ФО 10 → 25 %; СОР 0/20 → 0 %; СОЧ s/500 × 50 %.
    { soch: 149, sor: 0, percent: 39.9, mark: 2 }, // 25 + 14.9
    { soch: 150, sor: 0, percent: 40, mark: 3 }, // 25 + 15
    { soch: 399, sor: 0, percent: 64.9, mark: 3 }, // 25 + 39.9
    { soch: 400, sor: 0, percent: 65, mark: 4 }, // 25 + 40
    // ФО 10 → 25 %; СОР 20/20 → 25 %; СОЧ s/500 × 50 %.
    { soch: 349, sor: 20, percent: 84.9, mark: 4 }, // 50 + 34.9
    { soch: 350, sor: 20, percent: 85, mark: 5 }, // 50 + 35
    { soch: 500, sor: 20, percent: 100, mark: 5 },
  ])('the scale at its boundaries: $percent % → $mark', ({ soch, sor, percent, mark }) => {
    const result = term({ fo: [10], sor: [{ score: sor, max: 20 }], soch: { score: soch, max: 500 } });
    expect(result).toMatchObject({ percent, mark, reason: 'ok' });
  });

  it('the lowest marks: ФО 1 → 2.5 %, СОР 0 %, СОЧ 0 % → 2', () => {
    expect(term({ fo: [1], sor: [{ score: 0, max: 20 }], soch: { score: 0, max: 25 } })).toMatchObject({ percent: 2.5, mark: 2 });
  });

  it('rounds the percent half up to one decimal before the scale: 39.95 → 40.0 → 3, 39.94 → 39.9 → 2', () => {
    // ФО 10 → 25 %; СОР 0 %; СОЧ 2990/10000 × 50 = 14.95 % (2988 → 14.94 %).
    expect(term({ fo: [10], sor: [{ score: 0, max: 1 }], soch: { score: 2990, max: 10000 } })).toMatchObject({ percent: 40, mark: 3 });
    expect(term({ fo: [10], sor: [{ score: 0, max: 1 }], soch: { score: 2988, max: 10000 } })).toMatchObject({ percent: 39.9, mark: 2 });
  });

  it('rounds to the decimals the settings say', () => {
    const marks = { fo: [10], sor: [{ score: 0, max: 1 }], soch: { score: 2988, max: 10000 } }; // 39.94 %
    expect(term(marks, { percentDecimals: 0 })).toMatchObject({ percent: 40, mark: 3 });
    expect(term(marks, { percentDecimals: 2 })).toMatchObject({ percent: 39.94, mark: 2 });
  });

  it('follows a scale and weights from the settings', () => {
    const marks = { fo: [8], sor: [{ score: 15, max: 20 }], soch: { score: 20, max: 25 } };
    // 1/3 each: (0.8 + 0.75 + 0.8)/3 = 78.33… → 78.3 %.
    expect(term(marks, { weights: { fo: 1 / 3, sor: 1 / 3, soch: 1 / 3 } }).percent).toBe(78.3);
    const fiveSteps = [{ fromPercent: 0, mark: 1 }, { fromPercent: 20, mark: 2 }, { fromPercent: 50, mark: 3 }, { fromPercent: 70, mark: 4 }, { fromPercent: 90, mark: 5 }];
    expect(term(marks, { scale: fiveSteps })).toMatchObject({ percent: 78.8, mark: 4 });
    expect(term({ ...marks, soch: { score: 25, max: 25 } }, { scale: fiveSteps })).toMatchObject({ percent: 88.8, mark: 4 });
  });
});

describe('termMark: a component missing in the period', () => {
  // ФО 6 → share 0.6; no СОР; СОЧ 24/25 → 0.96.
  const noSor = { fo: [6], sor: [], soch: { score: 24, max: 25 } };

  it('redistributes the weight of the missing СОР: (25 × 0.6 + 50 × 0.96) / 75 % = 84 % → 4', () => {
    expect(term(noSor)).toMatchObject({ percent: 84, mark: 4, reason: 'ok' });
  });

  it("or counts it as 0 % when the settings say 'zero': 15 + 48 = 63 % → 3", () => {
    expect(term(noSor, { missingComponent: 'zero' })).toMatchObject({ percent: 63, mark: 3 });
  });

  it('a СОЧ not written yet is missing too: the mark so far comes from ФО and СОР', () => {
    // (25 × 0.8 + 25 × 0.75) / 50 % = 77.5 % → 4.
    expect(term({ fo: [8], sor: [{ score: 15, max: 20 }], soch: { score: null, max: 25 } })).toMatchObject({ percent: 77.5, mark: 4 });
  });

  it('only ФО: their mean out of 10', () => {
    expect(term({ fo: [9, 10], sor: [], soch: null })).toMatchObject({ percent: 95, mark: 5 });
  });

  it('no marks at all → no mark, with the reason', () => {
    expect(term({ fo: [], sor: [], soch: null })).toEqual({ percent: null, mark: null, pass: null, reason: 'noMarks', needed: [] });
    expect(term({ fo: [], sor: [], soch: { score: null, max: 25 } }, { missingComponent: 'zero' })).toMatchObject({ percent: null, mark: null, reason: 'noMarks' });
  });

  it('marks of a component whose weight is 0 do not count', () => {
    const sochOnly = { weights: { fo: 0, sor: 0, soch: 1 } };
    expect(term({ fo: [10], sor: [], soch: null }, sochOnly)).toMatchObject({ percent: null, reason: 'noMarks' });
    expect(term({ fo: [10], sor: [], soch: { score: 5, max: 10 } }, sochOnly)).toMatchObject({ percent: 50, mark: 3 });
  });
});

describe('termMark: grade 1, pass/fail subjects and half-years', () => {
  it('grade 1 is not assessed: no percent, no mark, whatever was entered', () => {
    const result = term({ assessment: 'none', fo: [10], sor: [{ score: 20, max: 20 }], soch: { score: 25, max: 25 } });
    expect(result).toEqual({ percent: null, mark: null, pass: null, reason: 'notAssessed', needed: [] });
  });

  it('a pass/fail subject is passed from 40 %: ФО 4 → 40 % passes, ФО 3, 5, 3 → 36.7 % does not', () => {
    expect(term({ assessment: 'passFail', fo: [4, 4], sor: [], soch: null })).toEqual({ percent: 40, mark: null, pass: true, reason: 'ok', needed: [] });
    expect(term({ assessment: 'passFail', fo: [3, 5, 3], sor: [], soch: null })).toMatchObject({ percent: 36.7, mark: null, pass: false });
    expect(term({ assessment: 'passFail', fo: [3, 5, 3], sor: [], soch: null }, { passPercent: 35 })).toMatchObject({ pass: true });
  });

  it('a pass/fail subject without marks is neither passed nor failed', () => {
    expect(term({ assessment: 'passFail', fo: [], sor: [], soch: null })).toMatchObject({ pass: null, reason: 'noMarks' });
  });

  it('a half-year (1 hour a week) weighs ФО and СОР half and half: ФО 9 → 90 %, СОР 10/20 → 50 %: 70 % → 4', () => {
    const halfYear = { period: 'halfYear' as const, fo: [9], sor: [{ score: 10, max: 20 }], soch: null };
    expect(term(halfYear)).toMatchObject({ percent: 70, mark: 4, needed: [] });
    // 0.2 × 90 + 0.8 × 50 = 58 % → 3.
    expect(term(halfYear, { noSochWeights: { fo: 0.2, sor: 0.8 } })).toMatchObject({ percent: 58, mark: 3 });
  });
});

describe('termMark: the СОЧ score needed for each mark', () => {
  it('ФО 8, СОР 15/20, СОЧ out of 25 not written: 38.75 % + 2 % a point → 4 from 14 (66.75 %), 5 from 24 (86.75 %)', () => {
    // 13 points → 64.75 → 64.8 % (a 3); 23 points → 84.75 → 84.8 % (a 4).
    const result = term({ fo: [8], sor: [{ score: 15, max: 20 }], soch: { score: null, max: 25 } });
    expect(result.needed).toEqual([{ mark: 4, sochScore: 14 }, { mark: 5, sochScore: 24 }]);
  });

  it('starts at the mark with the written СОЧ, which each candidate score replaces', () => {
    const written = term({ fo: [8], sor: [{ score: 15, max: 20 }], soch: { score: 10, max: 25 } }); // 58.75 % → 3
    expect(written.mark).toBe(3);
    expect(written.needed).toEqual([{ mark: 3, sochScore: 1 }, { mark: 4, sochScore: 14 }, { mark: 5, sochScore: 24 }]);
  });

  it('null when not even the full СОЧ reaches the mark', () => {
    // ФО 2 → 5 %, СОР 2/20 → 2.5 %: 7.5 % + 2 % a point; so far 7.5/50 = 15 % → 2.
    // 3 needs 7.5 + 2s ≥ 40 → s ≥ 16.25 → 17; 4 needs s ≥ 28.75 > 25; 5 more still.
    const result = term({ fo: [2], sor: [{ score: 2, max: 20 }], soch: { score: null, max: 25 } });
    expect(result.needed).toEqual([{ mark: 2, sochScore: 0 }, { mark: 3, sochScore: 17 }, { mark: 4, sochScore: null }, { mark: 5, sochScore: null }]);
  });

  it('with no other marks the СОЧ alone decides: out of 20, 3 from 8 (40 %), 4 from 13 (65 %), 5 from 17 (85 %)', () => {
    const result = term({ fo: [], sor: [], soch: { score: null, max: 20 } });
    expect(result).toMatchObject({ mark: null, reason: 'noMarks' });
    expect(result.needed).toEqual([{ mark: 2, sochScore: 0 }, { mark: 3, sochScore: 8 }, { mark: 4, sochScore: 13 }, { mark: 5, sochScore: 17 }]);
  });

  it('none without a СОЧ in the term, for a half-year or for a pass/fail subject', () => {
    expect(term({ fo: [8], sor: [], soch: null }).needed).toEqual([]);
    expect(term({ assessment: 'passFail', fo: [8], sor: [], soch: { score: null, max: 25 } }).needed).toEqual([]);
  });
});

describe('TermMarkInput: what termMark accepts', () => {
  const ok = { assessment: 'marked', period: 'term', fo: [1, 10], sor: [{ score: 0, max: 1 }], soch: { score: null, max: 25 } };
  const pathsOf = (input: unknown) => {
    const parsed = TermMarkInput.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.code}`);
  };

  it('accepts ФО 1–10, scores 0..max and a СОЧ not written yet', () => {
    expect(pathsOf(ok)).toEqual([]);
  });

  it.each([
    [{ fo: [0] }, 'fo.0:too_small'],
    [{ fo: [11] }, 'fo.0:too_big'],
    [{ fo: [7.5] }, 'fo.0:invalid_type'],
    [{ sor: [{ score: 21, max: 20 }] }, 'sor.0.score:too_big'],
    [{ sor: [{ score: -1, max: 20 }] }, 'sor.0.score:too_small'],
    [{ sor: [{ score: 0, max: 0 }] }, 'sor.0.max:too_small'],
    [{ soch: { score: 26, max: 25 } }, 'soch.score:too_big'],
    [{ period: 'halfYear' }, 'soch:custom'],
    [{ grade: 1 }, ':unrecognized_keys'],
  ])('refuses %j, naming %s', (change, issue) => {
    expect(pathsOf({ ...ok, ...change })).toEqual([issue]);
  });
});
