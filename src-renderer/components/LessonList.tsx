import type { ReactNode } from 'react';
import type { LessonView } from '../../src-core/contract/schemas';
import { clockTime } from '../i18n/dates';
import { useI18n } from '../i18n/I18n';
import { fullName } from './names';

interface Props {
  lessons: LessonView[];
  /** A teacher sees the class of each lesson; a pupil (or parent) sees the teacher. */
  viewer: 'teacher' | 'pupil';
  compact?: boolean;
  /** Something the viewer can do with a lesson (a teacher opens its plan), shown under its room. */
  action?: (lesson: LessonView) => ReactNode;
}

/**
 * A day's lessons in the order of the clock: period, time, subject, class or teacher, group, room, topic. A teacher also sees
 * which rooms have an interactive board and which topics are still to be written.
 */
export function LessonList({ lessons, viewer, compact = false, action }: Props) {
  const { t, locale } = useI18n();
  // By the clock, not by period: a teacher of both shifts has period 6 of the first before period 5 of the second.
  const sorted = [...lessons].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.period - b.period);
  return (
    <ol className={compact ? 'lessons compact' : 'lessons'}>
      {sorted.map((l) => (
        <li key={l.id} className={l.status === 'cancelled' ? 'lesson cancelled' : 'lesson'} data-testid="lesson">
          <div className="lesson-period" aria-label={t('lesson.period', { n: l.period })}>{l.period}</div>
          <div className="lesson-time">{clockTime(l.startsAt)}–{clockTime(l.endsAt)}</div>
          <div className="lesson-main">
            <div className="lesson-subject" data-testid="lesson-subject">{l.subject.name[locale]}</div>
            <div className="lesson-who">
              {viewer === 'teacher'
                ? <span className="lesson-class" data-testid="lesson-class">{l.class.name}</span>
                : <span>{fullName(l.teacher)}</span>}
              {l.group !== null && <span className="lesson-group">{t('lesson.group', { n: l.group })}</span>}
              {l.status === 'cancelled' && <span className="tag warn">{t('lesson.cancelled')}</span>}
            </div>
            {!compact && (l.topic || viewer === 'teacher') && (
              <div className={l.topic ? 'lesson-topic' : 'lesson-topic none'}>
                {l.topic ? t('lesson.topic', { topic: l.topic }) : t('lesson.noTopic')}
              </div>
            )}
          </div>
          <div className="lesson-room">
            {l.room ? <span>{t('lesson.room', { number: l.room.number })}</span> : <span className="muted">{t('lesson.noRoom')}</span>}
            {viewer === 'teacher' && l.room?.interactiveBoard && <span className="tag board" data-testid="board-mark">{t('lesson.board')}</span>}
            {action?.(l)}
          </div>
        </li>
      ))}
    </ol>
  );
}
