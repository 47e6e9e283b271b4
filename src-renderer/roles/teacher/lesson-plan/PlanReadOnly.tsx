import type { LessonPlan } from '../../../../src-core/contract/ops/resources';
import { Empty } from '../../../components/Panels';
import { useI18n } from '../../../i18n/I18n';
import { FileLink } from '../library/FileLink';
import { KindBadge } from '../library/ResourceCard';
import { LESSON_MINUTES } from './model';

/** The plan for a reader who is not the lesson's teacher (the administration, a class teacher). */
export function PlanReadOnly({ plan }: { plan: LessonPlan | null }) {
  const { t } = useI18n();
  if (!plan) return <Empty text={t('lessonPlan.none')} />;
  const total = plan.stages.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <div className="lp-grid" data-testid="lp-read">
      <div className="lp-column">
        <section className="card lp-part">
          <h2>{t('lessonPlan.objectives.title')}</h2>
          {plan.objectives.length === 0 ? <p className="muted">{t('lessonPlan.objectives.none')}</p> : (
            <ol className="lp-read-list">{plan.objectives.map((o, i) => <li key={i}>{o}</li>)}</ol>
          )}
        </section>
        <section className="card lp-part">
          <div className="lp-part-head">
            <h2>{t('lessonPlan.stages.title')}</h2>
            <span className="lp-total">{t('lessonPlan.stages.total', { n: total, lesson: LESSON_MINUTES })}</span>
          </div>
          {plan.stages.length === 0 ? <p className="muted">{t('lessonPlan.stages.none')}</p> : (
            <ol className="lp-read-list">
              {plan.stages.map((s, i) => (
                <li key={i} data-testid="lp-read-stage">
                  <b>{s.title}</b> <span className="muted">{t('lessonPlan.stages.minutesN', { n: s.minutes })}</span>
                  {s.notes && <p className="lp-read-notes">{s.notes}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      <div className="lp-column">
        <section className="card lp-part">
          <h2>{t('lessonPlan.resources.title')}</h2>
          {plan.resources.length === 0 ? <p className="muted">{t('lessonPlan.resources.none')}</p> : (
            <ol className="lp-resources">
              {plan.resources.map((r) => (
                <li key={r.resourceId} className="lp-resource">
                  <KindBadge kind={r.kind} />
                  <span className="lp-resource-title"><FileLink sha256={r.sha256}>{r.title}</FileLink></span>
                </li>
              ))}
            </ol>
          )}
        </section>
        {plan.notes && (
          <section className="card lp-part">
            <h2>{t('lessonPlan.notes.title')}</h2>
            <p className="lp-read-notes">{plan.notes}</p>
          </section>
        )}
      </div>
    </div>
  );
}
