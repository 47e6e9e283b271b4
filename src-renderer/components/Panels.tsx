import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18n';

/** A section that is not built yet: said plainly, never filled with made-up data. */
export function NotReady({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <section className="panel notice" data-testid="not-ready">
      <h2>{title}</h2>
      <p>{t('panel.notReady')}</p>
    </section>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p className="loading" role="status">{t('panel.loading')}</p>;
}

export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="panel error-notice" role="alert">
      <p>{t(error.messageKey, error.params)}</p>
      {onRetry && <button type="button" className="button" onClick={onRetry}>{t('panel.retry')}</button>}
    </div>
  );
}

export function Empty({ text }: { text: string }) {
  return <p className="panel empty">{text}</p>;
}
