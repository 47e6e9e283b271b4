import { Fragment } from 'react';
import { fullName } from '../../../components/names';
import { useI18n } from '../../../i18n/I18n';
import { relationKey, telHref, type Summary } from './model';

/** Each pupil's parents: name, who they are to the pupil, a phone to call and an address to write to. */
export function ParentsTable({ summary }: { summary: Summary }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap mc-scroll">
      <table className="table mc-parents" data-testid="my-class-parents">
        <thead>
          <tr>
            <th scope="col" className="mc-sticky mc-name-head"><span className="mc-num">{t('myClass.num')}</span> {t('myClass.pupil')}</th>
            <th scope="col">{t('myClass.parent')}</th>
            <th scope="col">{t('myClass.phone')}</th>
            <th scope="col">{t('myClass.email')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.pupils.map((p, i) => {
            const rows = Math.max(1, p.parents.length);
            const pupil = (
              <th scope="rowgroup" rowSpan={rows} className="mc-sticky mc-name">
                <span className="mc-num">{i + 1}</span>
                <span className="mc-pupil">{fullName(p.pupil)}</span>
              </th>
            );
            if (p.parents.length === 0) {
              return (
                <tr key={p.pupil.id} data-testid="parents-row" data-student={p.pupil.id}>
                  {pupil}
                  <td colSpan={3} className="muted">{t('myClass.noParents')}</td>
                </tr>
              );
            }
            return (
              <Fragment key={p.pupil.id}>
                {p.parents.map((g, j) => {
                  const key = relationKey(g.relation);
                  return (
                    <tr key={g.id} data-testid="parents-row" data-student={p.pupil.id} className={j === p.parents.length - 1 ? undefined : 'mc-same-pupil'}>
                      {j === 0 && pupil}
                      <td>
                        <span className="mc-parent">{fullName(g)}</span>
                        <span className="tag mc-relation" title={t('myClass.relation')} data-testid="parent-relation">{key ? t(key) : g.relation}</span>
                      </td>
                      <td className="mc-contact">{g.phone ? <a href={telHref(g.phone)} data-testid="parent-phone">{g.phone}</a> : <span className="muted">—</span>}</td>
                      <td className="mc-contact">{g.email ? <a href={`mailto:${g.email}`} data-testid="parent-email">{g.email}</a> : <span className="muted">—</span>}</td>
                    </tr>
                  );
                })}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
