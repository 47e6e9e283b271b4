import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { Empty, ErrorNotice, Loading } from '../components/Panels';
import { useI18n } from '../i18n/I18n';
import { ProblemCard, type Choice } from './ProblemCard';
import type { SyncStatusState } from './useSyncStatus';
import { ago, dateTime } from './when';

interface Props {
  open: boolean;
  onClose: () => void;
  sync: SyncStatusState;
  offline: boolean;
  timeZone: string;
}

/**
 * A drawer over the right side (a modal dialog: the rest of the screen waits, Esc or the close button or a tap
 * beside it closes it): the state of this computer's sync and the user's changes that need a decision.
 */
export function SyncPanel({ open, onClose, sync, offline, timeZone }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  // A tap on the dimmed page beside the drawer lands on the dialog element, outside its box (not its scrollbar).
  const outside = (e: MouseEvent<HTMLDialogElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const beside = e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom;
    if (e.target === e.currentTarget && beside) onClose();
  };
  return (
    <dialog ref={dialog} className="sync-panel" aria-labelledby="sync-panel-title" data-testid="sync-panel" onClose={onClose} onClick={outside}>
      {open && <PanelBody sync={sync} offline={offline} timeZone={timeZone} onClose={onClose} />}
    </dialog>
  );
}

function PanelBody({ sync, offline, timeZone, onClose }: Omit<Props, 'open'>) {
  const { t, locale } = useI18n();
  const [decided, setDecided] = useState<{ ids: string[]; last: Choice | null }>({ ids: [], last: null });
  const heading = useRef<HTMLHeadingElement>(null);
  const data = sync.data;
  const problems = (data?.problems ?? []).filter((p) => !decided.ids.includes(p.mutationId));

  function resolved(mutationId: string, choice: Choice) {
    setDecided((d) => ({ ids: [...d.ids, mutationId], last: choice }));
    heading.current?.focus();
    sync.refresh();
  }

  return (
    <div className="sync-panel-body">
      <header className="sync-panel-head">
        <h2 id="sync-panel-title" ref={heading} tabIndex={-1}>{t('sync.title')}</h2>
        <button type="button" className="button" onClick={onClose} data-testid="sync-close">
          <span aria-hidden="true">✕ </span>{t('sync.close')}
        </button>
      </header>
      <dl className="facts sync-facts">
        <dt>{t('sync.connection')}</dt>
        <dd>{offline ? t('health.offline') : t('sync.online')}</dd>
        <dt>{t('sync.lastSyncLabel')}</dt>
        <dd title={data?.lastSyncAt ? dateTime(t, locale, data.lastSyncAt, timeZone) : undefined}>
          {data ? ago(t, locale, data.lastSyncAt, sync.now, timeZone) : '…'}
        </dd>
        <dt>{t('sync.pendingLabel')}</dt>
        <dd data-testid="sync-panel-pending">{data ? data.pending : '…'}</dd>
      </dl>
      {offline && <p className="muted">{t('sync.offlineNote')}</p>}
      <h3>{t('sync.problemsTitle')}</h3>
      {sync.error && <ErrorNotice error={sync.error} onRetry={sync.refresh} />}
      {!data && !sync.error && <Loading />}
      {data && problems.length === 0 && <Empty text={t('sync.noProblems')} />}
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p) => (
            <li key={p.mutationId}>
              <ProblemCard problem={p} timeZone={timeZone} onResolved={(choice) => resolved(p.mutationId, choice)} />
            </li>
          ))}
        </ul>
      )}
      <p className="sync-done" role="status" data-testid="sync-done">{decided.last ? t(`sync.done.${decided.last}`) : ''}</p>
    </div>
  );
}
