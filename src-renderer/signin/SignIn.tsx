import { useEffect, useState, type FormEvent } from 'react';
import type { Me } from '../../src-core/contract/schemas';
import { useApi } from '../api/ApiContext';
import { ApiError, unreachable, type KnownAccount } from '../api/client';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { SchoolLogo } from '../components/SchoolLogo';
import { useI18n } from '../i18n/I18n';
import { FieldMessage, fieldProblem } from './FieldMessage';

/** The first screen: who you are, in the language you choose. */
export function SignIn({ onSignedIn, notice }: { onSignedIn: (me: Me) => void; notice: ApiError | null }) {
  const api = useApi();
  const { t } = useI18n();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(notice);
  const [missing, setMissing] = useState<{ login: boolean; password: boolean }>({ login: false, password: false });
  const [known, setKnown] = useState<KnownAccount[]>([]);

  useEffect(() => {
    let alive = true;
    api.knownAccounts().then((list) => { if (alive) setKnown(list); }, () => undefined);
    return () => { alive = false; };
  }, [api]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const gaps = { login: login.trim() === '', password: password === '' };
    setMissing(gaps);
    if (gaps.login || gaps.password) return;
    setBusy(true);
    setError(null);
    try {
      const me = await api.signIn(login.trim(), password);
      onSignedIn(me);
    } catch (err) {
      setError(err instanceof ApiError ? err : unreachable());
      setPassword('');
      setBusy(false);
    }
  }

  const loginProblem = fieldProblem(error, 'login');
  const passwordProblem = fieldProblem(error, 'password');
  const general = error && !loginProblem && !passwordProblem ? error : null;

  return (
    <main className="signin">
      <div className="signin-card">
        <div className="signin-top">
          <LanguageSwitcher />
        </div>
        <header className="signin-brand">
          <SchoolLogo size={88} />
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
        </header>
        {known.length > 0 && (
          <div className="known-accounts">
            <p className="muted">{t('signin.knownAccounts')}</p>
            <div className="known-list">
              {known.map((a) => (
                <button key={a.login} type="button" className="button" onClick={() => { setLogin(a.login); setMissing({ login: false, password: false }); }}>
                  {a.fullName}
                </button>
              ))}
            </div>
          </div>
        )}
        <form className="signin-form" onSubmit={submit} noValidate>
          <h2>{t('signin.title')}</h2>
          <label className="field">
            <span className="field-label">{t('signin.login')}</span>
            <input
              name="login" autoComplete="username" autoCapitalize="none" spellCheck={false} value={login}
              aria-invalid={missing.login || !!loginProblem}
              onChange={(e) => setLogin(e.target.value)}
            />
            <FieldMessage missing={missing.login} problem={loginProblem} />
          </label>
          <label className="field">
            <span className="field-label">{t('signin.password')}</span>
            <input
              name="password" type="password" autoComplete="current-password" value={password}
              aria-invalid={missing.password || !!passwordProblem}
              onChange={(e) => setPassword(e.target.value)}
            />
            <FieldMessage missing={missing.password} problem={passwordProblem} />
          </label>
          {general && <p className="form-error" role="alert" data-testid="signin-error">{t(general.messageKey, general.params)}</p>}
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? t('signin.signingIn') : t('signin.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
