import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { SCHEMA_VERSION } from '../src-core/sync/protocol';
import { SNAPSHOT_TABLES } from '../src-core/sync/scope';

/**
 * A logical backup of the central server (every table, the same on SQLite and PostgreSQL) and its restore. A
 * restore gives the server a new epoch: every desktop client then learns that the server forgot what came after
 * the backup, sends again what the old epoch had acknowledged, and reads its buckets from the beginning.
 */
export const BACKUP_TABLES = [
  ...SNAPSHOT_TABLES,
  'server_meta', 'school_sequences', 'devices', 'refresh_tokens', 'audit_log', 'applied_mutations', 'change_log', 'change_buckets',
] as const;

export interface Backup {
  format: 'sabaq-backup';
  schema: number;
  takenAt: string;
  tables: Record<string, Record<string, unknown>[]>;
}

export async function takeBackup(db: Knex, now: Date): Promise<Backup> {
  return db.transaction(async (trx) => {
    const tables: Backup['tables'] = {};
    for (const table of BACKUP_TABLES) tables[table] = await trx(table).select('*');
    return { format: 'sabaq-backup', schema: SCHEMA_VERSION, takenAt: now.toISOString(), tables };
  });
}

/** Replaces every row with the backup's, in one transaction, and starts a new epoch. Returns the new epoch. */
export async function restoreBackup(db: Knex, backup: Backup, now: Date): Promise<string> {
  if (backup.format !== 'sabaq-backup') throw new Error('not a Sabaq backup');
  if (backup.schema !== SCHEMA_VERSION) throw new Error(`the backup is of schema ${backup.schema}, this server has ${SCHEMA_VERSION}`);
  const epoch = randomUUID();
  await db.transaction(async (trx) => {
    for (const table of [...BACKUP_TABLES].reverse()) await trx(table).delete();
    for (const table of BACKUP_TABLES) {
      const rows = backup.tables[table] ?? [];
      const chunk = rows.length ? Math.max(1, Math.min(400, Math.floor(30_000 / Object.keys(rows[0]!).length))) : 1;
      for (let i = 0; i < rows.length; i += chunk) await trx(table).insert(rows.slice(i, i + chunk));
    }
    if (trx.client.config.client === 'pg') {
      await trx.raw("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), COALESCE((SELECT max(id) FROM audit_log), 0) + 1, false)");
    }
    await trx('server_meta').insert({ key: 'epoch', value: epoch }).onConflict('key').merge();
    await trx('server_meta').insert({ key: 'restored_at', value: now.toISOString() }).onConflict('key').merge();
  });
  return epoch;
}
