import { useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { MarksTable } from './MarksTable';
import { WeekView } from './WeekView';
import '../styles/diary.css';

type Tab = 'week' | 'marks';

/** The diary of one pupil: the week (lessons, homework, marks) and the marks by subject, one at a time. */
export function DiaryTabs({ studentId, first }: { studentId?: string; first: Tab }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>(first);
  const tabs: Tab[] = first === 'week' ? ['week', 'marks'] : ['marks', 'week'];
  return (
    <div className="diary">
      <div className="segmented diary-tabs" role="group" aria-label={t('diary.tabs')}>
        {tabs.map((x) => (
          <button key={x} type="button" className={x === tab ? 'segment active' : 'segment'} aria-pressed={x === tab} onClick={() => setTab(x)} data-testid={`diary-tab-${x}`}>
            {t(`diary.tab.${x}`)}
          </button>
        ))}
      </div>
      {tab === 'week' ? <WeekView studentId={studentId} /> : <MarksTable studentId={studentId} />}
    </div>
  );
}
