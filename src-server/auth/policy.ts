/** The server's sign-in policy; numbers an administrator may change through the environment. */
export interface AuthPolicy {
  accessTtlSeconds: number;
  refreshTtlDays: number;
  maxFailedAttempts: number;
  lockoutMinutes: number;
  signInPerMinute: number;
  /** Requests of one address a minute, everything but sign-in: a school's computer room shares one address. */
  requestsPerMinute: number;
}

export function authPolicyFromEnv(env: Record<string, string | undefined>): AuthPolicy {
  const num = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    accessTtlSeconds: num('SABAQ_ACCESS_TTL_SECONDS', 15 * 60),
    refreshTtlDays: num('SABAQ_REFRESH_TTL_DAYS', 30),
    maxFailedAttempts: num('SABAQ_MAX_FAILED_ATTEMPTS', 5),
    lockoutMinutes: num('SABAQ_LOCKOUT_MINUTES', 15),
    signInPerMinute: num('SABAQ_SIGNIN_PER_MINUTE', 30),
    requestsPerMinute: num('SABAQ_REQUESTS_PER_MINUTE', 3000),
  };
}
