import { z } from 'zod';
import { migrations } from '../../migrations/index';
import type { CompactTable } from './compact';

/** Sent on every sync request: a client of another protocol or an older schema is told to update. */
export const PROTOCOL_VERSION = 1;
export const SCHEMA_VERSION = migrations.length;

const Id = z.string().uuid();

/** What every sync request carries: the versions it speaks, the device, and an access token per signed-in user. */
const DeviceRequest = z.object({
  protocol: z.number().int(),
  schema: z.number().int(),
  deviceId: Id,
  auth: z.record(Id, z.string().min(10).max(500)),
});

export const PushMutation = z.object({
  mutationId: Id,
  deviceSeq: z.number().int().min(1),
  userId: Id,
  name: z.string().min(1).max(60),
  args: z.unknown(),
  createdAt: z.string().max(30),
  /**
   * Sent again after the server was restored from a backup: a change the old epoch refused or found in conflict
   * is recorded with that outcome and not run again (its place in the device's order is kept).
   */
  replay: z.enum(['rejected', 'conflict']).optional(),
}).strict();
export type PushMutation = z.infer<typeof PushMutation>;

/** One push: the device's pending mutations in device order, with an access token for each acting user. */
export const PushRequest = DeviceRequest.extend({
  mutations: z.array(PushMutation).max(500),
}).strict();
export type PushRequest = z.infer<typeof PushRequest>;

export type Outcome = 'applied' | 'rejected' | 'conflict';

/** What the server says of one mutation. `resend` stops the batch: a gap before it, or its user must sign in again. */
export type MutationResult =
  | { mutationId: string; deviceSeq: number; outcome: Outcome; reply: unknown }
  | { mutationId: string; deviceSeq: number; outcome: 'resend'; reason: 'gap' | 'auth_required'; expectedSeq: number };

export interface PushReply { ok: true; epoch: string; results: MutationResult[] }

/** Where a bucket snapshot stopped: the next chunk starts after this row. */
export const SnapshotCursor = z.object({ table: z.string().max(40), lesson: Id, id: Id }).strict();
export type SnapshotCursor = z.infer<typeof SnapshotCursor>;

/** One pull: the changes of the device's buckets after its cursor, in commit order. */
export const PullRequest = DeviceRequest.extend({
  cursor: z.number().int().min(0),
  /** The server epoch the cursor belongs to: after a restore the server answers `reset` instead of a page. */
  epoch: z.string().max(64).optional(),
  /** The buckets this device holds now; those it may newly hold arrive whole, before the log. */
  have: z.array(z.string().max(80)).max(5000).optional(),
  limit: z.number().int().min(1).max(5000).default(1000),
  /** A bucket snapshot under way: its buckets and where its last chunk ended (resumable after any failure). */
  snapshot: z.object({ buckets: z.array(z.string().max(80)).max(5000), after: SnapshotCursor }).strict().optional(),
  /** Ask for the checksum of each journal bucket with the last page. */
  verify: z.boolean().optional(),
}).strict();
export type PullRequest = z.infer<typeof PullRequest>;

export interface PulledChange { seq: number; table: string; row: Record<string, unknown> }
export interface PullReply {
  ok: true;
  epoch: string;
  changes: PulledChange[];
  cursor: number;
  more: boolean;
  buckets: string[];
  /** The device's epoch is not the server's (a restore): start again from the beginning. */
  reset?: true;
  /** A chunk of the rows of buckets the device newly holds (`next` null: the snapshot is complete). */
  snapshot?: { buckets: string[]; tables: CompactTable[]; next: SnapshotCursor | null };
  /** With the last page, when asked: the checksum of each journal bucket at `cursor`. */
  checksums?: Record<string, number>;
}

/**
 * A device waiting for news (a long poll): answered as soon as one of its buckets changes after its cursor, or
 * the epoch is not its own, or after `timeoutMs` with `changed: false`. The device then pulls.
 */
export const WaitRequest = DeviceRequest.extend({
  cursor: z.number().int().min(0),
  epoch: z.string().max(64).optional(),
  timeoutMs: z.number().int().min(0).max(55_000).default(25_000),
}).strict();
export type WaitRequest = z.infer<typeof WaitRequest>;
export interface WaitReply { ok: true; epoch: string; changed: boolean }
