import axios, { type AxiosInstance } from 'axios';
import type { ErrorBody } from '../../src-core/contract/errors';
import type { Me } from '../../src-core/contract/schemas';
import type { PullReply, PullRequest, PushReply, PushRequest, WaitReply, WaitRequest } from '../../src-core/sync/protocol';
import { decodeRows, type CompactTable } from '../../src-core/sync/compact';
import type { Snapshot } from '../../src-core/sync/scope';

export type SignInReply = { ok: true; accessToken: string; refreshToken: string; expiresAt: string; me: Me } | ErrorBody;

/** Thrown when the central server cannot be reached at all (no answer): the client then works offline. */
export class ServerUnreachable extends Error {}

/** How a request reaches the server: HTTP in the product, an in-process call with injected faults in the harness. */
export type Transport = (req: { method: 'GET' | 'POST'; path: string; body?: unknown; headers: Record<string, string>; timeoutMs?: number; signal?: AbortSignal }) => Promise<{ status: number; data: unknown }>;

/** The real transport: axios over HTTP. No answer at all becomes ServerUnreachable. */
export function httpTransport(baseUrl: string, timeoutMs = 15_000): Transport {
  const http: AxiosInstance = axios.create({ baseURL: baseUrl, timeout: timeoutMs, validateStatus: () => true, decompress: true });
  return async ({ method, path, body, headers, timeoutMs: ms, signal }) => {
    try {
      const res = await http.request({ method, url: path, data: body, headers, ...(ms ? { timeout: ms } : {}), signal });
      if (res.status >= 502 && typeof res.data !== 'object') throw new ServerUnreachable(`HTTP ${res.status}`);
      return { status: res.status, data: res.data };
    } catch (err) {
      if (err instanceof ServerUnreachable) throw err;
      if (axios.isAxiosError(err) && !err.response) throw new ServerUnreachable(err.code ?? err.message);
      throw err;
    }
  };
}

/** The desktop client's link to the central server. A 4xx/5xx answer is returned as a body, never thrown. */
export class ServerLink {
  private readonly send: Transport;

  constructor(readonly baseUrl: string, transport?: Transport) {
    this.send = transport ?? httpTransport(baseUrl);
  }

  private async post<T>(path: string, body: unknown, token?: string, locale?: string, wait?: { timeoutMs: number; signal: AbortSignal }): Promise<T> {
    const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(locale ? { 'accept-language': locale } : {}), 'accept-encoding': 'gzip' };
    const { data } = await this.send({ method: 'POST', path, body, headers, ...wait });
    // A cut or garbled answer is no answer: the request failed, and nothing of it is used.
    if (typeof data !== 'object' || data === null || typeof (data as { ok?: unknown }).ok !== 'boolean') throw new ServerUnreachable('an unreadable answer');
    return data as T;
  }

  async health(): Promise<void> {
    const res = await this.send({ method: 'GET', path: '/health', headers: {} });
    if (res.status !== 200) throw new ServerUnreachable(`HTTP ${res.status}`);
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

  /** A long poll: the answer may take `body.timeoutMs`; `signal` gives up waiting (the client is closing). */
  wait(body: WaitRequest, signal: AbortSignal): Promise<WaitReply | ErrorBody> {
    return this.post('/sync/wait', body, undefined, undefined, { timeoutMs: body.timeoutMs + 10_000, signal });
  }

  /** The user's scope at sign-in, column by column (decoded here into rows). */
  async snapshot(accessToken: string): Promise<{ ok: true; epoch: string; seq: number; tables: Snapshot } | ErrorBody> {
    const reply = await this.post<{ ok: true; epoch: string; seq: number; compact?: CompactTable[]; tables?: Snapshot } | ErrorBody>('/sync/snapshot', { compact: true }, accessToken);
    if (!reply.ok) return reply;
    if (!Array.isArray(reply.compact)) {
      if (reply.tables && typeof reply.tables === 'object') return { ok: true, epoch: reply.epoch, seq: reply.seq, tables: reply.tables };
      throw new ServerUnreachable('the snapshot reply could not be read');
    }
    const tables: Snapshot = {};
    for (const t of reply.compact) tables[t.table as keyof Snapshot] = decodeRows(t);
    return { ok: true, epoch: reply.epoch, seq: reply.seq, tables };
  }
}
