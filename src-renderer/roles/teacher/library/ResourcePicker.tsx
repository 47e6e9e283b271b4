import { useState } from 'react';
import type { Resource } from '../../../../src-core/contract/ops/resources';
import { ErrorNotice, Loading } from '../../../components/Panels';
import { useI18n } from '../../../i18n/I18n';
import { LibraryFilters } from './LibraryFilters';
import { ANY_FILTER, sizeText, subjectOptions, type LibraryFilter } from './model';
import { KindBadge } from './ResourceCard';
import { useJournals } from './useJournals';
import { useLibrary } from './useLibrary';

interface Props {
  /** The filters it opens with (the lesson's subject and grade). */
  initial: Partial<LibraryFilter>;
  /** Resources already chosen: offered as chosen, not again. */
  chosen: ReadonlySet<string>;
  /** The user may read journals: their subjects are offered as filters. */
  readsJournals: boolean;
  /** No more may be chosen (the plan holds its most). */
  full: boolean;
  onPick: (resource: Resource) => void;
  onClose: () => void;
}

/** The library, to choose resources from for a lesson: filtered like the library's page, one button per resource. */
export function ResourcePicker({ initial, chosen, readsJournals, full, onPick, onClose }: Props) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<LibraryFilter>({ ...ANY_FILTER, ...initial });
  const list = useLibrary(filter);
  const { journals } = useJournals(readsJournals);
  const subjects = subjectOptions(journals, list.resources, locale);
  return (
    <section className="lib-picker" aria-labelledby="lib-picker-heading" data-testid="lib-picker">
      <div className="lib-picker-head">
        <h3 id="lib-picker-heading">{t('lessonPlan.resources.pickTitle')}</h3>
        <button type="button" className="button" onClick={onClose} data-testid="lib-picker-close">{t('lessonPlan.resources.pickDone')}</button>
      </div>
      <LibraryFilters filter={filter} onChange={setFilter} subjects={subjects} />
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.resources.length === 0 && (
        <div className="lib-none">
          <p className="muted">{t('library.nothingFound')}</p>
          <button type="button" className="button" onClick={() => setFilter(ANY_FILTER)} data-testid="lib-clear-filters">{t('library.clearFilters')}</button>
        </div>
      )}
      {list.resources.length > 0 && (
        <ul className="lib-pick-list">
          {list.resources.map((r) => {
            const isChosen = chosen.has(r.id);
            return (
              <li key={r.id} className="lib-pick" data-testid="lib-pick-item" data-id={r.id}>
                <KindBadge kind={r.kind} />
                <span className="lib-pick-title">
                  <b>{r.title}</b>
                  <span className="muted">
                    {[r.subject?.name[locale], r.grade === null ? null : t('library.gradeN', { n: r.grade }), sizeText(r.size, locale, t)]
                      .filter(Boolean).join(' · ')}
                  </span>
                </span>
                <button type="button" className={isChosen ? 'button' : 'button primary'} disabled={isChosen || full} onClick={() => onPick(r)} data-testid="lib-pick">
                  {isChosen ? t('lessonPlan.resources.attached') : t('lessonPlan.resources.attach')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
