import { DiaryTabs } from '../../diary/DiaryTabs';
import { useI18n } from '../../i18n/I18n';

/** A pupil's own diary: the week and the marks. */
export default function DiaryView() {
  const { t } = useI18n();
  return (
    <section className="view" data-testid="diary-view">
      <div className="view-head"><h1>{t('diary.title')}</h1></div>
      <DiaryTabs first="week" />
    </section>
  );
}
