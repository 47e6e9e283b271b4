import { useI18n } from '../../../i18n/I18n';
import { useFileUrl } from './FileLink';

interface Previewable {
  sha256: string;
  title: string;
  kind: 'pdf' | 'image' | 'audio' | 'video' | 'html5';
}

/**
 * A look at a resource without leaving the page: a picture, or a player with its controls. A PDF or an HTML5
 * package opens in its own tab (the title's link).
 */
export function ResourcePreview({ resource: r }: { resource: Previewable }) {
  const { t } = useI18n();
  const file = useFileUrl(r.sha256, undefined, true);
  if (file.error) return <p className="form-error" role="alert">{t(file.error.messageKey, file.error.params)}</p>;
  if (!file.url) return <p className="loading" role="status">{t('panel.loading')}</p>;
  return (
    <div className="lib-preview" data-testid="lib-preview-box">
      {r.kind === 'image' && <img src={file.url} alt={r.title} data-testid="lib-preview-image" />}
      {r.kind === 'video' && <video src={file.url} controls preload="metadata" aria-label={r.title} data-testid="lib-preview-video" />}
      {r.kind === 'audio' && <audio src={file.url} controls preload="metadata" aria-label={r.title} data-testid="lib-preview-audio" />}
    </div>
  );
}
