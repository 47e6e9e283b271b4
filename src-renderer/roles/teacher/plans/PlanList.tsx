import type { Me } from '../../../../src-core/contract/schemas';
import { useOperation } from '../../../api/ApiContext';
import { fullName } from '../../../components/names';
import { Empty, ErrorNotice, Loading } from '../../../components/Panels';
import { useI18n } from '../../../i18n/I18n';
import type { Journals } from '../library/useJournals';
import { ImportForm } from './ImportForm';
import { hoursText } from './model';

interface Props {
  me: Me;
  journals: Journals;
  onOpen: (planId: string) => void;
}

/** The plans of the year the user may read (their own and their colleagues' of the same subjects), and the import. */
export function PlanList({ me, journals, onOpen }: Props) {
  const { t, locale } = useI18n();
  const list = useOperation('plans.list', {});
  const plans = list.data?.plans ?? [];
  const sorted = [...plans].sort((a, b) => Number(b.mine) - Number(a.mine)
    || a.subject.name[locale].localeCompare(b.subject.name[locale], locale) || a.grade - b.grade);
  return (
    <div className="plans-list">
      {me.permissions.includes('lesson.writeOwn') && (
        <ImportForm journals={journals} plans={plans} onImported={(plan) => onOpen(plan.id)} />
      )}
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && plans.length === 0 && <Empty text={t('plans.empty')} />}
      {plans.length > 0 && (
        <div className="table-wrap">
          <table className="table plans-table" data-testid="plans-table">
            <caption className="sr-only">{t('plans.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.screen.planTitle')}</th>
                <th scope="col">{t('plans.screen.subject')}</th>
                <th scope="col" className="num">{t('plans.screen.grade')}</th>
                <th scope="col">{t('plans.screen.language')}</th>
                <th scope="col">{t('plans.screen.author')}</th>
                <th scope="col" className="num">{t('plans.screen.topics')}</th>
                <th scope="col" className="num">{t('plans.hours')}</th>
                <th scope="col"><span className="sr-only">{t('plans.screen.open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((p) => (
                <tr key={p.id} data-testid="plan-row" data-id={p.id}>
                  <td className="strong">
                    {p.title}
                    {p.mine && <span className="tag plans-mine">{t('plans.screen.mine')}</span>}
                  </td>
                  <td>{p.subject.name[locale]}</td>
                  <td className="num">{p.grade}</td>
                  <td>{t(`plans.screen.lang.${p.language}`)}</td>
                  <td>{fullName(p.author)}</td>
                  <td className="num">{p.topicCount}</td>
                  <td className="num">{hoursText(p.totalHours, locale)}</td>
                  <td className="plans-open-cell">
                    <button type="button" className="button" onClick={() => onOpen(p.id)} data-testid="plan-open">{t('plans.screen.open')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
