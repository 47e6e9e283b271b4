import type { LessonPlan, PlanResource } from '../../../../src-core/contract/ops/resources';
import type { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n/I18n';
import { MediaIcon } from './SlideContent';

/**
 * The lesson plan's resources, offered as slides: each one added on its own, or all of them in the plan's order.
 * Opened by the bar's button, and by itself once when the lesson opens with a plan that has resources.
 */
export function PlanPanel({ plan, error, loading, added, busy, onAdd, onRetry, onClose }: {
  plan: LessonPlan | null;
  error: ApiError | null;
  loading: boolean;
  /** Resources already in the deck. */
  added: ReadonlySet<string>;
  busy: boolean;
  onAdd(resources: PlanResource[]): void;
  onRetry(): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const resources = plan?.resources ?? [];
  const fresh = resources.filter((r) => !added.has(r.resourceId));
  return (
    <section className="present-plan" role="dialog" aria-modal="false" aria-labelledby="present-plan-title" data-testid="present-plan">
      <div className="present-plan-head">
        <h2 id="present-plan-title">{t('present.plan.title')}</h2>
        <button type="button" className="button" onClick={onClose} data-testid="present-plan-close">{t('present.plan.close')}</button>
      </div>
      {loading && !plan && <p className="muted">{t('present.plan.loading')}</p>}
      {error && (
        <div className="present-plan-error" role="alert" data-testid="present-plan-error">
          <span>{t(error.messageKey, error.params)}</span>
          <button type="button" className="button" onClick={onRetry}>{t('present.plan.retry')}</button>
        </div>
      )}
      {!error && !loading && resources.length === 0 && <p className="muted" data-testid="present-plan-empty">{plan ? t('present.plan.noResources') : t('present.plan.noPlan')}</p>}
      {resources.length > 0 && (
        <>
          <button type="button" className="button primary present-plan-all" disabled={busy || fresh.length === 0} onClick={() => onAdd(fresh)} data-testid="present-plan-add-all">
            {t('present.plan.addAll', { n: fresh.length })}
          </button>
          <ul className="present-plan-list">
            {resources.map((r) => (
              <li key={r.resourceId} className="present-plan-item" data-testid="present-plan-item" data-kind={r.kind}>
                <MediaIcon kind={r.kind} className="present-plan-icon" />
                <span className="present-plan-name">
                  <strong>{r.title}</strong>
                  <span className="muted">{t(`present.kind.${r.kind}`)}</span>
                </span>
                <button type="button" className="button" disabled={busy || added.has(r.resourceId)} onClick={() => onAdd([r])} data-testid="present-plan-add">
                  {added.has(r.resourceId) ? t('present.plan.added') : t('present.plan.add')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
