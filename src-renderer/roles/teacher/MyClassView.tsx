import { useOperation } from '../../api/ApiContext';
import { ErrorNotice, Loading, NotReady } from '../../components/Panels';
import { useI18n } from '../../i18n/I18n';
import type { ViewProps } from '../../shell/views';

/** The class a teacher leads: what the school knows of it today; its journal summary comes later. */
export default function MyClassView({ me }: ViewProps) {
  const { t } = useI18n();
  const list = useOperation('school.classes', {});
  const led = me.leadsClass;
  const row = list.data?.classes.find((c) => c.id === led?.id) ?? null;
  return (
    <section className="view" data-testid="my-class-view">
      <div className="view-head"><h1>{led ? t('myClass.title', { name: led.name }) : t('nav.myClass')}</h1></div>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && list.loading && <Loading />}
      {row && (
        <ul className="figures">
          <li className="figure"><span className="figure-value">{row.pupils}</span><span className="figure-label">{t('classes.pupils')}</span></li>
          <li className="figure"><span className="figure-value">{row.shift}</span><span className="figure-label">{t('classes.shift')}</span></li>
          <li className="figure"><span className="figure-value small">{t(`classes.language.${row.language}`)}</span><span className="figure-label">{t('classes.language')}</span></li>
        </ul>
      )}
      <NotReady title={t('myClass.summary')} />
    </section>
  );
}
