import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { verifyPassword } from '../../src-core/auth/passwords';
import type { Actor } from '../../src-core/auth/actor';
import { OperationError } from '../../src-core/contract/errors';
import type { Clock } from '../../src-core/util/clock';
import { loadActor } from './actors';
import type { AuthPolicy } from './policy';
import { hashToken, newRefreshToken, signAccessToken } from './tokens';

export interface AuthDeps { db: Knex; clock: Clock; secret: Buffer; policy: AuthPolicy }
export interface Issued { accessToken: string; refreshToken: string; expiresAt: string; actor: Actor }

// Verifying against a fixed hash when the login is unknown keeps the answer time the same for both cases.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$0LejYsffUl25PFj1dr2C8Q$ZkKDpyStgSfHIGsUS/7HfLdKy0GftMOMlR3hIYGd1SQ';

/** Sign-in with a password: lockout after repeated failures, then tokens bound to the device. */
export async function signIn(deps: AuthDeps, input: { login: string; password: string; deviceId: string; deviceName?: string }): Promise<Issued> {
  const { db, clock, policy } = deps;
  const now = clock.now();
  const user = await db('users').whereRaw('lower(login) = ?', [input.login.trim().toLowerCase()]).whereNull('deleted_at').first();
  if (!user) {
    await verifyPassword(DUMMY_HASH, input.password);
    await audit(db, null, null, input.deviceId, 'auth.sign_in_failed', { login: input.login }, now);
    throw new OperationError('unauthenticated', 'error.bad_credentials');
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw lockedError(user.locked_until, now);
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const attempts = Number(user.failed_attempts) + 1;
    const lock = attempts >= policy.maxFailedAttempts;
    const lockedUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString();
    await db('users').where({ id: user.id }).update(lock ? { failed_attempts: 0, locked_until: lockedUntil } : { failed_attempts: attempts });
    await audit(db, user.school_id, user.id, input.deviceId, lock ? 'auth.locked_out' : 'auth.sign_in_failed', { attempts }, now);
    if (lock) throw lockedError(lockedUntil, now);
    throw new OperationError('unauthenticated', 'error.bad_credentials');
  }
  if (user.disabled) throw new OperationError('forbidden', 'error.account_disabled');
  await db('users').where({ id: user.id }).update({ failed_attempts: 0, locked_until: null });
  await registerDevice(db, user.school_id, input.deviceId, input.deviceName, now);
  const actor = await loadActor(db, user.id, input.deviceId);
  if (!actor) throw new OperationError('forbidden', 'error.account_disabled');
  await audit(db, user.school_id, user.id, input.deviceId, 'auth.signed_in', {}, now);
  return issueTokens(deps, actor, input.deviceId);
}

/** Exchanges a refresh token for new ones (rotation); a reused old token revokes the device's tokens. */
export async function refreshSession(deps: AuthDeps, input: { refreshToken: string; deviceId: string }): Promise<Issued> {
  const { db, clock } = deps;
  const now = clock.now().toISOString();
  const row = await db('refresh_tokens').where({ token_hash: hashToken(input.refreshToken) }).first();
  if (!row || row.device_id !== input.deviceId || row.expires_at <= now) {
    throw new OperationError('unauthenticated', 'error.refresh_invalid');
  }
  if (row.revoked_at) {
    // The answer that carried its replacement may have been lost on a bad link (or the request came twice):
    // while that replacement has never been used, the device may try again and gets another one beside it;
    // the first of them used retires the others. A replacement already used means the old token was stolen.
    const replacement = row.replaced_by ? await db('refresh_tokens').where({ id: row.replaced_by }).first() : null;
    if (!replacement || replacement.revoked_at) {
      await db('refresh_tokens').where({ user_id: row.user_id, device_id: row.device_id }).whereNull('revoked_at').update({ revoked_at: now });
      throw new OperationError('unauthenticated', 'error.refresh_invalid');
    }
  }
  const actor = await loadActor(db, row.user_id, input.deviceId);
  if (!actor) throw new OperationError('unauthenticated', 'error.refresh_invalid');
  const issued = await issueTokens(deps, actor, input.deviceId);
  const replacement = await db('refresh_tokens').where({ token_hash: hashToken(issued.refreshToken) }).first('id');
  if (!row.revoked_at) {
    // A live token used: it is this device's one; replacements handed out beside it are retired.
    await db('refresh_tokens').where({ user_id: row.user_id, device_id: row.device_id }).whereNull('revoked_at')
      .whereNot({ id: row.id }).whereNot({ id: replacement?.id ?? '' }).update({ revoked_at: now });
  }
  await db('refresh_tokens').where({ id: row.id }).update({ revoked_at: now, replaced_by: replacement?.id ?? null });
  return issued;
}

export async function signOut(db: Knex, clock: Clock, refreshToken: string): Promise<void> {
  await db('refresh_tokens').where({ token_hash: hashToken(refreshToken) }).whereNull('revoked_at')
    .update({ revoked_at: clock.now().toISOString() });
}

async function issueTokens(deps: AuthDeps, actor: Actor, deviceId: string): Promise<Issued> {
  const nowMs = deps.clock.now().getTime();
  const exp = Math.floor(nowMs / 1000) + deps.policy.accessTtlSeconds;
  const refresh = newRefreshToken();
  await deps.db('refresh_tokens').insert({
    id: uuidv7(), user_id: actor.userId, device_id: deviceId, token_hash: refresh.hash,
    issued_at: new Date(nowMs).toISOString(),
    expires_at: new Date(nowMs + deps.policy.refreshTtlDays * 86_400_000).toISOString(),
  });
  return {
    accessToken: signAccessToken(deps.secret, { sub: actor.userId, dev: deviceId, exp }),
    refreshToken: refresh.token,
    expiresAt: new Date(exp * 1000).toISOString(),
    actor,
  };
}

function lockedError(lockedUntil: string, now: Date): OperationError {
  const minutes = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 60_000));
  return new OperationError('locked', 'error.account_locked', { minutes });
}

async function registerDevice(db: Knex, schoolId: string, deviceId: string, name: string | undefined, now: Date) {
  const at = now.toISOString();
  const known = await db('devices').where({ id: deviceId }).first();
  if (known) await db('devices').where({ id: deviceId }).update({ last_seen_at: at, ...(name ? { name } : {}) });
  else await db('devices').insert({ id: deviceId, school_id: schoolId, name: name ?? null, first_seen_at: at, last_seen_at: at });
}

export async function audit(db: Knex, schoolId: string | null, userId: string | null, deviceId: string | null, action: string, details: object, at: Date) {
  await db('audit_log').insert({ school_id: schoolId, user_id: userId, device_id: deviceId, action, details: JSON.stringify(details), at: at.toISOString() });
}
