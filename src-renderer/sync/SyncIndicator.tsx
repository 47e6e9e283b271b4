import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { OfflineBadge } from '../components/OfflineBadge';
import { useI18n } from '../i18n/I18n';
import { SyncPanel } from './SyncPanel';
import { useSyncStatus } from './useSyncStatus';
import { ago } from './when';

interface Props {
  offline: boolean;
  timeZone: string;
}

/**
 * The desktop client's sync in the header: online or not, when it last synced, the changes waiting, and a badge
 * with the user's changes that need a decision. Opens the panel where they are decided.
 */
export function SyncIndicator({ offline, timeZone }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const sync = useSyncStatus();
  const [open, setOpen] = useState(false);
  // A locked or ended session hides the panel: it lists pupils and marks.
  useEffect(() => api.onSessionEvent(() => setOpen(false)), [api]);

  if (sync.unsupported) return <OfflineBadge offline={offline} />;
  const data = sync.data;
  const problems = data?.problems.length ?? 0;
  const pending = data?.pending ?? 0;
  const when = data ? ago(t, locale, data.lastSyncAt, sync.now, timeZone) : null;
  return (
    <>
      <button type="button" className={['sync-indicator', offline ? 'offline' : '', problems > 0 ? 'has-problems' : ''].join(' ').trim()}
        data-testid="sync-indicator" aria-haspopup="dialog" aria-expanded={open} title={t('sync.open')} onClick={() => setOpen(true)}>
        <span className="sync-lines">
          <span className="sync-state">
            <span className="sync-dot" aria-hidden="true" />
            <span data-testid="sync-state">{offline ? t('health.offline') : t('sync.online')}</span>
          </span>
          <span className="sync-when" data-testid="sync-when">
            {when === null ? t('panel.loading') : (
              <>
                {/* On a laptop the words give way to the sync sign; a screen reader reads the sentence on any screen. */}
                <span className="sync-when-full">{t('sync.lastSync', { when })}</span>
                <span className="sync-when-short" aria-hidden="true"><SyncSign />{when}</span>
              </>
            )}
          </span>
          {pending > 0 && <span className="sync-pending" data-testid="sync-pending">{t('sync.pending', { n: pending })}</span>}
        </span>
        {problems > 0 && (
          <span className="sync-count" data-testid="sync-problems-count">
            <span aria-hidden="true">{problems}</span>
            <span className="sr-only">{t('sync.problemsCount', { n: problems })}</span>
          </span>
        )}
      </button>
      <SyncPanel open={open} onClose={() => setOpen(false)} sync={sync} offline={offline} timeZone={timeZone} />
    </>
  );
}

/** Two arrows chasing each other: "synced". */
function SyncSign() {
  return (
    <svg className="sync-sign" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M13.2 6.2A5.4 5.4 0 0 0 3.4 4.6" />
        <path d="M3.2 1.9v2.9h2.9" />
        <path d="M2.8 9.8a5.4 5.4 0 0 0 9.8 1.6" />
        <path d="M12.8 14.1v-2.9H9.9" />
      </g>
    </svg>
  );
}
