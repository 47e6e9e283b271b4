import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationName } from '../../src-core/contract/operations';
import type { SyncState } from '../../src-core/contract/schemas';
import { useAfterCall, useApi } from '../api/ApiContext';
import { ApiError, unreachable } from '../api/client';

/** Asked every few seconds while the screen is visible; the host does not count it as anybody's activity. */
const EVERY_MS = 5_000;
const AFTER_CALL_MS = 400;

export interface SyncStatusState {
  data: SyncState | null;
  error: ApiError | null;
  /** The host does not serve sync.status (the central server): nothing to show. */
  unsupported: boolean;
  /** The host's clock (it wrote lastSyncAt), as of the last answer or tick: for "5 min ago". */
  now: number;
  refresh: () => void;
}

/** sync.status of the signed-in user: asked at once, every few seconds while the screen is used, and after their calls. */
export function useSyncStatus(): SyncStatusState {
  const api = useApi();
  const [answer, setAnswer] = useState<{ data: SyncState | null; error: ApiError | null }>({ data: null, error: null });
  const [now, setNow] = useState(() => Date.now());
  // How far the host's clock is from this page's (a demo host may be set to another day).
  const skew = useRef(0);
  const asked = useRef(0);
  const stopped = useRef(false);

  const refresh = useCallback(() => {
    if (stopped.current) return;
    const n = ++asked.current;
    api.invoke('sync.status', {}).then(
      (data) => {
        if (n !== asked.current) return;
        skew.current = Date.parse(data.now) - Date.now() || 0;
        setAnswer({ data, error: null });
        setNow(Date.now() + skew.current);
      },
      (err: unknown) => {
        if (n !== asked.current) return;
        const error = err instanceof ApiError ? err : unreachable();
        // Locked or signed out: the shell asks again once the session is open (it mounts this anew).
        if (error.isSessionLock || error.code === 'unauthenticated' || error.code === 'unknown_operation') stopped.current = true;
        setAnswer((a) => ({ data: a.data, error }));
      },
    );
  }, [api]);

  useEffect(() => {
    refresh();
    const timer = setInterval(() => {
      setNow(Date.now() + skew.current);
      if (document.visibilityState === 'visible') refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // After the user's own calls (a mark written, a day opened): soon, once for a burst of calls.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const afterCall = useCallback((name: OperationName) => {
    if (name === 'sync.status') return;
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(refresh, AFTER_CALL_MS);
  }, [refresh]);
  useAfterCall(afterCall);
  useEffect(() => () => { if (pending.current) clearTimeout(pending.current); }, []);

  const unsupported = answer.error?.code === 'unknown_operation';
  return { data: answer.data, error: answer.error, unsupported, now, refresh };
}
