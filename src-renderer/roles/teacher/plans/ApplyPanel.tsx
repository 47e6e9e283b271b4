import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../../../api/ApiContext';
import { ApiError, unreachable } from '../../../api/client';
import { shortDate } from '../../../i18n/dates';
import { useI18n } from '../../../i18n/I18n';
import type { Journals } from '../library/useJournals';
import { applyCounts, applyTargets, type ApplyResult, type PlanView } from './model';

/**
 * Lays the plan's topics onto a class's dated lessons from a date (the school year's start when none is given):
 * one lesson per hour; a topic written by hand and a locked lesson are kept. Says what happened, lesson by lesson.
 */
export function ApplyPanel({ plan, journals }: { plan: PlanView; journals: Journals }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const id = useId();
  const targets = applyTargets(journals, plan);
  const [targetKey, setTargetKey] = useState('');
  const [from, setFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ className: string; answer: ApplyResult } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const target = targets.find((x) => x.key === targetKey) ?? targets[0] ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!target || busy) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await api.invoke('plans.apply', { planId: plan.id, classId: target.classId, groupId: target.groupId, ...(from ? { from } : {}) });
      setResult({ className: target.className, answer });
    } catch (err) {
      setError(err instanceof ApiError ? err : unreachable());
    } finally {
      setBusy(false);
    }
  };

  const targetName = (x: { className: string; group: number | null }) => (x.group === null ? x.className : `${x.className} · ${t('lesson.group', { n: x.group })}`);
  return (
    <section className="card plans-apply" aria-labelledby={`${id}-h`} data-testid="plan-apply">
      <h2 id={`${id}-h`}>{t('plans.apply')}</h2>
      {targets.length === 0 ? <p className="muted">{t('plans.screen.noClasses')}</p> : (
        <form className="plans-apply-form" onSubmit={(e) => void submit(e)}>
          <label className="field" htmlFor={`${id}-class`}>
            <span className="field-label">{t('plans.screen.class')}</span>
            <select id={`${id}-class`} value={target?.key ?? ''} onChange={(e) => setTargetKey(e.target.value)} data-testid="plan-apply-class">
              {targets.map((x) => <option key={x.key} value={x.key}>{targetName(x)}</option>)}
            </select>
          </label>
          <label className="field" htmlFor={`${id}-from`}>
            <span className="field-label">{t('plans.applyFrom')}</span>
            <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="plan-apply-from" />
            <span className="muted plans-hint">{t('plans.screen.fromHint')}</span>
          </label>
          <button type="submit" className="button primary" disabled={busy || !target} data-testid="plan-apply-submit">
            {busy ? t('plans.screen.applying') : t('plans.apply')}
          </button>
        </form>
      )}
      {error && <p className="form-error" role="alert" data-testid="plan-apply-error">{t(error.messageKey, error.params)}</p>}
      {result && <ApplyOutcome className={result.className} result={result.answer} locale={locale} />}
    </section>
  );
}

function ApplyOutcome({ className, result, locale }: { className: string; result: ApplyResult; locale: 'kk' | 'ru' | 'en' }) {
  const { t } = useI18n();
  return (
    <div className="plans-outcome" role="status" data-testid="plan-apply-result">
      <p className="strong">{t('plans.screen.appliedTo', { name: className, date: shortDate(locale, result.from) })}</p>
      <ul className="plans-counts">
        {applyCounts(result).map((c) => (
          <li key={c.key} className={`plans-count ${c.tone}`} data-testid={`apply-${c.key}`} data-n={c.n}>
            <span className="plans-count-n">{c.n}</span>
            <span className="plans-count-label">{t(`plans.screen.outcome.${c.key}`)}</span>
          </li>
        ))}
      </ul>
      {result.notFitted.length > 0 && (
        <div className="plans-not-fitted">
          <p>{t('plans.notFitted', { count: result.notFitted.length })}</p>
          <ul>
            {result.notFitted.map((n) => (
              <li key={n.position}>{n.position}. {n.title} <span className="muted">{t('plans.screen.missingLessons', { n: n.missingLessons })}</span></li>
            ))}
          </ul>
        </div>
      )}
      {result.lessons.length > 0 && (
        <details className="plans-lessons">
          <summary>{t('plans.screen.lessonsList', { n: result.lessons.length })}</summary>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('plans.screen.date')}</th>
                  <th scope="col" className="num">{t('plans.screen.period')}</th>
                  <th scope="col">{t('plans.topic')}</th>
                  <th scope="col">{t('plans.screen.outcomeColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {result.lessons.map((l) => (
                  <tr key={l.lessonId} data-testid="apply-lesson">
                    <td>{shortDate(locale, l.date)}</td>
                    <td className="num">{l.period}</td>
                    <td>
                      {l.position}. {l.title}
                      {l.summative && <span className={l.summative === 'soch' ? 'tag warn' : 'tag'}>{t(`plans.${l.summative}`)}</span>}
                    </td>
                    <td>{t(`plans.screen.outcome.${l.outcome}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
