import { randomBytes } from 'node:crypto';
import type { Actor } from '../../src-core/auth/actor';

/** A user signed in on this computer. Several may be at once on a shared classroom computer. */
export interface LocalSession {
  id: string;
  actor: Actor;
  login: string;
  offline: boolean;
  lastActivityMs: number;
  locked: boolean;
  server: { accessToken: string; refreshToken: string; expiresAt: string } | null;
}

export type SessionState = 'active' | 'locked';

/** Pure: a session locks once it has been idle for longer than the limit, and stays locked until unlocked. */
export function sessionState(session: Pick<LocalSession, 'locked' | 'lastActivityMs'>, nowMs: number, idleLimitMs: number): SessionState {
  if (session.locked) return 'locked';
  return nowMs - session.lastActivityMs > idleLimitMs ? 'locked' : 'active';
}

export class SessionRegistry {
  private readonly sessions = new Map<string, LocalSession>();

  constructor(private readonly idleLimitMs: number, private readonly nowMs: () => number) {}

  open(init: Omit<LocalSession, 'id' | 'lastActivityMs' | 'locked'>): LocalSession {
    const session: LocalSession = { ...init, id: randomBytes(24).toString('base64url'), lastActivityMs: this.nowMs(), locked: false };
    this.sessions.set(session.id, session);
    return session;
  }

  /**
   * The session for a call: null when unknown; marks activity only while it is not locked, and only for what a
   * person does (`activity: false` for the screen's own polling, which must not keep a session from locking).
   */
  use(id: string | null, activity = true): { session: LocalSession; state: SessionState } | null {
    const session = id ? this.sessions.get(id) : undefined;
    if (!session) return null;
    const state = sessionState(session, this.nowMs(), this.idleLimitMs);
    if (state === 'locked') session.locked = true;
    else if (activity) session.lastActivityMs = this.nowMs();
    return { session, state };
  }

  unlock(id: string): void {
    const session = this.sessions.get(id);
    if (session) Object.assign(session, { locked: false, lastActivityMs: this.nowMs() });
  }

  /** The server tokens of any open session of a user (the outbox sends on their behalf). */
  serverTokensOf(userId: string): LocalSession['server'] {
    for (const s of this.sessions.values()) if (s.actor.userId === userId && s.server) return s.server;
    return null;
  }

  setServerTokens(userId: string, tokens: NonNullable<LocalSession['server']>): void {
    for (const s of this.sessions.values()) if (s.actor.userId === userId) s.server = tokens;
  }

  close(id: string): LocalSession | undefined {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    return session;
  }
}
