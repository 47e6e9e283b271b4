import { useState } from 'react';
import { DayNavigator } from '../../../components/DayNavigator';
import { DayOff } from '../../../components/DayOff';
import { LessonList } from '../../../components/LessonList';
import { Empty, ErrorNotice } from '../../../components/Panels';
import { useDayOperation } from '../../../components/useDayOperation';
import { useI18n } from '../../../i18n/I18n';
import type { ViewProps } from '../../../shell/views';
import { LessonPlanLink } from '../lesson-plan/LessonPlanLink';
import { useJournals } from '../library/useJournals';
import { PlanDetail } from './PlanDetail';
import { PlanList } from './PlanList';
import '../../../styles/plans.css';

type Tab = 'ktp' | 'lessons';

/**
 * "Plans": the calendar-thematic plans (КТЖ / КТП) — imported from a file, edited in place, laid onto a class's
 * lessons — and the lessons of a day with their short-term plans (ҚМЖ / КСП).
 */
export default function PlansView({ me }: ViewProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('ktp');
  const [openPlan, setOpenPlan] = useState<string | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const { journals, error } = useJournals(me.permissions.includes('journal.read'));
  const teaches = me.permissions.includes('timetable.readOwn');

  return (
    <section className="view plans-view" data-testid="plans-view">
      <div className="view-head">
        <h1>{t('plans.screen.title')}</h1>
        {teaches && (
          <div className="segmented" role="tablist" aria-label={t('plans.screen.title')}>
            {(['ktp', 'lessons'] as const).map((k) => (
              <button key={k} type="button" role="tab" aria-selected={tab === k} className={`segment${tab === k ? ' active' : ''}`}
                onClick={() => setTab(k)} data-testid={`plans-tab-${k}`}>
                {t(`plans.screen.tab.${k}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      {error && <ErrorNotice error={error} />}
      {tab === 'ktp' && (openPlan
        ? <PlanDetail key={openPlan} planId={openPlan} journals={journals} onBack={() => { setOpenPlan(null); setListVersion((v) => v + 1); }} />
        : <PlanList key={listVersion} me={me} journals={journals} onOpen={setOpenPlan} />)}
      {tab === 'lessons' && teaches && <DayLessonPlans />}
    </section>
  );
}

/** A day's lessons of the teacher, each with a link to its plan. */
function DayLessonPlans() {
  const { t } = useI18n();
  const day = useDayOperation('timetable.teacherDay', (d) => d.date);
  const data = day.data;
  return (
    <div className="plans-day" data-testid="plans-day">
      <p className="muted">{t('plans.screen.lessonsHint')}</p>
      <DayNavigator shown={day.shown} today={day.today} onChange={day.setDate} busy={day.loading} />
      {day.error && <ErrorNotice error={day.error} onRetry={day.reload} />}
      {data && <DayOff day={data} onGo={day.setDate} />}
      {data && !data.dayOff && data.lessons.length === 0 && <Empty text={t('today.noLessons')} />}
      {data && data.lessons.length > 0 && (
        <LessonList lessons={data.lessons} viewer="teacher" action={(l) => <LessonPlanLink lessonId={l.id} date={l.date} />} />
      )}
    </div>
  );
}
