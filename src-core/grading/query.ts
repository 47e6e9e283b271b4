import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import { gradingSettingsWith, type GradingSettingsOverride } from './settings';
import { termMark, type TermMarkInput, type TermMarkResult } from './term-mark';

/**
 * grading.termMark: the term (half-year) mark and the СОЧ scores needed for each higher mark, from marks the caller
 * sends and the default settings with the caller's changes. Reads and writes no data: anybody may ask.
 */
export async function gradingTermMark(
  _ctx: HandlerContext,
  input: { marks: TermMarkInput; settings?: GradingSettingsOverride },
): Promise<TermMarkResult> {
  const settings = gradingSettingsWith(input.settings);
  if (!settings.success) {
    // Each setting was checked by the contract; this catches rules that only the settings together can break.
    const fields = settings.error.issues.map((issue) => ({ path: ['settings', ...issue.path].join('.'), messageKey: `field.${issue.code}` }));
    throw new OperationError('invalid_input', 'error.invalid_input', {}, fields);
  }
  return termMark(input.marks, settings.data);
}
