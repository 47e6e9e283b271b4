import { useI18n } from '../../../i18n/I18n';
import { GRADES, LANGUAGES, type SubjectOption, type Tags } from './model';

interface Props {
  tags: Tags;
  onChange: (tags: Tags) => void;
  subjects: readonly SubjectOption[];
  /** Tells the fields of one form from another's (the upload form and a card's edit form on one page). */
  idPrefix: string;
}

/** A resource's title, library and tags: the upload form's and the edit form's fields. */
export function TagsFields({ tags, onChange, subjects, idPrefix }: Props) {
  const { t } = useI18n();
  const set = <K extends keyof Tags>(key: K, value: Tags[K]) => onChange({ ...tags, [key]: value });
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="lib-fields">
      <label className="field lib-title" htmlFor={id('title')}>
        <span className="field-label">{t('library.field.title')}</span>
        <input id={id('title')} type="text" required maxLength={300} value={tags.title} onChange={(e) => set('title', e.target.value)} data-testid="lib-field-title" />
      </label>
      <label className="field" htmlFor={id('subject')}>
        <span className="field-label">{t('library.field.subject')}</span>
        <select id={id('subject')} value={tags.subjectId} onChange={(e) => set('subjectId', e.target.value)} data-testid="lib-field-subject">
          <option value="">{t('library.none')}</option>
          {subjects.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label className="field" htmlFor={id('grade')}>
        <span className="field-label">{t('library.field.grade')}</span>
        <select id={id('grade')} value={tags.grade} onChange={(e) => set('grade', e.target.value)} data-testid="lib-field-grade">
          <option value="">{t('library.none')}</option>
          {GRADES.map((g) => <option key={g} value={String(g)}>{t('library.gradeN', { n: g })}</option>)}
        </select>
      </label>
      <label className="field" htmlFor={id('language')}>
        <span className="field-label">{t('library.field.language')}</span>
        <select id={id('language')} value={tags.language} onChange={(e) => set('language', e.target.value as Tags['language'])} data-testid="lib-field-language">
          <option value="">{t('library.none')}</option>
          {LANGUAGES.map((l) => <option key={l} value={l}>{t(`library.language.${l}`)}</option>)}
        </select>
      </label>
      <label className="field lib-topic" htmlFor={id('topic')}>
        <span className="field-label">{t('library.field.topic')}</span>
        <input id={id('topic')} type="text" maxLength={500} value={tags.topic} onChange={(e) => set('topic', e.target.value)} data-testid="lib-field-topic" />
      </label>
      <fieldset className="lib-scope">
        <legend className="field-label">{t('library.field.scope')}</legend>
        <div className="segmented" role="radiogroup">
          {(['personal', 'school'] as const).map((s) => (
            <label key={s} className={`segment${tags.scope === s ? ' active' : ''}`}>
              <input type="radio" className="sr-only" name={id('scope')} value={s} checked={tags.scope === s}
                onChange={() => set('scope', s)} data-testid={`lib-field-scope-${s}`} />
              {t(`library.scope.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
