import { useState } from 'react';
import { ROLES, isRole, type Role } from '../../../src-core/auth/roles';
import { useOperation } from '../../api/ApiContext';
import { Empty, ErrorNotice, Loading } from '../../components/Panels';
import { fullName } from '../../components/names';
import { useI18n } from '../../i18n/I18n';

const PAGE = 100;

/** The school's accounts: who, with which roles, and whether they can sign in. */
export default function UsersView() {
  const { t } = useI18n();
  const [role, setRole] = useState<Role | ''>('');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const list = useOperation('users.list', role ? { role } : {});
  const needle = query.trim().toLocaleLowerCase();
  const matching = (list.data?.users ?? [])
    .filter((u) => !needle || u.login.toLocaleLowerCase().includes(needle) || fullName(u.person).toLocaleLowerCase().includes(needle))
    .sort((a, b) => fullName(a.person).localeCompare(fullName(b.person)));
  const users = matching.slice(0, limit);
  return (
    <section className="view" data-testid="users-view">
      <div className="view-head">
        <h1>{t('users.title')}</h1>
      </div>
      <div className="filters">
        <label className="inline-field">
          <span>{t('users.search')}</span>
          <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); setLimit(PAGE); }} />
        </label>
        <label className="inline-field">
          <span>{t('users.filter')}</span>
          <select value={role} onChange={(e) => { setRole(isRole(e.target.value) ? e.target.value : ''); setLimit(PAGE); }}>
            <option value="">{t('users.allRoles')}</option>
            {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
        </label>
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && list.loading && <Loading />}
      {list.data && users.length === 0 && <Empty text={t('users.none')} />}
      {list.data && users.length > 0 && <p className="muted">{t('users.shown', { shown: users.length, total: matching.length })}</p>}
      {users.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr><th>{t('users.person')}</th><th>{t('users.login')}</th><th>{t('users.roles')}</th><th>{t('users.state')}</th></tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid="user-row">
                  <td className="strong">{fullName(u.person)}</td>
                  <td><code>{u.login}</code></td>
                  <td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                  <td>
                    {u.disabled && <span className="tag warn">{t('users.disabled')}</span>}
                    {u.locked && <span className="tag warn">{t('users.locked')}</span>}
                    {!u.disabled && !u.locked && <span className="tag ok">{t('users.active')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.length < matching.length && (
        <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)}>{t('users.more')}</button>
      )}
    </section>
  );
}
