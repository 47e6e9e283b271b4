import { useState } from 'react';
import { useOperation } from '../../../api/ApiContext';
import { fullName } from '../../../components/names';
import { ErrorNotice, Loading } from '../../../components/Panels';
import { useI18n } from '../../../i18n/I18n';
import type { Journals } from '../library/useJournals';
import { ApplyPanel } from './ApplyPanel';
import { hoursText, planTotals, type PlanTopic, type PlanView } from './model';
import { TopicsTable } from './TopicsTable';

interface Props {
  planId: string;
  journals: Journals;
  onBack: () => void;
}

/** One plan: its facts, its topics (edited in place by its author) and the laying out onto a class's lessons. */
export function PlanDetail({ planId, journals, onBack }: Props) {
  const { t } = useI18n();
  const plan = useOperation('plans.get', { planId });
  return (
    <div className="plan-detail" data-testid="plan-detail" data-id={planId}>
      <div>
        <button type="button" className="button" onClick={onBack} data-testid="plan-back">
          <span aria-hidden="true">‹ </span>{t('plans.screen.back')}
        </button>
      </div>
      {plan.error && <ErrorNotice error={plan.error} onRetry={plan.reload} />}
      {!plan.data && !plan.error && <Loading />}
      {plan.data && <LoadedPlan key={plan.data.id} plan={plan.data} journals={journals} />}
    </div>
  );
}

function LoadedPlan({ plan, journals }: { plan: PlanView; journals: Journals }) {
  const { t, locale } = useI18n();
  const [topics, setTopics] = useState<PlanTopic[]>(plan.topics);
  const totals = planTotals(topics);
  const replace = (topic: PlanTopic) => setTopics((list) => list.map((x) => (x.position === topic.position ? topic : x)));
  return (
    <>
      <header className="card plan-head">
        <h2 data-testid="plan-title">{plan.title}</h2>
        <dl className="plan-facts">
          <div><dt>{t('plans.screen.subject')}</dt><dd>{plan.subject.name[locale]}</dd></div>
          <div><dt>{t('plans.screen.grade')}</dt><dd>{plan.grade}</dd></div>
          <div><dt>{t('plans.screen.language')}</dt><dd>{t(`plans.screen.lang.${plan.language}`)}</dd></div>
          <div><dt>{t('plans.screen.author')}</dt><dd>{fullName(plan.author)}</dd></div>
          <div>
            <dt>{t('plans.screen.topics')}</dt>
            <dd data-testid="plan-totals">{t('plans.screen.totals', { topics: totals.topics, hours: hoursText(totals.hours, locale) })}</dd>
          </div>
        </dl>
        {plan.mine
          ? <p className="muted">{t('plans.screen.editHint')}</p>
          : <p className="muted">{t('plans.screen.readOnly')}</p>}
      </header>
      {plan.mine && <ApplyPanel plan={plan} journals={journals} />}
      <TopicsTable planId={plan.id} topics={topics} editable={plan.mine} onSaved={replace} />
    </>
  );
}
