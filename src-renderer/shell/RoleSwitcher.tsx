import type { Role } from '../../src-core/auth/roles';
import { useI18n } from '../i18n/I18n';

/** For a person with several roles (a teacher who is also a parent): which role they work in now. */
export function RoleSwitcher({ roles, current, onChange }: { roles: Role[]; current: Role; onChange: (role: Role) => void }) {
  const { t } = useI18n();
  if (roles.length < 2) return <span className="role-label" data-testid="role-label">{t(`role.${current}`)}</span>;
  return (
    <div className="segmented roles" role="group" aria-label={t('shell.roleSwitch')} data-testid="role-switcher">
      {roles.map((r) => (
        <button key={r} type="button" className={r === current ? 'segment active' : 'segment'} aria-pressed={r === current}
          onClick={() => onChange(r)}>
          {t(`role.${r}`)}
        </button>
      ))}
    </div>
  );
}
