import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/** A value of server_meta, created once: the token secret, the server epoch (a new one after a restore). */
export async function metaValue(db: Knex, key: string, create: () => string): Promise<string> {
  const row = await db('server_meta').where({ key }).first();
  if (row) return String(row.value);
  const value = create();
  await db('server_meta').insert({ key, value }).onConflict('key').ignore();
  return String((await db('server_meta').where({ key }).first()).value);
}

export async function tokenSecret(db: Knex, fromEnv: string | undefined): Promise<Buffer> {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  return Buffer.from(await metaValue(db, 'token_secret', () => randomBytes(32).toString('hex')), 'hex');
}

export const serverEpoch = (db: Knex) => metaValue(db, 'epoch', () => randomUUID());
