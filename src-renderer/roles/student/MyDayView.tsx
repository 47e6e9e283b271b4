import { DayNavigator } from '../../components/DayNavigator';
import { DayOff } from '../../components/DayOff';
import { LessonList } from '../../components/LessonList';
import { Empty, ErrorNotice } from '../../components/Panels';
import { useDayOperation } from '../../components/useDayOperation';
import { useI18n } from '../../i18n/I18n';

/** A pupil's day: their lessons with teachers and rooms. */
export default function MyDayView() {
  const { t } = useI18n();
  const day = useDayOperation('timetable.studentDay', (d) => d.date);
  const data = day.data;
  return (
    <section className="view" data-testid="my-day-view">
      <div className="view-head"><h1>{t('myDay.title')}</h1></div>
      <DayNavigator shown={day.shown} today={day.today} onChange={day.setDate} busy={day.loading} />
      {day.error && <ErrorNotice error={day.error} onRetry={day.reload} />}
      {data && <DayOff day={data} onGo={day.setDate} />}
      {data && !data.dayOff && data.lessons.length === 0 && <Empty text={t('today.noLessons')} />}
      {data && data.lessons.length > 0 && <LessonList lessons={data.lessons} viewer="pupil" />}
    </section>
  );
}
