import { useOperation } from '../../api/ApiContext';
import { ErrorNotice, Loading } from '../../components/Panels';
import { longDate, shortDate } from '../../i18n/dates';
import { useI18n } from '../../i18n/I18n';

const FIGURES = ['classes', 'pupils', 'teachers', 'staff', 'rooms', 'lessonsOnDate'] as const;

/** The administration's home: the school in figures on one day. */
export default function OverviewView() {
  const { t, locale } = useI18n();
  const overview = useOperation('school.overview', {});
  const data = overview.data;
  return (
    <section className="view" data-testid="overview-view">
      <div className="view-head">
        <h1>{t('overview.title')}</h1>
        {data && <span className="muted">{longDate(locale, data.date)}</span>}
      </div>
      {overview.error && <ErrorNotice error={overview.error} onRetry={overview.reload} />}
      {!data && overview.loading && <Loading />}
      {data && (
        <>
          <p className="panel year">
            {data.academicYear
              ? t('overview.year', {
                name: data.academicYear.name,
                from: shortDate(locale, data.academicYear.startsOn),
                to: shortDate(locale, data.academicYear.endsOn),
              })
              : t('overview.noYear')}
          </p>
          <ul className="figures">
            {FIGURES.map((f) => (
              <li key={f} className="figure" data-testid={`figure-${f}`}>
                <span className="figure-value">{data[f]}</span>
                <span className="figure-label">{t(`overview.${f}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
