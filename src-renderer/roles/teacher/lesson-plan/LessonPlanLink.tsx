import { useI18n } from '../../../i18n/I18n';
import { lessonPlanHref } from './route';
import '../../../styles/lesson-plan.css';

/** "Lesson plan": a link from a lesson (the day's list, the journal's lesson panel) to its plan. */
export function LessonPlanLink({ lessonId, date, className = '' }: { lessonId: string; date: string; className?: string }) {
  const { t } = useI18n();
  return (
    <a className={`button lp-link ${className}`.trim()} href={lessonPlanHref(lessonId, date)} data-testid="lesson-plan-link">
      {t('lessonPlan.open')}
    </a>
  );
}
