import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../src-core/contract/schemas';
import { useApi } from '../api/ApiContext';
import { ApiError, unreachable } from '../api/client';
import { Loading } from '../components/Panels';
import { useI18n } from '../i18n/I18n';
import { Shell } from '../shell/Shell';
import { LockScreen } from '../signin/LockScreen';
import { SignIn } from '../signin/SignIn';

type Stage =
  | { kind: 'restoring' }
  | { kind: 'signedOut'; notice: ApiError | null }
  | { kind: 'signedIn'; me: Me; locked: boolean };

/** Restoring a kept session, signing in, working, and the lock after idle time. */
export function App() {
  const api = useApi();
  const { t } = useI18n();
  const [stage, setStage] = useState<Stage>({ kind: 'restoring' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let alive = true;
    api.restore().then(
      (me) => { if (alive) setStage(me ? { kind: 'signedIn', me, locked: false } : { kind: 'signedOut', notice: null }); },
      (err: unknown) => {
        if (!alive) return;
        setStage({ kind: 'signedOut', notice: err instanceof ApiError ? err : unreachable() });
      },
    );
    return () => { alive = false; };
  }, [api]);

  useEffect(() => api.onSessionEvent((event) => {
    if (event.type === 'locked') {
      setStage((s) => (s.kind === 'signedIn' ? { ...s, locked: true } : s));
    } else {
      setStage((s) => (s.kind === 'signedIn' ? { kind: 'signedOut', notice: event.reason } : s));
    }
  }), [api]);

  const signedIn = useCallback((me: Me) => setStage({ kind: 'signedIn', me, locked: false }), []);
  const unlocked = useCallback((me: Me) => {
    setStage({ kind: 'signedIn', me, locked: false });
    setGeneration((g) => g + 1);
  }, []);
  const signOut = useCallback(() => {
    setStage({ kind: 'signedOut', notice: null });
    void api.signOut();
  }, [api]);

  if (stage.kind === 'restoring') return <div className="centered"><Loading /><span className="sr-only">{t('app.name')}</span></div>;
  if (stage.kind === 'signedOut') return <SignIn onSignedIn={signedIn} notice={stage.notice} />;
  return (
    <>
      <div className="app-frame" aria-hidden={stage.locked} inert={stage.locked}>
        <Shell key={stage.me.userId} me={stage.me} onSignOut={signOut} generation={generation} />
      </div>
      {stage.locked && <LockScreen me={stage.me} onUnlocked={unlocked} onSwitchUser={signOut} />}
    </>
  );
}
