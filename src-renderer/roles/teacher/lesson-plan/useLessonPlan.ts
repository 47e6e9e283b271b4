import { useOperation, type OperationState } from '../../../api/ApiContext';
import type { OutputOf } from '../../../../src-core/contract/operations';

export type LessonPlanAnswer = OutputOf<'lesson.plan'>;

/**
 * A lesson's plan (objectives, stages with their minutes and notes, resources, notes) and the board saved to it,
 * as `lesson.plan` answers: for the plan's editor and for the presentation, which shows the stages' notes to the
 * teacher and the resources on the board.
 */
export function useLessonPlan(lessonId: string): OperationState<LessonPlanAnswer> {
  return useOperation('lesson.plan', { lessonId });
}
