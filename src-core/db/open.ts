import knexFactory, { type Knex } from 'knex';
import { migrationSource } from '../../migrations/index';
import type { DbTarget } from './columns';

export type DatabaseLocation = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string };

/** Opens a database for a host and brings its schema up to date. */
export async function openDatabase(location: DatabaseLocation, target: DbTarget): Promise<Knex> {
  const db = knexFactory(knexConfig(location, target));
  await db.migrate.latest();
  return db;
}

export function knexConfig(location: DatabaseLocation, target: DbTarget): Knex.Config {
  const common = { migrations: { migrationSource, tableName: 'knex_migrations' }, userParams: { target } };
  if (location.kind === 'postgres') {
    return { ...common, client: 'pg', connection: location.url, pool: { min: 0, max: 24 } };
  }
  return {
    ...common,
    client: 'better-sqlite3',
    connection: { filename: location.filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(s: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        conn.pragma('journal_mode = WAL');
        conn.pragma('synchronous = NORMAL');
        // A replica holds a projection of the server's rows (a user's scope), so references may point outside it.
        conn.pragma(`foreign_keys = ${target === 'server' ? 'ON' : 'OFF'}`);
        conn.pragma('busy_timeout = 5000');
        done(null, conn);
      },
    },
  };
}

/** DATABASE_URL (PostgreSQL) when set, otherwise the SQLite file given. */
export function locationFromEnv(env: Record<string, string | undefined>, sqliteFile: string): DatabaseLocation {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  return { kind: 'sqlite', filename: url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : sqliteFile };
}
