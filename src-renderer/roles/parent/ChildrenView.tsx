import { DayNavigator } from '../../components/DayNavigator';
import { Empty, ErrorNotice } from '../../components/Panels';
import { useDayOperation } from '../../components/useDayOperation';
import { useI18n } from '../../i18n/I18n';
import { ChildCard } from './ChildCard';

/** A parent's children, one card each, all on the same day. */
export default function ChildrenView() {
  const { t } = useI18n();
  const day = useDayOperation('family.myChildren', (d) => d.children[0]?.day.date ?? null);
  const children = day.data?.children ?? null;
  return (
    <section className="view" data-testid="children-view">
      <div className="view-head"><h1>{t('children.title')}</h1></div>
      <DayNavigator shown={day.shown} today={day.today} onChange={day.setDate} busy={day.loading} />
      {day.error && <ErrorNotice error={day.error} onRetry={day.reload} />}
      {children && children.length === 0 && <Empty text={t('children.none')} />}
      {children && children.length > 0 && (
        <div className="cards">
          {children.map((c) => <ChildCard key={c.person.id} child={c} onGo={day.setDate} />)}
        </div>
      )}
    </section>
  );
}
