import type { Actor } from '../../src-core/auth/actor';
import type { ServerContext } from '../context';
import { loadActor } from './actors';
import { verifyAccessToken } from './tokens';

/** The caller of a request, from its `Authorization: Bearer` access token; null when absent or invalid. */
export async function actorFromBearer(ctx: ServerContext, header: string | undefined): Promise<Actor | null> {
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
  if (!token) return null;
  const claims = verifyAccessToken(ctx.secret, token, ctx.clock.now().getTime());
  return claims ? loadActor(ctx.db, claims.sub, claims.dev) : null;
}
