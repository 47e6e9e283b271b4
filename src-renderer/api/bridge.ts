import type { ErrorBody } from '../../src-core/contract/errors';
import type { FileInfo } from '../../src-core/contract/ops/resources';
import type { Me } from '../../src-core/contract/schemas';

/** What the desktop client's preload exposes as `window.sabaq` (contextBridge). Bodies are those of the HTTP protocol. */
export type SignInBody = { ok: true; me: Me; offline?: boolean } | ErrorBody;
export type CallBody = { ok: true; result: unknown } | ErrorBody;

export interface SabaqBridge {
  /** `locale` names the language for the messages of the answer (kk when omitted). */
  signIn(login: string, password: string, locale?: string): Promise<SignInBody>;
  signOut(): Promise<{ ok: true } | ErrorBody>;
  unlock(password: string): Promise<SignInBody>;
  invoke(name: string, input: unknown, locale?: string): Promise<CallBody>;
  knownAccounts(): Promise<{ login: string; fullName: string }[]>;
  /** Optional: whether the client reaches its central server (the renderer polls it every 30 s when present). */
  health?(): Promise<{ ok: boolean; role?: string; offline?: boolean }>;
  /** Writes a file on this computer (sent to the server with the sync); its type is checked by its bytes. */
  uploadFile(bytes: Uint8Array, fileName: string, locale?: string): Promise<{ ok: true; file: FileInfo } | ErrorBody>;
  /** An address of the app's own protocol the page loads the file from (a short-lived ticket in the path). */
  fileUrl(sha256: string): Promise<{ ok: true; url: string } | ErrorBody>;
}

declare global {
  interface Window {
    sabaq?: SabaqBridge;
  }
}
