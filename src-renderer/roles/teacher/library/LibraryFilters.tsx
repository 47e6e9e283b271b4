import { useId } from 'react';
import { useI18n } from '../../../i18n/I18n';
import { GRADES, KINDS, LANGUAGES, type LibraryFilter, type SubjectOption } from './model';

interface Props {
  filter: LibraryFilter;
  onChange: (filter: LibraryFilter) => void;
  subjects: readonly SubjectOption[];
}

/** Whose resources (mine, the school's, all), and by subject, grade, language, kind and words of the title or topic. */
export function LibraryFilters({ filter, onChange, subjects }: Props) {
  const { t } = useI18n();
  const id = useId();
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div className="lib-filters" role="search" aria-label={t('library.filters')}>
      <div className="lib-filters-top">
        <div className="segmented lib-scopes" role="group" aria-label={t('library.field.scope')}>
          {(['personal', 'school', 'all'] as const).map((s) => (
            <button key={s} type="button" className={`segment${filter.scope === s ? ' active' : ''}`} aria-pressed={filter.scope === s}
              onClick={() => set('scope', s)} data-testid={`lib-scope-${s}`}>
              {t(`library.show.${s}`)}
            </button>
          ))}
        </div>
        <label className="field lib-search" htmlFor={`${id}-text`}>
          <span className="field-label">{t('library.search')}</span>
          <input id={`${id}-text`} type="search" maxLength={100} value={filter.text} placeholder={t('library.searchHint')}
            onChange={(e) => set('text', e.target.value)} data-testid="lib-filter-text" />
        </label>
      </div>
      <div className="lib-filters-selects">
        <label className="field" htmlFor={`${id}-subject`}>
          <span className="field-label">{t('library.field.subject')}</span>
          <select id={`${id}-subject`} value={filter.subjectId} onChange={(e) => set('subjectId', e.target.value)} data-testid="lib-filter-subject">
            <option value="">{t('library.any')}</option>
            {subjects.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-grade`}>
          <span className="field-label">{t('library.field.grade')}</span>
          <select id={`${id}-grade`} value={filter.grade} onChange={(e) => set('grade', e.target.value)} data-testid="lib-filter-grade">
            <option value="">{t('library.any')}</option>
            {GRADES.map((g) => <option key={g} value={String(g)}>{t('library.gradeN', { n: g })}</option>)}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-language`}>
          <span className="field-label">{t('library.field.language')}</span>
          <select id={`${id}-language`} value={filter.language} onChange={(e) => set('language', e.target.value as LibraryFilter['language'])} data-testid="lib-filter-language">
            <option value="">{t('library.any')}</option>
            {LANGUAGES.map((l) => <option key={l} value={l}>{t(`library.language.${l}`)}</option>)}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-kind`}>
          <span className="field-label">{t('library.field.kind')}</span>
          <select id={`${id}-kind`} value={filter.kind} onChange={(e) => set('kind', e.target.value as LibraryFilter['kind'])} data-testid="lib-filter-kind">
            <option value="">{t('library.any')}</option>
            {KINDS.map((k) => <option key={k} value={k}>{t(`library.kind.${k}`)}</option>)}
          </select>
        </label>
      </div>
    </div>
  );
}
