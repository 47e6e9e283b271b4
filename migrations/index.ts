import type { Knex } from 'knex';
import * as m0001 from './0001_school_structure';
import * as m0002 from './0002_host_tables';
import * as m0003 from './0003_journal_and_sync';
import * as m0004 from './0004_sync_recovery';
import * as m0005 from './0005_class_journal';
import * as m0006 from './0006_journal_order';
import * as m0007 from './0007_plans';
import * as m0008 from './0008_resources';

/**
 * The ordered list of migrations. An explicit list (not a directory scan) so that the same migrations run from
 * sources under tsx, from the Electron bundle inside asar, and in tests.
 */
export const migrations: ReadonlyArray<{ name: string; up(k: Knex): Promise<void>; down(k: Knex): Promise<void> }> = [
  { name: '0001_school_structure', ...m0001 },
  { name: '0002_host_tables', ...m0002 },
  { name: '0003_journal_and_sync', ...m0003 },
  { name: '0004_sync_recovery', ...m0004 },
  { name: '0005_class_journal', ...m0005 },
  { name: '0006_journal_order', ...m0006 },
  { name: '0007_plans', ...m0007 },
  { name: '0008_resources', ...m0008 },
];

export const migrationSource: Knex.MigrationSource<(typeof migrations)[number]> = {
  getMigrations: async () => [...migrations],
  getMigrationName: (m) => m.name,
  getMigration: async (m) => m,
};
