import axios, { type AxiosInstance } from 'axios';
import type { ErrorBody } from '../../src-core/contract/errors';
import type { Me } from '../../src-core/contract/schemas';
import type { PullReply, PullRequest, PushReply, PushRequest } from '../../src-core/sync/protocol';
import type { Snapshot } from '../../src-core/sync/scope';

export type SignInReply = { ok: true; accessToken: string; refreshToken: string; expiresAt: string; me: Me } | ErrorBody;

/** Thrown when the central server cannot be reached at all (no answer): the client then works offline. */
export class ServerUnreachable extends Error {}

/** The desktop client's link to the central server. A 4xx/5xx answer is returned as a body, never thrown. */
export class ServerLink {
  private readonly http: AxiosInstance;

  constructor(readonly baseUrl: string, timeoutMs = 15_000) {
    this.http = axios.create({ baseURL: baseUrl, timeout: timeoutMs, validateStatus: () => true, decompress: true });
  }

  private async post<T>(path: string, body: unknown, token?: string, locale?: string): Promise<T> {
    try {
      const res = await this.http.post(path, body, {
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(locale ? { 'accept-language': locale } : {}), 'accept-encoding': 'gzip' },
      });
      if (res.status >= 502 && typeof res.data !== 'object') throw new ServerUnreachable(`HTTP ${res.status}`);
      return res.data as T;
    } catch (err) {
      if (err instanceof ServerUnreachable) throw err;
      if (axios.isAxiosError(err) && !err.response) throw new ServerUnreachable(err.code ?? err.message);
      throw err;
    }
  }

  async health(): Promise<void> {
    try {
      await this.http.get('/health', { timeout: 3000 });
    } catch (err) {
      throw new ServerUnreachable(String(err));
    }
  }

  signIn(login: string, password: string, deviceId: string, deviceName: string, locale?: string): Promise<SignInReply> {
    return this.post('/auth/sign-in', { login, password, deviceId, deviceName }, undefined, locale);
  }

  refresh(refreshToken: string, deviceId: string): Promise<SignInReply> {
    return this.post('/auth/refresh', { refreshToken, deviceId });
  }

  signOut(refreshToken: string): Promise<{ ok: boolean }> {
    return this.post('/auth/sign-out', { refreshToken });
  }

  call(accessToken: string, name: string, input: unknown, locale?: string): Promise<{ ok: true; result: unknown } | ErrorBody> {
    return this.post(`/api/${encodeURIComponent(name)}`, input ?? {}, accessToken, locale);
  }

  push(body: PushRequest): Promise<PushReply | ErrorBody> {
    return this.post('/sync/push', body);
  }

  pull(body: PullRequest): Promise<PullReply | ErrorBody> {
    return this.post('/sync/pull', body);
  }

  snapshot(accessToken: string): Promise<{ ok: true; epoch: string; seq: number; tables: Snapshot } | ErrorBody> {
    return this.post('/sync/snapshot', {}, accessToken);
  }
}
