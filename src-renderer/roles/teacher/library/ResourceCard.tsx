import { useId, useState, type FormEvent } from 'react';
import type { Resource } from '../../../../src-core/contract/ops/resources';
import { useApi } from '../../../api/ApiContext';
import { ApiError, unreachable } from '../../../api/client';
import { fullName } from '../../../components/names';
import { useI18n } from '../../../i18n/I18n';
import { FileLink } from './FileLink';
import { ResourcePreview } from './ResourcePreview';
import { sizeText, tagsInput, tagsOf, type SubjectOption, type Tags } from './model';
import { TagsFields } from './TagsFields';

interface Props {
  resource: Resource;
  subjects: readonly SubjectOption[];
  onChanged: () => void;
}

type Mode = 'view' | 'edit' | 'remove';

/** One resource of the library: what it is, where it came from, and what the user may do with it. */
export function ResourceCard({ resource: r, subjects, onChanged }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('view');
  const [tags, setTags] = useState<Tags>(() => tagsOf(r));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const formId = useId();

  const run = async (write: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      setMode('view');
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err : unreachable());
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    const fields = tagsInput(tags);
    if (fields.title) void run(() => api.invoke('resources.update', { resourceId: r.id, ...fields }));
  };
  const move = () => void run(() => api.invoke('resources.update', { resourceId: r.id, scope: r.scope === 'school' ? 'personal' : 'school' }));
  const remove = () => void run(() => api.invoke('resources.remove', { resourceId: r.id }));
  const startEdit = () => { setTags(tagsOf(r)); setError(null); setMode('edit'); };

  return (
    <li className={`card lib-card kind-${r.kind}`} data-testid="lib-resource" data-id={r.id} data-scope={r.scope} data-kind={r.kind}>
      <div className="lib-card-head">
        <KindBadge kind={r.kind} />
        <div className="lib-card-title">
          <FileLink sha256={r.sha256} className="lib-open" title={r.fileName} testId="lib-open">
            <h3 data-testid="lib-title">{r.title}</h3>
          </FileLink>
          <ResourceFacts resource={r} />
        </div>
        <span className={`tag lib-scope-tag ${r.scope}`} data-testid="lib-scope">{t(`library.scope.${r.scope}`)}</span>
      </div>

      <TagList resource={r} />

      {previewing && <ResourcePreview resource={r} />}

      {mode === 'edit' && (
        <form className="lib-form" onSubmit={save} data-testid="lib-edit-form">
          <TagsFields tags={tags} onChange={setTags} subjects={subjects} idPrefix={`${formId}-edit`} />
          <div className="lib-actions">
            <button type="submit" className="button primary" disabled={busy || !tags.title.trim()} data-testid="lib-edit-save">{t('library.save')}</button>
            <button type="button" className="button" disabled={busy} onClick={() => setMode('view')}>{t('library.cancel')}</button>
          </div>
        </form>
      )}

      {mode === 'remove' && (
        <div className="lib-confirm" role="alertdialog" aria-labelledby={`${formId}-rm`} data-testid="lib-remove-confirm">
          <p id={`${formId}-rm`}>{t('library.remove.question', { title: r.title })}</p>
          <p className="muted">{t('library.remove.lessonsKeep')}</p>
          <div className="lib-actions">
            <button type="button" className="button danger" disabled={busy} onClick={remove} data-testid="lib-remove-yes">{t('library.remove.yes')}</button>
            <button type="button" className="button" disabled={busy} onClick={() => setMode('view')} data-testid="lib-remove-no">{t('library.cancel')}</button>
          </div>
        </div>
      )}

      {error && <p className="form-error" role="alert" data-testid="lib-error">{t(error.messageKey, error.params)}</p>}

      {mode === 'view' && (
        <div className="lib-card-actions">
          <span className="lib-actions">
            {(r.kind === 'image' || r.kind === 'audio' || r.kind === 'video') && (
              <button type="button" className="button" aria-expanded={previewing} onClick={() => setPreviewing((p) => !p)} data-testid="lib-preview">
                {previewing ? t('library.preview.hide') : t('library.preview.show')}
              </button>
            )}
            {r.editable && (
              <>
                <button type="button" className="button" onClick={startEdit} data-testid="lib-edit">{t('library.edit')}</button>
                <button type="button" className="button" disabled={busy} onClick={move} data-testid="lib-move">
                  {r.scope === 'school' ? t('library.moveToPersonal') : t('library.moveToSchool')}
                </button>
              </>
            )}
          </span>
          {r.editable && (
            <button type="button" className="button quiet danger-text" onClick={() => { setError(null); setMode('remove'); }} data-testid="lib-remove">{t('library.remove')}</button>
          )}
        </div>
      )}
    </li>
  );
}

export function KindBadge({ kind }: { kind: Resource['kind'] }) {
  const { t } = useI18n();
  return <span className={`lib-kind ${kind}`} data-testid="lib-kind">{t(`library.kind.${kind}`)}</span>;
}

/** The file's name and size, who added it. */
function ResourceFacts({ resource: r }: { resource: Resource }) {
  const { t, locale } = useI18n();
  return (
    <p className="lib-facts">
      <span className="lib-file" title={r.fileName}>{r.fileName}</span>
      <span data-testid="lib-size">{sizeText(r.size, locale, t)}</span>
      <span>{fullName(r.owner)}</span>
    </p>
  );
}

/** The tags colleagues find it by: subject, grade, language, topic. */
function TagList({ resource: r }: { resource: Resource }) {
  const { t, locale } = useI18n();
  if (!r.subject && r.grade === null && !r.language && !r.topic) return null;
  return (
    <ul className="lib-tags" aria-label={t('library.tags')} data-testid="lib-tags">
      {r.subject && <li data-testid="lib-tag-subject">{r.subject.name[locale]}</li>}
      {r.grade !== null && <li data-testid="lib-tag-grade">{t('library.gradeN', { n: r.grade })}</li>}
      {r.language && <li data-testid="lib-tag-language">{t(`library.language.${r.language}`)}</li>}
      {r.topic && <li className="lib-tag-topic" data-testid="lib-tag-topic">{r.topic}</li>}
    </ul>
  );
}
