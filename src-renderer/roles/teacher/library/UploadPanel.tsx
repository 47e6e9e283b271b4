import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { Resource } from '../../../../src-core/contract/ops/resources';
import { useApi } from '../../../api/ApiContext';
import { ApiError, unreachable } from '../../../api/client';
import { useI18n } from '../../../i18n/I18n';
import { firstFile, newTags, sizeText, tagsInput, type Scope, type SubjectOption, type Tags } from './model';
import { TagsFields } from './TagsFields';

interface Props {
  subjects: readonly SubjectOption[];
  /** The library a new file goes to unless the user picks the other. */
  defaultScope: Scope;
  /** Tags the current filters already name (a teacher looking at grade 7 algebra adds grade 7 algebra). */
  preset: Partial<Tags>;
  onAdded: (resource: Resource) => void;
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'chosen'; file: File; tags: Tags; busy: boolean; error: ApiError | null };

/**
 * Adding a file to the library: dropped on the panel or chosen, tagged, then written to the host (POST /files,
 * which checks the type by the bytes and the size) and added. A refused file adds nothing and says why.
 */
export function UploadPanel({ subjects, defaultScope, preset, onAdded }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const formId = useId();

  const choose = (files: FileList | null) => {
    const file = firstFile(files);
    if (!file || (stage.kind === 'chosen' && stage.busy)) return;
    setAdded(null);
    setStage({ kind: 'chosen', file, tags: newTags(file.name, defaultScope, preset), busy: false, error: null });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    choose(e.dataTransfer.files);
  };
  const cancel = () => {
    setStage({ kind: 'idle' });
    if (input.current) input.current.value = '';
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (stage.kind !== 'chosen' || stage.busy) return;
    const fields = tagsInput(stage.tags);
    if (!fields.title) return;
    setStage({ ...stage, busy: true, error: null });
    try {
      const info = await api.uploadFile(stage.file, stage.file.name);
      const resource = await api.invoke('resources.add', { sha256: info.sha256, fileName: stage.file.name.slice(0, 255), ...fields });
      cancel();
      setAdded(resource.title);
      onAdded(resource);
    } catch (err) {
      setStage({ ...stage, busy: false, error: err instanceof ApiError ? err : unreachable() });
    }
  };

  // A file dropped anywhere on the panel is taken: on the drop zone, or on the form of a file chosen before.
  const dropTarget = {
    onDragOver: (e: DragEvent) => { e.preventDefault(); setOver(true); },
    onDragLeave: () => setOver(false),
    onDrop,
  };

  if (stage.kind === 'idle') {
    return (
      <section className="panel lib-upload" aria-labelledby={`${formId}-h`} {...dropTarget}>
        <h2 id={`${formId}-h`} className="lib-upload-title">{t('library.upload.title')}</h2>
        <div className={`lib-drop${over ? ' over' : ''}`} data-testid="lib-drop">
          <p>{t('library.upload.drop')}</p>
          <label className="button primary lib-choose">
            {t('library.upload.choose')}
            <input ref={input} type="file" className="sr-only" onChange={(e) => choose(e.target.files)} data-testid="lib-file" />
          </label>
          <p className="muted lib-hint">{t('library.upload.hint')}</p>
        </div>
        {added && <p className="lib-done" role="status" data-testid="lib-added">{t('library.upload.added', { title: added })}</p>}
      </section>
    );
  }

  return (
    <section className={`panel lib-upload${over ? ' over' : ''}`} aria-labelledby={`${formId}-h`} {...dropTarget}>
      <h2 id={`${formId}-h`} className="lib-upload-title">{t('library.upload.title')}</h2>
      <form className="lib-form" onSubmit={(e) => void submit(e)} data-testid="lib-upload-form">
        <p className="lib-file-name">
          <span className="lib-file-label">{t('library.upload.file')}</span>
          <b>{stage.file.name}</b>
          <span className="muted">{sizeText(stage.file.size, locale, t)}</span>
        </p>
        <TagsFields tags={stage.tags} onChange={(tags) => setStage({ ...stage, tags, error: null })} subjects={subjects} idPrefix={`${formId}-new`} />
        {stage.error && <p className="form-error" role="alert" data-testid="lib-upload-error">{t(stage.error.messageKey, stage.error.params)}</p>}
        <div className="lib-actions">
          <button type="submit" className="button primary" disabled={stage.busy || !stage.tags.title.trim()} data-testid="lib-upload-submit">
            {stage.busy ? t('library.upload.busy') : t('library.upload.submit')}
          </button>
          <button type="button" className="button" disabled={stage.busy} onClick={cancel} data-testid="lib-upload-cancel">{t('library.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
