import type { InputOf, OperationName, OutputOf } from '../../src-core/contract/operations';
import type { FileInfo } from '../../src-core/contract/ops/resources';
import type { Me } from '../../src-core/contract/schemas';
import type { Locale } from '../../src-core/i18n';
import {
  ApiError, errorFromBody, packagePath, restoreSession, sessionEvents, unreachable,
  type ApiClient, type HostHealth, type SessionEvent,
} from './client';
import { browserStorage, deviceIdOf, type StorageLike } from './storage';

export interface HttpClientOptions {
  /** '' means the host that served the page (same origin). */
  baseUrl?: string;
  getLocale: () => Locale;
  fetch?: typeof fetch;
  local?: StorageLike;
  session?: StorageLike;
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresAt?: string;
}

const TOKENS_KEY = 'sabaq.tokens';

/**
 * The transport over HTTP: the central server (browsers at home) or the desktop client's loopback http-host.
 * Tokens live in sessionStorage so that a reload keeps the session and closing the tab ends it.
 */
export function createHttpClient(options: HttpClientOptions): ApiClient {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const local = options.local ?? browserStorage('local');
  const session = options.session ?? browserStorage('session');
  const events = sessionEvents();
  let refreshing: Promise<boolean> | null = null;

  function tokens(): Tokens | null {
    try {
      const raw = session.getItem(TOKENS_KEY);
      const t = raw ? (JSON.parse(raw) as Partial<Tokens>) : null;
      return t && typeof t.accessToken === 'string' && typeof t.refreshToken === 'string' ? (t as Tokens) : null;
    } catch {
      return null;
    }
  }

  function keepTokens(body: Record<string, unknown>): void {
    if (typeof body.accessToken !== 'string' || typeof body.refreshToken !== 'string') return;
    const t: Tokens = { accessToken: body.accessToken, refreshToken: body.refreshToken };
    if (typeof body.expiresAt === 'string') t.expiresAt = body.expiresAt;
    session.setItem(TOKENS_KEY, JSON.stringify(t));
  }

  function forget(): void {
    session.removeItem(TOKENS_KEY);
  }

  async function post(path: string, payload: unknown, bearer: boolean): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Accept-Language': options.getLocale(),
    };
    const t = tokens();
    if (bearer && t) headers.Authorization = `Bearer ${t.accessToken}`;
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(payload ?? {}), credentials: 'same-origin' });
    } catch {
      throw unreachable();
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    return { status: res.status, body };
  }

  function okBody(status: number, body: unknown): Record<string, unknown> {
    if (status >= 200 && status < 300 && typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === true) {
      return body as Record<string, unknown>;
    }
    throw errorFromBody(status, body);
  }

  async function authenticate(path: string, payload: unknown, bearer: boolean): Promise<Me> {
    const { status, body } = await post(path, payload, bearer);
    const ok = okBody(status, body);
    keepTokens(ok);
    return ok.me as Me;
  }

  async function refresh(): Promise<boolean> {
    const t = tokens();
    if (!t) return false;
    refreshing ??= (async () => {
      try {
        const { status, body } = await post('/auth/refresh', { refreshToken: t.refreshToken, deviceId: deviceIdOf(local) }, false);
        keepTokens(okBody(status, body));
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.code === 'unavailable') throw err;
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  /** A call with the bearer token, sent again once after a refresh when the access token has expired. */
  async function authorised(send: () => Promise<{ status: number; body: unknown }>): Promise<Record<string, unknown>> {
    let { status, body } = await send();
    if (status === 401 && tokens()) {
      if (await refresh()) ({ status, body } = await send());
      else {
        forget();
        const ended = new ApiError('unauthenticated', 'error.refresh_invalid', {}, [], 401);
        events.emit({ type: 'signedOut', reason: ended });
        throw ended;
      }
    }
    try {
      return okBody(status, body);
    } catch (err) {
      if (err instanceof ApiError && err.isSessionLock) events.emit({ type: 'locked' });
      if (err instanceof ApiError && err.status === 401) {
        forget();
        events.emit({ type: 'signedOut', reason: err });
      }
      throw err;
    }
  }

  async function invoke<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
    return (await authorised(() => post(`/api/${name}`, input, true))).result as OutputOf<N>;
  }

  async function sendFile(file: Blob, fileName: string): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', Accept: 'application/json', 'Accept-Language': options.getLocale() };
    const t = tokens();
    if (t) headers.Authorization = `Bearer ${t.accessToken}`;
    let res: Response;
    try {
      res = await doFetch(`${base}/files?name=${encodeURIComponent(fileName)}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
    } catch {
      throw unreachable();
    }
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  return {
    transport: 'http',
    uploadFile: async (file, fileName) => (await authorised(() => sendFile(file, fileName))).file as FileInfo,
    async fileUrl(sha256, path) {
      const ok = await authorised(() => post(`/files/${sha256}/ticket`, {}, true));
      return packagePath(`${base}${String(ok.url)}`, path);
    },
    signIn: (login, password) => authenticate('/auth/sign-in', { login, password, deviceId: deviceIdOf(local) }, false),
    unlock: (password) => authenticate('/auth/unlock', { password }, true),
    async signOut() {
      const t = tokens();
      forget();
      if (t) await post('/auth/sign-out', { refreshToken: t.refreshToken }, true).catch(() => undefined);
    },
    restore: () => (tokens() ? restoreSession(invoke) : Promise.resolve(null)),
    invoke,
    async health(): Promise<HostHealth> {
      try {
        const res = await doFetch(`${base}/health`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
        const body = (await res.json()) as { ok?: unknown; role?: unknown; offline?: unknown };
        const role = body.role === 'server' || body.role === 'client' ? body.role : 'unknown';
        return { ok: res.ok && body.ok === true, role, offline: body.offline === true };
      } catch {
        return { ok: false, role: 'unknown', offline: true };
      }
    },
    knownAccounts: async () => [],
    onSessionEvent: (listener: (event: SessionEvent) => void) => events.subscribe(listener),
  };
}
