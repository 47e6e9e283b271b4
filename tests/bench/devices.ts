import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { knexConfig } from '../../src-core/db/open';
import { SNAPSHOT_TABLES } from '../../src-core/sync/scope';
import { startClientApp } from '../../src-main/app/client-app';
import { startBrowserMode } from '../../src-main/app/main';
import type { Transport } from '../../src-main/app/server-link';
import type { ClientApp } from '../../src-main/app/types';
import { freePort, PASSWORD } from './school';

/** A desktop client of the benchmarks: the product's ClientApp on a replica of its own, and a look into that replica. */
export interface Device {
  app: ClientApp;
  dataDir: string;
  session: string | null;
  /** A second connection to the replica, for reading what arrived (the app keeps its own). */
  replica(): Knex;
  close(): Promise<void>;
}

/** `root`: where the replica lives (many simulated devices on one machine share its disk unless put in memory). */
export async function openDevice(serverUrl: string, transport?: Transport, root = os.tmpdir()): Promise<Device> {
  const dataDir = mkdtempSync(path.join(root, 'sabaq-bench-device-'));
  const app = await startClientApp({ dataDir, serverUrl, transport, deviceName: 'bench' });
  let look: Knex | null = null;
  return {
    app,
    dataDir,
    session: null,
    replica() {
      look ??= knexFactory(knexConfig({ kind: 'sqlite', filename: path.join(dataDir, 'sabaq-replica.sqlite') }, 'replica'));
      return look;
    },
    async close() {
      await look?.destroy();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The desktop client as its entry point starts it (src-main/app/main.ts, browser mode: the replica, the sync
 * loop with its default settings, the loopback host), for a user who has signed in on it before: the bench signs
 * in with a bare ClientApp first, closes it, and starts the client on the same folder. (Started before anybody
 * has signed in, the client's sync loop never waits: see the bench's report.) `session`: sign in again on the
 * running client, for commands.
 */
export async function openDesktop(serverUrl: string, login: string, session: boolean): Promise<Device & { url: string }> {
  const first = await openDevice(serverUrl);
  await signInAndSync(first, login);
  await first.app.close();
  const client = await startBrowserMode({ SABAQ_SERVER_URL: serverUrl, SABAQ_CLIENT_DATA: first.dataDir, PORT: String(await freePort()) });
  let sessionId: string | null = null;
  if (session) {
    const signed = await client.app.signIn(login, PASSWORD);
    if (!signed.ok || signed.offline) throw new Error(`${login} could not sign in again on the running client`);
    sessionId = signed.sessionId;
  }
  return {
    ...first,
    app: client.app,
    url: client.url,
    session: sessionId,
    async close() {
      await client.close();
      await first.close().catch(() => undefined);
    },
  };
}

/** Online sign-in (the client fetches the user's scope) and the first sync after it: what a new computer does. */
export async function signInAndSync(device: Device, login: string): Promise<void> {
  const signed = await device.app.signIn(login, PASSWORD);
  if (!signed.ok) throw new Error(`${login} could not sign in: ${signed.error.code} ${signed.error.message}`);
  if (signed.offline) throw new Error(`${login} signed in offline: the server did not answer the online sign-in`);
  device.session = signed.sessionId;
  const synced = await device.app.syncNow();
  if (synced.waiting === 'server') throw new Error(`${login}: the first sync did not reach the server`);
}

/** Rows the replica holds in the tables a sync fills. */
export async function replicaRows(device: Device): Promise<number> {
  let n = 0;
  for (const table of SNAPSHOT_TABLES) n += Number((await device.replica()(table).count({ n: '*' }).first())?.n ?? 0);
  return n;
}

/** Runs a contract command as the device's signed-in user; throws with the server's or the replica's reason. */
export async function command(device: Device, name: string, input: unknown): Promise<void> {
  const out = await device.app.call(device.session, name, input);
  if (!out.ok) throw new Error(`${name}: ${out.error.code} ${out.error.message}`);
}

/** The version of a row this device holds (0: none): what a teacher's screen passes as baseVersion. */
export async function versionOf(device: Device, table: string, id: string): Promise<number> {
  return Number((await device.replica()(table).where({ id }).first('row_version'))?.row_version ?? 0);
}
