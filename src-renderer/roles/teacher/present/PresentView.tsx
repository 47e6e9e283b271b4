import { useState } from 'react';
import type { LessonView } from '../../../../src-core/contract/schemas';
import { DayNavigator } from '../../../components/DayNavigator';
import { DayOff } from '../../../components/DayOff';
import { Empty, ErrorNotice } from '../../../components/Panels';
import { useDayOperation } from '../../../components/useDayOperation';
import { clockTime } from '../../../i18n/dates';
import { useI18n } from '../../../i18n/I18n';
import type { ViewProps } from '../../../shell/views';
import { PresentStage } from './PresentStage';
import '../../../styles/board.css';
import '../../../styles/present.css';

/**
 * The teacher's "Digital lessons": a lesson of the day (today's, or another day's by the navigator) opened on the
 * board: pages with ink, board files (.ubz, .iwb) imported as pages, full screen. Nothing is saved to the server.
 */
export default function PresentView(_props: ViewProps) {
  const { t } = useI18n();
  const day = useDayOperation('timetable.teacherDay', (d) => d.date);
  const [lesson, setLesson] = useState<LessonView | null>(null);
  const data = day.data;

  if (lesson) return <PresentStage key={lesson.id} lesson={lesson} onBack={() => setLesson(null)} />;

  const lessons = data ? [...data.lessons].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.period - b.period) : [];
  return (
    <section className="view" data-testid="present-view">
      <div className="view-head">
        <h1>{t('present.title')}</h1>
      </div>
      <DayNavigator shown={day.shown} today={day.today} onChange={day.setDate} busy={day.loading} />
      {day.error && <ErrorNotice error={day.error} onRetry={day.reload} />}
      {data && <DayOff day={data} onGo={day.setDate} />}
      {data && !data.dayOff && lessons.length === 0 && <Empty text={t('present.noLessons')} />}
      {lessons.length > 0 && (
        <>
          <p className="muted">{t('present.pickLesson')}</p>
          <ul className="present-lessons">
            {lessons.map((l) => <LessonButton key={l.id} lesson={l} onOpen={() => setLesson(l)} />)}
          </ul>
        </>
      )}
    </section>
  );
}

function LessonButton({ lesson: l, onOpen }: { lesson: LessonView; onOpen(): void }) {
  const { t, locale } = useI18n();
  return (
    <li>
      <button type="button" className={l.status === 'cancelled' ? 'present-lesson cancelled' : 'present-lesson'} onClick={onOpen} data-testid="present-lesson">
        <span className="present-lesson-period" aria-label={t('lesson.period', { n: l.period })}>{l.period}</span>
        <span className="present-lesson-time">{clockTime(l.startsAt)}–{clockTime(l.endsAt)}</span>
        <span className="present-lesson-main">
          <span className="present-lesson-subject">{l.subject.name[locale]}</span>
          <span className="present-lesson-who">
            <span>{l.class.name}</span>
            {l.group !== null && <span>{t('lesson.group', { n: l.group })}</span>}
            {l.room && <span>{t('lesson.room', { number: l.room.number })}</span>}
            {l.room?.interactiveBoard && <span className="tag board">{t('lesson.board')}</span>}
            {l.status === 'cancelled' && <span className="tag warn">{t('lesson.cancelled')}</span>}
          </span>
          {l.topic && <span className="present-lesson-topic">{t('lesson.topic', { topic: l.topic })}</span>}
        </span>
        <span className="present-lesson-open" aria-hidden="true">{t('present.open')} ›</span>
      </button>
    </li>
  );
}
