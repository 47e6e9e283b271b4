import type { OutputOf } from '../../../src-core/contract/operations';
import { DayOff } from '../../components/DayOff';
import { LessonList } from '../../components/LessonList';
import { Empty } from '../../components/Panels';
import { fullName } from '../../components/names';
import { useI18n } from '../../i18n/I18n';

type Child = OutputOf<'family.myChildren'>['children'][number];

/** One child: name, class, the class teacher to call, and the day's lessons. */
export function ChildCard({ child, onGo }: { child: Child; onGo: (date: string) => void }) {
  const { t } = useI18n();
  const teacher = child.classTeacher;
  return (
    <article className="card child" data-testid="child-card">
      <header className="card-head">
        <h2 data-testid="child-name">{fullName(child.person)}</h2>
        {child.class
          ? <span className="tag class-tag" data-testid="child-class">{t('children.class', { name: child.class.name })}</span>
          : <span className="tag">{t('children.noClass')}</span>}
      </header>
      <dl className="facts">
        <dt>{t('children.classTeacher')}</dt>
        <dd>
          {teacher ? fullName(teacher) : t('children.noClassTeacher')}
          {teacher?.phone && <> · <a className="phone" href={`tel:${teacher.phone.replace(/[^+\d]/g, '')}`}>{teacher.phone}</a></>}
        </dd>
      </dl>
      <h3 className="card-sub">{t('children.lessons')}</h3>
      <DayOff day={child.day} onGo={onGo} />
      {!child.day.dayOff && child.day.lessons.length === 0 && <Empty text={t('today.noLessons')} />}
      {child.day.lessons.length > 0 && <LessonList lessons={child.day.lessons} viewer="pupil" compact />}
    </article>
  );
}
