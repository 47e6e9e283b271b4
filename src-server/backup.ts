import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { SCHEMA_VERSION } from '../src-core/sync/protocol';
import { SNAPSHOT_TABLES } from '../src-core/sync/scope';

/**
 * A logical backup of the central server (every table, the same on SQLite and PostgreSQL) and its restore. A
 * restore gives the server a new epoch: every desktop client then learns that the server forgot what came after
 * the backup, sends again what the old epoch had acknowledged, and reads its buckets from the beginning.
 */
/** The school's data: a restore puts these back as the backup holds them. */
export const RESTORED_TABLES = [...SNAPSHOT_TABLES, 'plans', 'plan_topics', 'resources', 'file_links', 'school_sequences', 'applied_mutations', 'change_log', 'change_buckets'] as const;
/**
 * The server's own record of who signed in where and what was done: a restore never rewinds it. A computer first
 * seen after the backup keeps its sign-in, a token revoked after the backup stays revoked, the audit log keeps
 * every entry (the restore's own among them), and the record of the files on disk stays with the disk (a restore
 * does not rewind the file store). The backup's rows fill in what this server lacks (a new machine).
 */
export const KEPT_TABLES = {
  server_meta: ['key'], devices: ['id'], refresh_tokens: ['id'], audit_log: ['id'], files: ['school_id', 'sha256'],
} as const;
export const BACKUP_TABLES = [...RESTORED_TABLES, ...Object.keys(KEPT_TABLES) as (keyof typeof KEPT_TABLES)[]] as const;

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

/** Replaces the school's data with the backup's, in one transaction, and starts a new epoch. Returns the new epoch. */
export async function restoreBackup(db: Knex, backup: Backup, now: Date): Promise<string> {
  if (backup.format !== 'sabaq-backup') throw new Error('not a Sabaq backup');
  if (backup.schema !== SCHEMA_VERSION) throw new Error(`the backup is of schema ${backup.schema}, this server has ${SCHEMA_VERSION}`);
  const epoch = randomUUID();
  await db.transaction(async (trx) => {
    for (const table of [...RESTORED_TABLES].reverse()) await trx(table).delete();
    for (const table of RESTORED_TABLES) await insertAll(trx, table, backup.tables[table] ?? []);
    for (const [table, key] of Object.entries(KEPT_TABLES)) {
      const keyOf = (row: Record<string, unknown>) => key.map((k) => String(row[k])).join(':');
      const here = new Set((await trx(table).select(...key)).map(keyOf));
      await insertAll(trx, table, (backup.tables[table] ?? []).filter((row) => !here.has(keyOf(row))));
    }
    if (trx.client.config.client === 'pg') {
      await trx.raw("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), COALESCE((SELECT max(id) FROM audit_log), 0) + 1, false)");
    }
    await trx('server_meta').insert({ key: 'epoch', value: epoch }).onConflict('key').merge();
    await trx('server_meta').insert({ key: 'restored_at', value: now.toISOString() }).onConflict('key').merge();
    await trx('audit_log').insert({ at: now.toISOString(), action: 'server.restored', details: JSON.stringify({ backupTakenAt: backup.takenAt, epoch }) });
  });
  return epoch;
}

async function insertAll(trx: Knex.Transaction, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const chunk = Math.max(1, Math.min(400, Math.floor(30_000 / Object.keys(rows[0]!).length)));
  for (let i = 0; i < rows.length; i += chunk) await trx(table).insert(rows.slice(i, i + chunk));
}
