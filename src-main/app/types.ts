import type { Me } from '../../src-core/contract/schemas';
import type { ErrorBody } from '../../src-core/contract/errors';

/** What a desktop client offers its shells (the Electron IPC bridge and the loopback http-host). */
export interface ClientApp {
  readonly deviceId: string;
  readonly serverUrl: string;
  /** Online sign-in against the central server; falls back to the offline verifier when the server is unreachable. */
  signIn(login: string, password: string, locale?: string): Promise<SignInOutcome>;
  /** Runs a contract operation for a local session on the replica. */
  call(sessionId: string | null, name: string, input: unknown, locale?: string): Promise<CallBody>;
  /** Re-opens a session that locked after idle time. */
  unlock(sessionId: string, password: string): Promise<SignInOutcome>;
  signOut(sessionId: string): Promise<void>;
  /** The users who have signed in on this computer (for the shared-classroom sign-in screen). */
  knownAccounts(): Promise<{ login: string; fullName: string }[]>;
  /** Sends the outbox to the central server now. */
  syncNow(): Promise<{ sent: number; settled: number; waiting: 'nothing' | 'auth' | 'gap' | 'server' }>;
  /** Waits until the server has news for this computer (a long poll); false when the time ran out. */
  waitForChanges(timeoutMs?: number): Promise<boolean>;
  /** Changes waiting to be sent, and the ones the server refused or found in conflict. */
  outboxStatus(): Promise<{ pending: number; rejected: number; conflicts: number }>;
  /** Whether the central server answers now. */
  online(): Promise<boolean>;
  close(): Promise<void>;
}

export type SignInOutcome =
  | { ok: true; sessionId: string; me: Me; offline: boolean }
  | ErrorBody;

export type CallBody = { ok: true; result: unknown } | ErrorBody;

export interface ClientAppOptions {
  /** Folder for the replica and the client's own files (Electron: app.getPath('userData')). */
  dataDir: string;
  /** The central server, e.g. http://127.0.0.1:8080 */
  serverUrl: string;
  deviceName?: string;
  /** Minutes of inactivity after which a session locks (default 10). */
  idleLockMinutes?: number;
  /** Minutes between the checks of this computer's journal against the server's checksums (default 10; 0: every sync). */
  verifyEveryMinutes?: number;
}
