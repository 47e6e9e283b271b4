import type { Knex } from 'knex';
import type { Clock } from '../src-core/util/clock';
import type { AuthPolicy } from './auth/policy';
import type { CommitSignal } from './sync/commits';

/** What every route of the central server needs. */
export interface ServerContext {
  db: Knex;
  clock: Clock;
  secret: Buffer;
  authPolicy: AuthPolicy;
  epoch: string;
  snapshotChunkRows: number;
  /** Wakes devices waiting for their school's next commit. */
  commits: CommitSignal;
  /** Aborted when the server begins to close: waiting devices are answered at once. */
  closing: AbortSignal;
}
