import { describe, expect, it } from 'vitest';
import { hashToken, newRefreshToken, signAccessToken, verifyAccessToken } from '../../src-server/auth/tokens';

const secret = Buffer.from('a'.repeat(64), 'hex');
const now = Date.parse('2026-11-23T04:00:00Z');

describe('access tokens', () => {
  it('verify while fresh and signed with the secret', () => {
    const token = signAccessToken(secret, { sub: 'u1', dev: 'd1', exp: now / 1000 + 60 });
    expect(verifyAccessToken(secret, token, now)).toMatchObject({ sub: 'u1', dev: 'd1' });
  });
  it('are refused when expired, tampered with or signed with another secret', () => {
    const token = signAccessToken(secret, { sub: 'u1', dev: 'd1', exp: now / 1000 + 60 });
    expect(verifyAccessToken(secret, token, now + 61_000)).toBeNull();
    const [v, payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', dev: 'd1', exp: now / 1000 + 60 })).toString('base64url');
    expect(verifyAccessToken(secret, `${v}.${forged}.${sig}`, now)).toBeNull();
    expect(verifyAccessToken(Buffer.from('b'.repeat(64), 'hex'), token, now)).toBeNull();
    expect(verifyAccessToken(secret, `${v}.${payload}`, now)).toBeNull();
    expect(verifyAccessToken(secret, 'garbage', now)).toBeNull();
  });
});

describe('refresh tokens', () => {
  it('are random and stored only as their hash', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });
});
