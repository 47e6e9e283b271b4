import { useOperation } from '../../api/ApiContext';
import { Empty, ErrorNotice, Loading } from '../../components/Panels';
import { fullName } from '../../components/names';
import { useI18n } from '../../i18n/I18n';

/** The school's classes of the year: pupils, shift, language of teaching, class teacher. */
export default function ClassesView() {
  const { t } = useI18n();
  const list = useOperation('school.classes', {});
  const classes = [...(list.data?.classes ?? [])].sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter));
  return (
    <section className="view" data-testid="classes-view">
      <div className="view-head">
        <h1>{t('classes.title')}</h1>
        {list.data && <span className="muted">{t('classes.count', { n: classes.length })}</span>}
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && list.loading && <Loading />}
      {list.data && classes.length === 0 && <Empty text={t('classes.none')} />}
      {classes.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('classes.class')}</th>
                <th>{t('classes.language')}</th>
                <th className="num">{t('classes.shift')}</th>
                <th className="num">{t('classes.pupils')}</th>
                <th>{t('classes.classTeacher')}</th>
              </tr>
            </thead>
            <tbody>
              {classes.map((c) => (
                <tr key={c.id} data-testid="class-row">
                  <td className="strong">{c.name}</td>
                  <td>{t(`classes.language.${c.language}`)}</td>
                  <td className="num">{c.shift}</td>
                  <td className="num">{c.pupils}</td>
                  <td>{c.classTeacher ? fullName(c.classTeacher) : <span className="muted">{t('classes.noClassTeacher')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
