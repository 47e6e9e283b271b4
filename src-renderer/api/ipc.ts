import type { InputOf, OperationName, OutputOf } from '../../src-core/contract/operations';
import type { Locale } from '../../src-core/i18n';
import type { SabaqBridge } from './bridge';
import {
  ApiError, errorFromBody, packagePath, restoreSession, sessionEvents, unreachable,
  type ApiClient, type HostHealth, type SessionEvent,
} from './client';

function settle<T extends { ok: boolean }>(body: T | null | undefined): Extract<T, { ok: true }> {
  if (body && body.ok === true) return body as Extract<T, { ok: true }>;
  throw errorFromBody(0, body);
}

async function cross<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch {
    throw unreachable();
  }
}

/** The transport inside Electron: the preload's bridge; tokens never reach the renderer. */
export function createIpcClient(bridge: SabaqBridge, getLocale: () => Locale = () => 'kk'): ApiClient {
  const events = sessionEvents();

  async function invoke<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
    const body = await cross(() => bridge.invoke(name, input, getLocale()));
    try {
      return settle(body).result as OutputOf<N>;
    } catch (err) {
      if (err instanceof ApiError && err.isSessionLock) events.emit({ type: 'locked' });
      if (err instanceof ApiError && err.code === 'unauthenticated') events.emit({ type: 'signedOut', reason: err });
      throw err;
    }
  }

  return {
    transport: 'ipc',
    signIn: async (login, password) => settle(await cross(() => bridge.signIn(login, password, getLocale()))).me,
    unlock: async (password) => settle(await cross(() => bridge.unlock(password))).me,
    async signOut() {
      await cross(() => bridge.signOut()).catch(() => undefined);
    },
    restore: () => restoreSession(invoke),
    invoke,
    async health(): Promise<HostHealth> {
      if (!bridge.health) return { ok: true, role: 'client', offline: false };
      try {
        const h = await bridge.health();
        return { ok: h.ok, role: 'client', offline: h.offline === true };
      } catch {
        return { ok: false, role: 'client', offline: true };
      }
    },
    knownAccounts: () => cross(() => bridge.knownAccounts()).catch(() => []),
    onSessionEvent: (listener: (event: SessionEvent) => void) => events.subscribe(listener),
    async uploadFile(file, fileName) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return settle(await cross(() => bridge.uploadFile(bytes, fileName, getLocale()))).file;
    },
    async fileUrl(sha256, path) {
      return packagePath(settle(await cross(() => bridge.fileUrl(sha256))).url, path);
    },
  };
}
