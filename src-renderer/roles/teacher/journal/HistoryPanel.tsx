import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-core/contract/operations';
import { useApi } from '../../../api/ApiContext';
import { ApiError, unreachable } from '../../../api/client';
import { shortName } from '../../../components/names';
import { useI18n } from '../../../i18n/I18n';

type Entry = OutputOf<'journal.cellHistory'>['entries'][number];

/** Who changed a cell, when, on which computer, from what to what and why (the server's history; offline it says so). Keyed by the cell: a new cell mounts a new panel. */
export function HistoryPanel({ lessonId, studentId, title, onClose }: { lessonId: string; studentId: string; title: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [state, setState] = useState<{ entries: Entry[] | null; error: ApiError | null }>({ entries: null, error: null });

  useEffect(() => {
    let current = true;
    api.invoke('journal.cellHistory', { lessonId, studentId }).then(
      (out) => { if (current) setState({ entries: out.entries, error: null }); },
      (err: unknown) => { if (current) setState({ entries: null, error: err instanceof ApiError ? err : unreachable() }); },
    );
    return () => { current = false; };
  }, [api, lessonId, studentId]);

  const when = (at: string) => new Date(at).toLocaleString(locale === 'kk' ? 'kk-KZ' : locale === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const value = (v: string | null) => v ?? '—';
  return (
    <section className="panel journal-history" aria-label={title} data-testid="journal-history">
      <div className="journal-history-head">
        <h2>{title}</h2>
        <button type="button" className="button" onClick={onClose}>{t('journal.close')}</button>
      </div>
      {!state.entries && !state.error && <p className="muted" role="status">{t('journal.historyLoading')}</p>}
      {state.error && <p className="journal-error" role="alert">{t(state.error.messageKey, state.error.params)}</p>}
      {state.entries?.length === 0 && <p className="muted">{t('journal.historyEmpty')}</p>}
      {state.entries && state.entries.length > 0 && (
        <table className="journal-history-table">
          <thead>
            <tr>
              <th>{t('journal.history.at')}</th><th>{t('journal.history.by')}</th><th>{t('journal.history.device')}</th>
              <th>{t('journal.history.change')}</th><th>{t('journal.history.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {state.entries.map((e, i) => (
              <tr key={i} data-testid="history-entry">
                <td>{when(e.at)}</td>
                <td>{e.by ? shortName(e.by) : '—'}</td>
                <td>{e.device ?? '—'}</td>
                <td><span className="tag">{t(`journal.what.${e.what}`)}</span> {value(e.old)} → {value(e.new)}</td>
                <td>{e.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
