import { z } from 'zod';
import { errorResponse } from '../../src-core/contract/error-body';
import { OperationError, type ErrorBody, type ErrorCode } from '../../src-core/contract/errors';
import type { FileInfo } from '../../src-core/contract/ops/resources';
import { isOperationName } from '../../src-core/contract/operations';
import type { Locale } from '../../src-core/i18n/index';
import { BRIDGE_CHANNELS, type BridgeChannel } from './bridge-channels';
import { isAppUrl } from './renderer-files';
import type { SignInOutcome } from './types';

/**
 * The rules of the Electron IPC bridge that need no Electron: which sender is trusted, what each channel's
 * arguments must look like, and what the renderer is allowed to see of a sign-in (never the session id).
 */
const Login = z.string().trim().min(1).max(200);
const Password = z.string().min(1).max(1024);
const LocaleArg = z.enum(['kk', 'ru', 'en']).optional();

export { BRIDGE_CHANNELS };

export const BRIDGE_ARGS = {
  signIn: z.tuple([Login, Password, LocaleArg]),
  signOut: z.tuple([]),
  unlock: z.tuple([Password]),
  invoke: z.tuple([
    z.string().max(100).refine(isOperationName, 'not an operation of the contract'),
    z.unknown(),
    LocaleArg,
  ]),
  knownAccounts: z.tuple([]),
  health: z.tuple([]),
  // The bytes of a file written on this computer (their type is decided by the bytes, their size by the limit).
  uploadFile: z.tuple([z.instanceof(Uint8Array), z.string().max(255), LocaleArg]),
  fileUrl: z.tuple([z.string().regex(/^[0-9a-f]{64}$/)]),
  // The presenter view of a lesson on the board: a page of the app, nothing else.
  present: z.tuple([z.string().regex(/^presenter\.html#[A-Za-z0-9-]{8,64}$/)]),
  displays: z.tuple([]),
  // A display's id as Electron gives it, or null: the shell's rules choose again.
  chooseDisplay: z.tuple([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable()]),
} satisfies Record<BridgeChannel, z.ZodType>;

export interface SenderFacts {
  /** The URL of the frame that sent the message (event.senderFrame.url); null when the frame is gone. */
  frameUrl: string | null;
  /** The frame is the top frame of its page (not an iframe). */
  isMainFrame: boolean;
  /** The message came from the webContents of our own main window. */
  fromMainWindow: boolean;
}

export function isTrustedSender(sender: SenderFacts): boolean {
  return sender.fromMainWindow && sender.isMainFrame && sender.frameUrl != null && isAppUrl(sender.frameUrl);
}

/** What the renderer sees of a sign-in or unlock: who signed in, and whether offline. The session id stays in main. */
export type BridgeSignIn = { ok: true; me: Extract<SignInOutcome, { ok: true }>['me']; offline: boolean } | ErrorBody;

export function forRenderer(outcome: SignInOutcome): BridgeSignIn {
  if (!outcome.ok) return outcome;
  return { ok: true, me: outcome.me, offline: outcome.offline };
}

export function bridgeError(code: ErrorCode, locale: Locale = 'kk', params: Record<string, string | number> = {}): ErrorBody {
  return errorResponse(new OperationError(code, `error.${code}`, params), locale).body;
}

/** The window API the preload exposes as `window.sabaq`; src-renderer/api/bridge.ts declares the same shape for the page. */
export interface SabaqBridge {
  signIn(login: string, password: string, locale?: Locale): Promise<BridgeSignIn>;
  signOut(): Promise<{ ok: true } | ErrorBody>;
  unlock(password: string): Promise<BridgeSignIn>;
  invoke(name: string, input: unknown, locale?: Locale): Promise<{ ok: true; result: unknown } | ErrorBody>;
  knownAccounts(): Promise<{ login: string; fullName: string }[]>;
  /** Whether the client reaches its central server (the renderer polls it). */
  health(): Promise<{ ok: true; offline: boolean }>;
  /** Writes a file on this computer (sent to the server with the sync); its type is checked by its bytes. */
  uploadFile(bytes: Uint8Array, fileName: string, locale?: Locale): Promise<{ ok: true; file: FileInfo } | ErrorBody>;
  /** An app://sabaq address of the file under a short-lived ticket. */
  fileUrl(sha256: string): Promise<{ ok: true; url: string } | ErrorBody>;
}
