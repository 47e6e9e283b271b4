import { DayNavigator } from '../../components/DayNavigator';
import { DayOff } from '../../components/DayOff';
import { LessonList } from '../../components/LessonList';
import { Empty, ErrorNotice } from '../../components/Panels';
import { useDayOperation } from '../../components/useDayOperation';
import { useI18n } from '../../i18n/I18n';
import type { ViewProps } from '../../shell/views';
import { LessonPlanLink } from './lesson-plan/LessonPlanLink';

/** A teacher's day (also a deputy who teaches): their lessons, the class they lead, days off explained. */
export default function TodayView({ me }: ViewProps) {
  const { t } = useI18n();
  const day = useDayOperation('timetable.teacherDay', (d) => d.date);
  const data = day.data;
  return (
    <section className="view" data-testid="today-view">
      <div className="view-head">
        <h1>{t('today.title')}</h1>
        {me.leadsClass && <span className="tag lead" data-testid="leads-class">{t('today.leadsClass', { name: me.leadsClass.name })}</span>}
      </div>
      <DayNavigator shown={day.shown} today={day.today} onChange={day.setDate} busy={day.loading} />
      {day.error && <ErrorNotice error={day.error} onRetry={day.reload} />}
      {data && <DayOff day={data} onGo={day.setDate} />}
      {data && !data.dayOff && data.lessons.length === 0 && <Empty text={t('today.noLessons')} />}
      {data && data.lessons.length > 0 && (
        <>
          <p className="muted count">{t('today.count', { n: data.lessons.length })}</p>
          <LessonList lessons={data.lessons} viewer="teacher"
            action={me.permissions.includes('journal.read') ? (l) => <LessonPlanLink lessonId={l.id} date={l.date} /> : undefined} />
        </>
      )}
    </section>
  );
}
