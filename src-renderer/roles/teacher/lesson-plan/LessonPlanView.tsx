import { useEffect, useState } from 'react';
import type { BoardFile } from '../../../../src-core/contract/ops/resources';
import type { LessonView, Me } from '../../../../src-core/contract/schemas';
import { useApi } from '../../../api/ApiContext';
import { ErrorNotice, Loading } from '../../../components/Panels';
import { clockTime, longDate } from '../../../i18n/dates';
import { useI18n } from '../../../i18n/I18n';
import { FileLink } from '../library/FileLink';
import { sizeText } from '../library/model';
import { PlanEditor } from './PlanEditor';
import { PlanReadOnly } from './PlanReadOnly';
import { useLessonPlan } from './useLessonPlan';
import '../../../styles/library.css';
import '../../../styles/lesson-plan.css';

interface Props {
  me: Me;
  lessonId: string;
  /** The lesson's date, when the link knew it: the lesson's subject, class and time are read from that day. */
  date?: string | null;
  /** The lesson as the day's list showed it, when it came from there. */
  lesson?: LessonView | null;
  onClose: () => void;
}

/**
 * A lesson's short-term plan (ҚМЖ / КСП): learning objectives, stages with their minutes against the 45-minute
 * lesson and the teacher's notes, resources from the library, notes; and the board saved to the lesson. The
 * lesson's teacher writes it (a synced command: it works offline on the desktop client); others read it.
 */
export function LessonPlanView({ me, lessonId, date = null, lesson: given = null, onClose }: Props) {
  const { t } = useI18n();
  const plan = useLessonPlan(lessonId);
  const lesson = useLessonOfDay(me, lessonId, given ? null : date) ?? given;
  const data = plan.data;
  // The section under the plan stays mounted (the journal's lesson panel): its Escape does not act while hidden.
  useEffect(() => {
    const hold = (e: KeyboardEvent) => { if (e.key === 'Escape') e.preventDefault(); };
    window.addEventListener('keydown', hold, true);
    return () => window.removeEventListener('keydown', hold, true);
  }, []);
  return (
    <section className="view lp-view" data-testid="lesson-plan-view" data-lesson={lessonId}>
      <div className="view-head">
        <div className="lp-heading">
          <h1>{t('lessonPlan.title')}</h1>
          <LessonLine lesson={lesson} topic={data?.topic ?? null} />
        </div>
        <button type="button" className="button" onClick={onClose} data-testid="lp-back">
          <span aria-hidden="true">‹ </span>{t('lessonPlan.back')}
        </button>
      </div>
      {plan.error && <ErrorNotice error={plan.error} onRetry={plan.reload} />}
      {!data && !plan.error && <Loading />}
      {data && data.boardFiles.length > 0 && <BoardFiles files={data.boardFiles} />}
      {data && (data.writable
        ? <PlanEditor key={lessonId} lessonId={lessonId} saved={data.plan} lesson={lesson} me={me} onSaved={plan.reload} />
        : <PlanReadOnly plan={data.plan} />)}
    </section>
  );
}

/** The lesson of a dated link, from the teacher's day (their own lessons); null when not found or not a teacher. */
function useLessonOfDay(me: Me, lessonId: string, date: string | null): LessonView | null {
  const api = useApi();
  const [found, setFound] = useState<LessonView | null>(null);
  const allowed = date !== null && me.permissions.includes('timetable.readOwn');
  useEffect(() => {
    if (!allowed || !date) return;
    let current = true;
    api.invoke('timetable.teacherDay', { date }).then(
      (day) => { if (current) setFound(day.lessons.find((l) => l.id === lessonId) ?? null); },
      () => { /* the plan itself still opens: the heading goes without the lesson's details */ },
    );
    return () => { current = false; };
  }, [api, allowed, date, lessonId]);
  return allowed && found?.id === lessonId ? found : null;
}

function LessonLine({ lesson, topic }: { lesson: LessonView | null; topic: string | null }) {
  const { t, locale } = useI18n();
  return (
    <div className="lp-lesson" data-testid="lp-lesson">
      {lesson && (
        <p className="lp-lesson-facts">
          <b>{lesson.subject.name[locale]}</b>
          <span className="lesson-class">{lesson.class.name}</span>
          {lesson.group !== null && <span>{t('lesson.group', { n: lesson.group })}</span>}
          <span>{longDate(locale, lesson.date)}</span>
          <span>{t('lesson.period', { n: lesson.period })}, {clockTime(lesson.startsAt)}–{clockTime(lesson.endsAt)}</span>
        </p>
      )}
      <p className={topic ? 'lp-topic' : 'lp-topic none'} data-testid="lp-topic">{topic ? t('lesson.topic', { topic }) : t('lesson.noTopic')}</p>
    </div>
  );
}

/** The annotated board saved to the lesson: its pages as a PDF, the last page as a picture. */
export function BoardFiles({ files }: { files: readonly BoardFile[] }) {
  const { t, locale } = useI18n();
  return (
    <section className="card lp-board" aria-labelledby="lp-board-heading" data-testid="lp-board">
      <h2 id="lp-board-heading">{t('lessonPlan.board.title')}</h2>
      <ul className="lp-board-files">
        {files.map((f) => (
          <li key={f.sha256}>
            <FileLink sha256={f.sha256} className="button lp-board-link" testId="lp-board-file">
              {t(`lessonPlan.board.${f.format}`)}
            </FileLink>
            <span className="muted">
              {f.format === 'pdf' ? `${t('lessonPlan.board.pages', { n: f.pages })} · ` : ''}{sizeText(f.size, locale, t)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
