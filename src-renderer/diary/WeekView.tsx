import { useState } from 'react';
import type { OutputOf } from '../../src-core/contract/operations';
import type { BoardFile } from '../../src-core/contract/ops/resources';
import { useOperation } from '../api/ApiContext';
import { fullName } from '../components/names';
import { ErrorNotice, Loading } from '../components/Panels';
import { addDays, clockTime, shortDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18n';
import { FileLink } from '../roles/teacher/library/FileLink';
import '../styles/board-links.css';

type Week = OutputOf<'diary.week'>;
type Day = Week['days'][number];
type Lesson = Day['lessons'][number];

/** A pupil's school week as a paper diary shows it: day by day, lesson by lesson, with marks and homework. */
export function WeekView({ studentId }: { studentId?: string }) {
  const { t, locale } = useI18n();
  const [weekOf, setWeekOf] = useState<string | undefined>(undefined);
  const week = useOperation('diary.week', { studentId, weekOf });
  const data = week.data;
  const last = data?.days.at(-1)?.date;
  return (
    <div className="diary-week" data-testid="diary-week">
      <div className="day-nav">
        <h2 className="day-title" aria-live="polite" data-testid="week-title">
          {data && last ? t('diary.week.range', { from: shortDate(locale, data.weekOf), to: shortDate(locale, last) }) : t('panel.loading')}
        </h2>
        <div className="day-buttons" role="group" aria-label={t('diary.week.navigation')}>
          <button type="button" className="button" disabled={!data || week.loading} onClick={() => data && setWeekOf(addDays(data.weekOf, -7))}>
            <span aria-hidden="true">‹ </span>{t('diary.week.previous')}
          </button>
          <button type="button" className="button" disabled={!data || week.loading || weekOf === undefined} onClick={() => setWeekOf(undefined)}>
            {t('diary.week.current')}
          </button>
          <button type="button" className="button" disabled={!data || week.loading} onClick={() => data && setWeekOf(addDays(data.weekOf, 7))}>
            {t('diary.week.next')}<span aria-hidden="true"> ›</span>
          </button>
        </div>
      </div>
      {week.error && <ErrorNotice error={week.error} onRetry={week.reload} />}
      {!data && !week.error && <Loading />}
      {data && (
        <div className="diary-days">
          {data.days.map((d) => <DayCard key={d.date} day={d} today={data.today} />)}
        </div>
      )}
    </div>
  );
}

function DayCard({ day, today }: { day: Day; today: string }) {
  const { t, locale } = useI18n();
  const weekday = t(`weekday.${((new Date(`${day.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1}`);
  return (
    <article className={`card diary-day${day.date === today ? ' is-today' : ''}`} data-testid="diary-day">
      <header className="card-head">
        <h3 className="diary-day-title">{capitalised(weekday)}, {shortDate(locale, day.date)}</h3>
        {day.date === today && <span className="tag">{t('diary.today')}</span>}
      </header>
      {day.dayOff && (
        <p className="diary-off">{day.dayOff === 'holiday' && day.holiday ? t('day.holidayNamed', { name: day.holiday[locale] }) : t(`day.off.${day.dayOff}`)}</p>
      )}
      {!day.dayOff && day.lessons.length === 0 && <p className="diary-off">{t('diary.noLessons')}</p>}
      {day.lessons.length > 0 && (
        <ol className="diary-lessons">
          {day.lessons.map((l) => <LessonRow key={l.id} lesson={l} />)}
        </ol>
      )}
    </article>
  );
}

function LessonRow({ lesson: l }: { lesson: Lesson }) {
  const { t, locale } = useI18n();
  return (
    <li className={`diary-lesson${l.status === 'cancelled' ? ' cancelled' : ''}`} data-testid="diary-lesson">
      <span className="diary-period" aria-hidden="true">{l.period}</span>
      <div className="diary-lesson-main">
        <div className="diary-lesson-head">
          <span className="diary-subject">{l.subject.name[locale]}</span>
          <span className="diary-time">{clockTime(l.startsAt)}–{clockTime(l.endsAt)}</span>
          {l.room && <span className="diary-muted">{t('diary.room', { number: l.room })}</span>}
        </div>
        <div className="diary-muted">{fullName(l.teacher)}</div>
        {l.status === 'cancelled' && <div className="tag warn">{t('diary.cancelled')}</div>}
        <div className={l.topic ? 'diary-topic' : 'diary-topic none'}>
          <span className="diary-label">{t('diary.topic')}: </span>{l.topic ?? t('diary.noTopic')}
        </div>
        {l.homework && (
          <div className="diary-homework" data-testid="diary-homework"><span className="diary-label">{t('diary.homework')}: </span>{l.homework}</div>
        )}
        {l.remark && (
          <div className="diary-remark" data-testid="diary-remark"><span className="diary-label">{t('diary.remark')}: </span>{l.remark}</div>
        )}
        <BoardLinks files={boardFilesOf(l)} />
      </div>
      <div className="diary-cell">
        {l.fo !== null && <MarkBadge kind="fo" text={String(l.fo)} />}
        {l.summative && (
          <MarkBadge kind={l.summative.kind} text={l.summative.score === null ? t('diary.notMarkedYet') : t('diary.score', { score: l.summative.score, max: l.summative.max })} />
        )}
        {l.attendance && (
          <span className={`attendance-code${l.attendance.absent ? ' absent' : ''}`} title={l.attendance.label[locale]} data-testid="diary-attendance">
            <b>{l.attendance.code}</b> {l.attendance.label[locale]}
          </span>
        )}
      </div>
    </li>
  );
}

/** The board saved to the lesson, when the host's diary carries it (older hosts send no `boardFiles`). */
function boardFilesOf(lesson: Lesson): readonly BoardFile[] {
  const files = (lesson as Lesson & { boardFiles?: readonly BoardFile[] }).boardFiles;
  return Array.isArray(files) ? files : [];
}

/** "Board from the lesson": the annotated board's pages as a PDF and a picture, opened in a new tab. */
function BoardLinks({ files }: { files: readonly BoardFile[] }) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  const ordered = [...files].sort((a, b) => (a.format === b.format ? 0 : a.format === 'pdf' ? -1 : 1));
  return (
    <div className="diary-board" data-testid="diary-board">
      <span className="diary-label">{t('lessonPlan.board.diary')}: </span>
      <span className="diary-board-links">
        {ordered.map((f) => (
          <FileLink key={f.sha256} sha256={f.sha256} className="diary-board-link" testId="diary-board-file">{t(`lessonPlan.board.${f.format}`)}</FileLink>
        ))}
      </span>
    </div>
  );
}

/** A mark with its kind (ФО / СОР / СОЧ), the kind spelled out for screen readers and on hover. */
export function MarkBadge({ kind, text }: { kind: 'fo' | 'sor' | 'soch'; text: string }) {
  const { t } = useI18n();
  return (
    <span className={`mark-badge ${kind}`} title={t(`diary.kindLong.${kind}`)} data-testid="mark-badge">
      <span className="mark-kind">{t(`diary.kind.${kind}`)}</span>
      <span className="mark-value">{text}</span>
    </span>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
