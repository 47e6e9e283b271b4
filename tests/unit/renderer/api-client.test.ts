import { describe, expect, it } from 'vitest';
import { ApiError, errorFromBody, type SessionEvent } from '../../../src-renderer/api/client';
import { createHttpClient } from '../../../src-renderer/api/http';
import { createIpcClient } from '../../../src-renderer/api/ipc';
import { memoryStorage } from '../../../src-renderer/api/storage';

const me = { userId: '00000000-0000-4000-8000-000000000001', login: 'teacher' };

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fake host: answers by path from a script and records what it was asked. */
function fakeHost(script: Record<string, Array<(init: RequestInit) => Response>>) {
  const calls: { path: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetch = (async (url: string, init: RequestInit = {}) => {
    const next = script[url]?.shift();
    calls.push({ path: url, headers: (init.headers ?? {}) as Record<string, string>, body: init.body ? JSON.parse(String(init.body)) : null });
    if (!next) throw new TypeError('Failed to fetch');
    return next(init);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('errorFromBody', () => {
  it('keeps the code, key, params and field errors of the house error body', () => {
    const err = errorFromBody(400, {
      ok: false,
      error: { code: 'invalid_input', messageKey: 'error.invalid_input', message: '…', fields: [{ path: 'login', messageKey: 'field.too_small', params: { min: 1 }, message: '…' }] },
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('invalid_input');
    expect(err.status).toBe(400);
    expect(err.fields).toEqual([{ path: 'login', messageKey: 'field.too_small', params: { min: 1 } }]);
  });

  it('maps a body of another shape by its status', () => {
    expect(errorFromBody(502, '<html>Bad gateway</html>').messageKey).toBe('error.unavailable');
    expect(errorFromBody(401, null).code).toBe('unauthenticated');
    expect(errorFromBody(418, {}).messageKey).toBe('error.internal');
  });

  it('tells a session lock from an account locked by failed sign-ins', () => {
    expect(errorFromBody(423, { ok: false, error: { code: 'locked', messageKey: 'error.locked' } }).isSessionLock).toBe(true);
    expect(errorFromBody(423, { ok: false, error: { code: 'locked', messageKey: 'error.account_locked', params: { minutes: 15 } } }).isSessionLock).toBe(false);
  });
});

describe('the http transport', () => {
  const signedIn = () => reply(200, { ok: true, accessToken: 'a1', refreshToken: 'r1', expiresAt: '2026-11-23T10:00:00Z', me });

  it('signs in with a kept device id, keeps the tokens and sends them with the language', async () => {
    const local = memoryStorage();
    const session = memoryStorage();
    const host = fakeHost({
      '/auth/sign-in': [signedIn],
      '/api/session.me': [() => reply(200, { ok: true, result: me })],
    });
    const client = createHttpClient({ fetch: host.fetch, local, session, getLocale: () => 'ru' });
    expect(await client.signIn('teacher', 'sabaq2026')).toEqual(me);
    const deviceId = (host.calls[0]?.body as { deviceId: string }).deviceId;
    expect(deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(local.getItem('sabaq.deviceId')).toBe(deviceId);
    await client.invoke('session.me', {});
    expect(host.calls[1]?.headers.Authorization).toBe('Bearer a1');
    expect(host.calls[1]?.headers['Accept-Language']).toBe('ru');
  });

  it('refreshes once on 401 and repeats the call', async () => {
    const session = memoryStorage();
    session.setItem('sabaq.tokens', JSON.stringify({ accessToken: 'old', refreshToken: 'r0' }));
    const host = fakeHost({
      '/api/session.me': [
        () => reply(401, { ok: false, error: { code: 'unauthenticated', messageKey: 'error.unauthenticated' } }),
        () => reply(200, { ok: true, result: me }),
      ],
      '/auth/refresh': [signedIn],
    });
    const client = createHttpClient({ fetch: host.fetch, local: memoryStorage(), session, getLocale: () => 'kk' });
    expect(await client.restore()).toEqual(me);
    expect(host.calls.map((c) => c.path)).toEqual(['/api/session.me', '/auth/refresh', '/api/session.me']);
    expect(host.calls[2]?.headers.Authorization).toBe('Bearer a1');
  });

  it('ends the session when the refresh is refused', async () => {
    const session = memoryStorage();
    session.setItem('sabaq.tokens', JSON.stringify({ accessToken: 'old', refreshToken: 'r0' }));
    const host = fakeHost({
      '/api/school.classes': [() => reply(401, null)],
      '/auth/refresh': [() => reply(401, { ok: false, error: { code: 'unauthenticated', messageKey: 'error.refresh_invalid' } })],
    });
    const client = createHttpClient({ fetch: host.fetch, local: memoryStorage(), session, getLocale: () => 'kk' });
    const events: SessionEvent[] = [];
    client.onSessionEvent((e) => events.push(e));
    await expect(client.invoke('school.classes', {})).rejects.toMatchObject({ messageKey: 'error.refresh_invalid' });
    expect(session.getItem('sabaq.tokens')).toBeNull();
    expect(events.map((e) => e.type)).toEqual(['signedOut']);
  });

  it('announces a locked session and an unreachable host', async () => {
    const session = memoryStorage();
    session.setItem('sabaq.tokens', JSON.stringify({ accessToken: 'a', refreshToken: 'r' }));
    const host = fakeHost({ '/api/school.classes': [() => reply(423, { ok: false, error: { code: 'locked', messageKey: 'error.locked' } })] });
    const client = createHttpClient({ fetch: host.fetch, local: memoryStorage(), session, getLocale: () => 'kk' });
    const events: SessionEvent[] = [];
    client.onSessionEvent((e) => events.push(e));
    await expect(client.invoke('school.classes', {})).rejects.toMatchObject({ code: 'locked' });
    expect(events).toEqual([{ type: 'locked' }]);
    await expect(client.invoke('school.classes', {})).rejects.toMatchObject({ code: 'unavailable', messageKey: 'error.unavailable' });
  });
});

describe('the ipc transport', () => {
  it('returns results and turns error bodies into ApiErrors', async () => {
    const client = createIpcClient({
      signIn: async () => ({ ok: false, error: { code: 'unauthenticated', messageKey: 'error.bad_credentials', message: 'x' } }),
      signOut: async () => ({ ok: true }),
      unlock: async () => ({ ok: true, me: me as never }),
      invoke: async (name) => ({ ok: true, result: { name } }),
      knownAccounts: async () => [{ login: 'teacher', fullName: 'A B' }],
      uploadFile: async () => ({ ok: false, error: { code: 'invalid_input', messageKey: 'error.file_type_unknown', message: 'x' } }),
      fileUrl: async (sha) => ({ ok: true, url: `sabaq://app/files/t/tk/${sha}` }),
    });
    await expect(client.uploadFile(new Blob(['x']), 'a.bin')).rejects.toMatchObject({ messageKey: 'error.file_type_unknown' });
    expect(await client.fileUrl('ab', 'js/a b.js')).toBe('sabaq://app/files/t/tk/ab/pkg/js/a%20b.js');
    expect(await client.fileUrl('ab', '')).toBe('sabaq://app/files/t/tk/ab/pkg/');
    expect(await client.fileUrl('ab')).toBe('sabaq://app/files/t/tk/ab');
    await expect(client.signIn('teacher', 'bad')).rejects.toMatchObject({ messageKey: 'error.bad_credentials', status: 401 });
    expect(await client.invoke('school.classes', {})).toEqual({ name: 'school.classes' });
    expect(await client.knownAccounts()).toHaveLength(1);
  });
});
