import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../src-core/contract/operations';
import { ApiError, unreachable, type ApiClient } from './client';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}

export interface OperationState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls a query whenever its input changes (or on reload); an answer to an older request never replaces a newer
 * one. While a new answer is on its way the previous data stays on screen with `loading` set.
 */
export function useOperation<N extends OperationName>(name: N, input: InputOf<N>): OperationState<OutputOf<N>> {
  const client = useApi();
  const key = JSON.stringify(input);
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{ request: string; data: OutputOf<N> | null; error: ApiError | null } | null>(null);
  const request = `${name} ${key} #${attempt}`;

  useEffect(() => {
    let current = true;
    const asked = `${name} ${key} #${attempt}`;
    client.invoke(name, JSON.parse(key) as InputOf<N>).then(
      (data) => { if (current) setAnswer({ request: asked, data, error: null }); },
      (err: unknown) => {
        if (current) setAnswer({ request: asked, data: null, error: err instanceof ApiError ? err : unreachable() });
      },
    );
    return () => { current = false; };
  }, [client, name, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const loading = answer?.request !== request;
  return { data: answer?.data ?? null, error: loading ? null : answer?.error ?? null, loading, reload };
}
