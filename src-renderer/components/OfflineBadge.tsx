import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { useI18n } from '../i18n/I18n';

const EVERY_MS = 30_000;

/** Asks the host every 30 s whether it reaches the central server; shows a badge while it does not. */
export function OfflineBadge() {
  const api = useApi();
  const { t } = useI18n();
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let alive = true;
    const check = () => api.health().then((h) => { if (alive) setOffline(h.offline || !h.ok); });
    check();
    const timer = setInterval(check, EVERY_MS);
    return () => { alive = false; clearInterval(timer); };
  }, [api]);
  if (!offline) return null;
  return <span className="badge offline" role="status" data-testid="offline-badge" title={t('health.offlineHint')}>{t('health.offline')}</span>;
}
