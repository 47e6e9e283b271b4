import { useState, type FormEvent } from 'react';
import type { Me } from '../../src-core/contract/schemas';
import { useApi } from '../api/ApiContext';
import { ApiError, unreachable } from '../api/client';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { shortName } from '../components/names';
import { SchoolLogo } from '../components/SchoolLogo';
import { useI18n } from '../i18n/I18n';
import { FieldMessage, fieldProblem } from './FieldMessage';

/** A session locked after idle time: the same person's password opens it, or somebody else signs in. */
export function LockScreen({ me, onUnlocked, onSwitchUser }: { me: Me; onUnlocked: (me: Me) => void; onSwitchUser: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(password === '');
    if (password === '') return;
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await api.unlock(password));
    } catch (err) {
      setError(err instanceof ApiError ? err : unreachable());
      setPassword('');
      setBusy(false);
    }
  }

  const problem = fieldProblem(error, 'password');
  return (
    <main className="signin locked" data-testid="lock-screen">
      <div className="signin-card">
        <div className="signin-top"><LanguageSwitcher /></div>
        <header className="signin-brand">
          <SchoolLogo size={72} />
          <div>
            <h1>{t('lock.title')}</h1>
            <p className="muted">{t('lock.hint', { name: shortName(me.person) })}</p>
          </div>
        </header>
        <form className="signin-form" onSubmit={submit} noValidate>
          <label className="field">
            <span className="field-label">{t('signin.password')}</span>
            <input name="password" type="password" autoComplete="current-password" value={password} autoFocus
              aria-invalid={missing || !!problem} onChange={(e) => setPassword(e.target.value)} />
            <FieldMessage missing={missing} problem={problem} />
          </label>
          {error && !problem && <p className="form-error" role="alert">{t(error.messageKey, error.params)}</p>}
          <button type="submit" className="button primary wide" disabled={busy}>{t('lock.unlock')}</button>
          <button type="button" className="button wide" onClick={onSwitchUser}>{t('lock.switchUser')}</button>
        </form>
      </div>
    </main>
  );
}
