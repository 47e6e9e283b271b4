import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { knexConfig } from '../../src-core/db/open';
import { startClientApp } from '../../src-main/app/client-app';
import type { ClientApp } from '../../src-main/app/types';

type ClientOptions = Omit<Parameters<typeof startClientApp>[0], 'dataDir'>;

export interface TestDevice {
  client: ClientApp;
  /** The session of the user signed in when the device was opened. */
  session: string;
  dir: string;
  /** A fresh connection to the device's replica (destroy it after use; see `onReplica`). */
  replica(): Knex;
}

/** Runs `use` on a connection to a device's replica and closes it. */
export async function onReplica<T>(device: Pick<TestDevice, 'replica'>, use: (replica: Knex) => Promise<T>): Promise<T> {
  const r = device.replica();
  try {
    return await use(r);
  } finally {
    await r.destroy();
  }
}

/**
 * Desktop clients for the sync tests, each on a folder of its own with one user signed in (password
 * `password`); `closeAll` closes them and removes their folders.
 */
export function testDevices(prefix: string) {
  const dirs: string[] = [];
  const clients: ClientApp[] = [];
  return {
    async open(login: string, options: ClientOptions): Promise<TestDevice> {
      const dir = mkdtempSync(path.join(os.tmpdir(), `sabaq-${prefix}-`));
      dirs.push(dir);
      const client = await startClientApp({ dataDir: dir, ...options });
      clients.push(client);
      const signed = await client.signIn(login, 'password');
      if (!signed.ok) throw new Error(`sign-in of ${login} failed`);
      const replica = () => knexFactory(knexConfig({ kind: 'sqlite', filename: path.join(dir, 'sabaq-replica.sqlite') }, 'replica'));
      return { client, session: signed.sessionId, dir, replica };
    },
    async closeAll() {
      for (const c of clients) await c.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}
