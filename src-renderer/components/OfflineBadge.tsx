import { useI18n } from '../i18n/I18n';

/** Shown while the host does not reach the central server (useHostHealth asks it). */
export function OfflineBadge({ offline }: { offline: boolean }) {
  const { t } = useI18n();
  if (!offline) return null;
  return <span className="badge offline" role="status" data-testid="offline-badge" title={t('health.offlineHint')}>{t('health.offline')}</span>;
}
