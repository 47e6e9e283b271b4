import { Suspense, useState } from 'react';
import type { Role } from '../../src-core/auth/roles';
import type { Me } from '../../src-core/contract/schemas';
import { browserStorage } from '../api/storage';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { OfflineBadge } from '../components/OfflineBadge';
import { Loading, NotReady } from '../components/Panels';
import { SchoolLogo } from '../components/SchoolLogo';
import { fullName, shortName } from '../components/names';
import { useHostHealth } from '../components/useHostHealth';
import { useI18n } from '../i18n/I18n';
import { closeLessonPlan, useLessonPlanRoute } from '../roles/teacher/lesson-plan/route';
import { SyncIndicator } from '../sync/SyncIndicator';
import { RoleSwitcher } from './RoleSwitcher';
import { chooseRole, orderedRoles, rememberRole } from './roleMemory';
import { sectionsOf } from './sections';
import { LessonPlanPage, VIEWS } from './views';

const storage = browserStorage('local');

/**
 * Every role's frame: the school and the person above, the role's sections beside, the chosen section inside. On
 * the desktop client the header also shows this computer's sync (after an unlock, asked anew).
 */
export function Shell({ me, onSignOut, generation }: { me: Me; onSignOut: () => void; generation: number }) {
  const { t, locale } = useI18n();
  const roles = orderedRoles(me.roles);
  const [role, setRole] = useState<Role | null>(() => chooseRole(storage, me.userId, me.roles));
  const sections = role ? sectionsOf(role, me.leadsClass !== null) : [];
  const [picked, setPicked] = useState<string | null>(null);
  const section = picked && sections.includes(picked) ? picked : sections[0] ?? null;
  const host = useHostHealth();
  // A lesson's plan named by the address is shown over the section (to those who read lessons' plans).
  const lessonPlan = useLessonPlanRoute();
  const planRoute = me.permissions.includes('journal.read') ? lessonPlan.route : null;

  function switchRole(next: Role) {
    rememberRole(storage, me.userId, next);
    setRole(next);
    setPicked(null);
    closeLessonPlan();
  }

  function signOut() {
    closeLessonPlan();
    onSignOut();
  }

  const View = section ? VIEWS[section] : undefined;
  return (
    <div className="shell" data-role={role ?? 'none'}>
      <header className="shell-header">
        <div className="shell-school">
          <SchoolLogo size={44} />
          <span className="school-name" data-testid="school-name">{me.school.name[locale]}</span>
        </div>
        <div className="shell-tools">
          {host.client
            ? <SyncIndicator key={generation} offline={host.offline} timeZone={me.school.timezone} />
            : <OfflineBadge offline={host.offline} />}
          <span className="person-name" title={fullName(me.person)} data-testid="person-name">{shortName(me.person)}</span>
          {role && <RoleSwitcher roles={roles} current={role} onChange={switchRole} />}
          <LanguageSwitcher short />
          <button type="button" className="button quiet" onClick={signOut} data-testid="sign-out">{t('shell.signOut')}</button>
        </div>
      </header>
      <nav className="shell-nav" aria-label={t('shell.sections')}>
        <ul>
          {sections.map((s) => (
            <li key={s}>
              <button type="button" aria-current={s === section ? 'page' : undefined} data-section={s}
                className={['nav-item', s === section ? 'active' : '', VIEWS[s] ? '' : 'pending'].join(' ').trim()}
                onClick={() => { closeLessonPlan(); setPicked(s); }}>
                {t(`nav.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell-main" data-testid={planRoute ? 'section-lessonPlan' : `section-${section ?? 'none'}`}>
        {planRoute && (
          <Suspense fallback={<Loading />}>
            <LessonPlanPage key={`${planRoute.lessonId}-${generation}`} me={me} lessonId={planRoute.lessonId} date={planRoute.date} onClose={lessonPlan.close} />
          </Suspense>
        )}
        {/* The section stays mounted under a plan (its day, its chosen journal), and shows again when the plan closes. */}
        <div className="shell-section" hidden={planRoute !== null}>
          {!role && <NotReady title={t('shell.noRole')} />}
          {section && !View && <NotReady title={t(`nav.${section}`)} />}
          {View && (
            <Suspense fallback={<Loading />}>
              <View key={`${role}-${section}-${generation}`} me={me} />
            </Suspense>
          )}
        </div>
      </main>
    </div>
  );
}
