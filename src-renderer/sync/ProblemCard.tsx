import { useState } from 'react';
import type { SyncProblem } from '../../src-core/contract/schemas';
import { useApi } from '../api/ApiContext';
import { ApiError, unreachable } from '../api/client';
import { fullName } from '../components/names';
import { shortDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18n';
import { dateTime } from './when';

export type Choice = 'keepMine' | 'takeTheirs' | 'dismiss';

interface Props {
  problem: SyncProblem;
  timeZone: string;
  onResolved: (choice: Choice) => void;
}

/**
 * One change the server did not apply: which lesson and pupil, what the user wrote and what the server holds, the
 * server's reason in the user's language, and the decisions that fit it (a conflict: keep mine or take theirs; a
 * refused change: put it aside).
 */
export function ProblemCard({ problem, timeZone, onResolved }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const opKey = `sync.op.${problem.operation}`;
  const lesson = problem.lesson;

  async function decide(choice: Choice) {
    setBusy(true);
    setError(null);
    try {
      await api.invoke('sync.resolve', { mutationId: problem.mutationId, choice });
      onResolved(choice);
    } catch (err) {
      setError(err instanceof ApiError ? err : unreachable());
      setBusy(false);
    }
  }

  return (
    <article className={`problem ${problem.outcome}`} data-testid="sync-problem" data-outcome={problem.outcome} aria-busy={busy}>
      <header className="problem-head">
        <span className={problem.outcome === 'conflict' ? 'tag warn' : 'tag danger'}>{t(`sync.outcome.${problem.outcome}`)}</span>
        <h4>{t(opKey) === opKey ? t('sync.op.other') : t(opKey)}</h4>
        <span className="muted problem-made">{t('sync.madeAt', { when: dateTime(t, locale, problem.createdAt, timeZone) })}</span>
      </header>
      <dl className="facts">
        {lesson && (
          <>
            <dt>{t('sync.lesson')}</dt>
            <dd data-testid="sync-lesson">
              {[shortDate(locale, lesson.date), t('lesson.period', { n: lesson.period }), t('children.class', { name: lesson.className }), lesson.subject[locale]].join(' · ')}
            </dd>
          </>
        )}
        {problem.student && (
          <>
            <dt>{t('sync.pupil')}</dt>
            <dd data-testid="sync-pupil">{fullName(problem.student)}</dd>
          </>
        )}
      </dl>
      <div className="problem-values">
        <Value label={t('sync.mine')} value={problem.mine} testId="sync-mine" />
        <Value label={t('sync.theirs')} value={problem.theirs} testId="sync-theirs" />
      </div>
      <p className="problem-reason" data-testid="sync-reason">{t(problem.reason.messageKey, problem.reason.params)}</p>
      {problem.outcome === 'rejected' && <p className="muted">{t('sync.rejectedNote')}</p>}
      {error && <p className="form-error" role="alert">{t(error.messageKey, error.params)}</p>}
      <div className="problem-actions">
        {problem.outcome === 'conflict'
          ? (
            <>
              <button type="button" className="button primary" disabled={busy} onClick={() => void decide('keepMine')}>{t('sync.keepMine')}</button>
              <button type="button" className="button" disabled={busy} onClick={() => void decide('takeTheirs')}>{t('sync.takeTheirs')}</button>
            </>
          )
          : <button type="button" className="button" disabled={busy} onClick={() => void decide('dismiss')}>{t('sync.dismiss')}</button>}
      </div>
    </article>
  );
}

/** A value as the journal shows it ("8", "ж", a topic); an empty one as a dash that reads "empty". */
function Value({ label, value, testId }: { label: string; value: string | null; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="problem-value">
      <span className="problem-value-label">{label}</span>
      {value === null
        ? <span className="problem-value-text empty" data-testid={testId} title={t('sync.empty')}><span aria-hidden="true">—</span><span className="sr-only">{t('sync.empty')}</span></span>
        : <span className={value.length > 4 ? 'problem-value-text long' : 'problem-value-text'} data-testid={testId}>{value}</span>}
    </div>
  );
}
