import type { Knex } from 'knex';
import type { Clock } from '../src-core/util/clock';
import type { AuthPolicy } from './auth/policy';

/** What every route of the central server needs. */
export interface ServerContext {
  db: Knex;
  clock: Clock;
  secret: Buffer;
  authPolicy: AuthPolicy;
  epoch: string;
  snapshotChunkRows: number;
}
