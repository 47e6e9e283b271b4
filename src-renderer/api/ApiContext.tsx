import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../src-core/contract/operations';
import { ApiError, unreachable, type ApiClient } from './client';

type CallListener = (name: OperationName) => void;

interface ApiValue {
  client: ApiClient;
  onCall: (listener: CallListener) => () => void;
}

const ApiContext = createContext<ApiValue | null>(null);

/** The client the views use, telling the listeners of `useAfterCall` when a call of the user's has ended. */
function observed(client: ApiClient): ApiValue {
  const listeners = new Set<CallListener>();
  async function invoke<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
    try {
      return await client.invoke(name, input);
    } finally {
      for (const l of [...listeners]) l(name);
    }
  }
  return {
    client: { ...client, invoke },
    onCall(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const value = useMemo(() => observed(client), [client]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

function useApiValue(): ApiValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside ApiProvider');
  return value;
}

export function useApi(): ApiClient {
  return useApiValue().client;
}

/** Runs `listener` after every call the views make (answered or not): "something may have changed". */
export function useAfterCall(listener: CallListener): void {
  const { onCall } = useApiValue();
  useEffect(() => onCall(listener), [onCall, listener]);
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
