import type { Knex } from 'knex';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type PushReply } from '../../src-core/sync/protocol';
import { adoptEpoch } from './epoch';
import { pendingMutations, settleMutations } from './outbox';
import type { ServerLink } from './server-link';

export interface PushDeps {
  db: Knex;
  link: ServerLink;
  deviceId: string;
  /** An access token for a user whose mutations are pending (`renew`: the server refused the last one), or null. */
  tokenFor(userId: string, renew?: boolean): Promise<string | null>;
}

export interface PushSummary { sent: number; settled: number; waiting: 'nothing' | 'auth' | 'gap' | 'server' }

/** Sends the outbox in device order until it is empty or the server asks to wait (a user's sign-in, a gap). */
export async function pushOutbox(deps: PushDeps): Promise<PushSummary> {
  let sent = 0;
  let settled = 0;
  let renewed = false;
  for (;;) {
    const mutations = await pendingMutations(deps.db);
    if (!mutations.length) return { sent, settled, waiting: 'nothing' };
    const auth: Record<string, string> = {};
    for (const userId of new Set(mutations.map((m) => m.userId))) {
      const token = await deps.tokenFor(userId, renewed);
      if (token) auth[userId] = token;
    }
    const reply = await deps.link.push({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId: deps.deviceId, auth, mutations });
    if (!reply.ok) return { sent, settled, waiting: 'server' };
    const { results, epoch } = reply as PushReply;
    // A restored server: what the old epoch acknowledged is queued again, and the push starts over.
    if (await adoptEpoch(deps.db, epoch)) continue;
    sent += mutations.length;
    await settleMutations(deps.db, results, epoch);
    const done = results.filter((r) => r.outcome !== 'resend').length;
    settled += done;
    const stop = results.find((r) => r.outcome === 'resend');
    if (stop && stop.outcome === 'resend') {
      // An access token the server no longer takes: renew the tokens once and send again.
      if (stop.reason === 'auth_required' && !renewed) {
        renewed = true;
        continue;
      }
      return { sent, settled, waiting: stop.reason === 'auth_required' ? 'auth' : 'gap' };
    }
    if (done === 0) return { sent, settled, waiting: 'server' };
  }
}
