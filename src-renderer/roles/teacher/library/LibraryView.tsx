import { useState } from 'react';
import type { Resource } from '../../../../src-core/contract/ops/resources';
import { Empty, ErrorNotice, Loading } from '../../../components/Panels';
import { useI18n } from '../../../i18n/I18n';
import type { ViewProps } from '../../../shell/views';
import { LibraryFilters } from './LibraryFilters';
import { ANY_FILTER, libraryAbilities, subjectOptions, type LibraryFilter, type SchoolSubjects, type SubjectOption } from './model';
import { ResourceCard } from './ResourceCard';
import { UploadPanel } from './UploadPanel';
import { useJournals } from './useJournals';
import { useLibrary } from './useLibrary';
import { useSchoolSubjects } from './useSchoolSubjects';
import '../../../styles/library.css';

/**
 * The library of digital educational resources (ЦБР / ЦОР): the school's and the user's own files, found by
 * subject, grade, language, kind and words; added by upload, tagged, moved between the personal and the school
 * library, removed. Only what the user may do is offered.
 */
export default function LibraryView({ me }: ViewProps) {
  const { t, locale } = useI18n();
  const can = libraryAbilities(me.permissions);
  const [filter, setFilter] = useState<LibraryFilter>(ANY_FILTER);
  const list = useLibrary(filter);
  // The school's subjects; the user's journals are asked for theirs only when the school's cannot be had.
  const school = useSchoolSubjects(me.permissions.includes('school.read'));
  const { journals } = useJournals(school.failed && me.permissions.includes('journal.read'));
  const subjects = useKnownSubjects(journals, school.subjects, list.resources, locale);
  const filtered = filter.scope !== 'all' || filter.subjectId !== '' || filter.grade !== '' || filter.language !== '' || filter.kind !== '' || filter.text.trim() !== '';

  const preset = {
    ...(filter.scope !== 'all' ? { scope: filter.scope } : {}),
    subjectId: filter.subjectId,
    grade: filter.grade,
    language: filter.language,
  };
  return (
    <section className="view lib-view" data-testid="library-view">
      <div className="view-head">
        <div className="lib-heading">
          <h1>{t('library.title')}</h1>
          <p className="muted">{t('library.subtitle')}</p>
        </div>
      </div>
      {can.upload && (
        <UploadPanel subjects={subjects} defaultScope={can.manageSchool ? 'school' : 'personal'} preset={preset} onAdded={list.reload} />
      )}
      <LibraryFilters filter={filter} onChange={setFilter} subjects={subjects} />
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p className="muted lib-count" role="status" data-testid="lib-count">
            {list.loading || !list.settled ? t('panel.loading') : t('library.count', { n: list.resources.length })}
          </p>
          {list.resources.length === 0 && !filtered && <Empty text={t('library.empty')} />}
          {list.resources.length === 0 && filtered && (
            <div className="panel empty lib-none">
              <p>{t('library.nothingFound')}</p>
              <button type="button" className="button" onClick={() => setFilter(ANY_FILTER)} data-testid="lib-clear-filters">{t('library.clearFilters')}</button>
            </div>
          )}
          {list.resources.length > 0 && (
            <ul className="lib-list" data-testid="lib-list">
              {list.resources.map((r) => <ResourceCard key={`${r.id}-${r.rowVersion}`} resource={r} subjects={subjects} onChanged={list.reload} />)}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The subjects the filters and tags offer: the school's (else the user's journals') and every one the lists shown
 * so far carried (a filter narrowed to one subject still offers the others it saw).
 */
function useKnownSubjects(journals: Parameters<typeof subjectOptions>[0], school: SchoolSubjects | null, resources: readonly Resource[], locale: 'kk' | 'ru' | 'en'): SubjectOption[] {
  const [seen, setSeen] = useState<{ from: readonly Resource[]; all: Resource[] }>({ from: resources, all: [...resources] });
  if (seen.from !== resources) {
    const known = new Set(seen.all.map((r) => r.subject?.id));
    setSeen({ from: resources, all: [...seen.all, ...resources.filter((r) => r.subject && !known.has(r.subject.id))] });
  }
  return subjectOptions(journals, seen.all, locale, school);
}
