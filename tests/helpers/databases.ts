import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import type { DatabaseLocation } from '../../src-core/db/open';

/** The PostgreSQL server the tests use: PG_TEST_URL, else the local one (trust auth, database test). */
export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  location: DatabaseLocation;
  drop(): Promise<void>;
}

/** A fresh, empty SQLite file in a temporary folder. */
export function freshSqlite(): TestDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-test-'));
  return { kind: 'sqlite', location: { kind: 'sqlite', filename: path.join(dir, 'test.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh PostgreSQL database on the test server, dropped afterwards. */
export async function freshPostgres(): Promise<TestDatabase> {
  const name = `sabaq_t_${randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: PG_ADMIN_URL, pool: { min: 0, max: 1 } });
  await admin.raw(`create database ${name}`);
  await admin.destroy();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    location: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const a = knexFactory({ client: 'pg', connection: PG_ADMIN_URL, pool: { min: 0, max: 1 } });
      await a.raw(`drop database if exists ${name} with (force)`);
      await a.destroy();
    },
  };
}

/** Both engines the central server runs on: every server test runs on each. */
export const ENGINES = [
  { name: 'SQLite', fresh: async () => freshSqlite() },
  { name: 'PostgreSQL', fresh: freshPostgres },
] as const;
