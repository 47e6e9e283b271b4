import { useState } from 'react';
import { useOperation } from '../../api/ApiContext';
import { fullName } from '../../components/names';
import { Empty, ErrorNotice, Loading } from '../../components/Panels';
import { DiaryTabs } from '../../diary/DiaryTabs';
import { useI18n } from '../../i18n/I18n';

/** A parent's view of their children's marks (and week), one child at a time. */
export default function MarksView() {
  const { t } = useI18n();
  const family = useOperation('family.myChildren', {});
  const children = family.data?.children ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const child = children?.find((c) => c.person.id === chosen) ?? children?.[0] ?? null;
  return (
    <section className="view" data-testid="marks-view">
      <div className="view-head"><h1>{t('marks.title')}</h1></div>
      {family.error && <ErrorNotice error={family.error} onRetry={family.reload} />}
      {!children && !family.error && <Loading />}
      {children && children.length === 0 && <Empty text={t('children.none')} />}
      {children && children.length > 1 && (
        <div className="segmented child-switcher" role="group" aria-label={t('marks.children')} data-testid="child-switcher">
          {children.map((c) => (
            <button key={c.person.id} type="button" aria-pressed={c.person.id === child?.person.id}
              className={c.person.id === child?.person.id ? 'segment active' : 'segment'} onClick={() => setChosen(c.person.id)}>
              {c.person.firstName}{c.class ? ` · ${c.class.name}` : ''}
            </button>
          ))}
        </div>
      )}
      {child && (
        <>
          <h2 className="diary-child" data-testid="marks-child">
            {fullName(child.person)}
            {child.class && <span className="tag class-tag">{t('children.class', { name: child.class.name })}</span>}
          </h2>
          <DiaryTabs key={child.person.id} studentId={child.person.id} first="marks" />
        </>
      )}
    </section>
  );
}
