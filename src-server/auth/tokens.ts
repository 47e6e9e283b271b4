import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Short-lived access tokens: an HMAC-signed payload, checked without a database read. */
export interface AccessClaims {
  sub: string; // user id
  dev: string; // device id the token was issued to
  exp: number; // seconds since epoch
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

export function signAccessToken(secret: Buffer, claims: AccessClaims): string {
  const payload = b64(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`v1.${payload}`).digest('base64url');
  return `v1.${payload}.${sig}`;
}

export function verifyAccessToken(secret: Buffer, token: string, nowMs: number): AccessClaims | null {
  const [version, payload, sig] = token.split('.');
  if (version !== 'v1' || !payload || !sig) return null;
  const expected = createHmac('sha256', secret).update(`v1.${payload}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessClaims;
    if (typeof claims.sub !== 'string' || typeof claims.dev !== 'string' || typeof claims.exp !== 'number') return null;
    return claims.exp * 1000 > nowMs ? claims : null;
  } catch {
    return null;
  }
}

/** Refresh tokens are random; only their SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
