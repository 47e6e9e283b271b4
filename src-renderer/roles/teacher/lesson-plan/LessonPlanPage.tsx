import type { Me } from '../../../../src-core/contract/schemas';
import { LessonPlanView } from './LessonPlanView';

export interface LessonPlanPageProps {
  me: Me;
  lessonId: string;
  date: string | null;
  onClose: () => void;
}

/** The lesson plan opened by its address (src-renderer/shell/Shell.tsx shows it over the chosen section). */
export default function LessonPlanPage({ me, lessonId, date, onClose }: LessonPlanPageProps) {
  return <LessonPlanView me={me} lessonId={lessonId} date={date} onClose={onClose} />;
}
