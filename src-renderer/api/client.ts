import type { ErrorCode } from '../../src-core/contract/errors';
import type { InputOf, OperationName, OutputOf } from '../../src-core/contract/operations';
import type { FileInfo } from '../../src-core/contract/ops/resources';
import type { Me } from '../../src-core/contract/schemas';

export type Params = Record<string, string | number>;

/** One wrong input, named by its path ("login", "date") with the translated text's key. */
export interface FieldProblem {
  path: string;
  messageKey: string;
  params: Params;
}

/** A failed call, whatever the transport: `messageKey` names the text in the catalogs of src-core/i18n. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    readonly messageKey: string,
    readonly params: Params = {},
    readonly fields: FieldProblem[] = [],
    readonly status = 0,
  ) {
    super(messageKey);
    this.name = 'ApiError';
  }

  /** The session locked after idle time (not an account locked by failed sign-ins). */
  get isSessionLock(): boolean {
    return this.code === 'locked' && this.messageKey !== 'error.account_locked';
  }
}

/** What the page's host says about itself (GET /health). */
export interface HostHealth {
  ok: boolean;
  role: 'server' | 'client' | 'unknown';
  offline: boolean;
}

/** A person who has signed in on this computer before (desktop client only). */
export interface KnownAccount {
  login: string;
  fullName: string;
}

export type SessionEvent =
  | { type: 'locked' }
  | { type: 'signedOut'; reason: ApiError | null };

/** The only way the views reach the system; they never know which transport is under it. */
export interface ApiClient {
  readonly transport: 'http' | 'ipc';
  signIn(login: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  unlock(password: string): Promise<Me>;
  /** The session kept over a reload, or null when there is none. */
  restore(): Promise<Me | null>;
  invoke<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>;
  health(): Promise<HostHealth>;
  knownAccounts(): Promise<KnownAccount[]>;
  onSessionEvent(listener: (event: SessionEvent) => void): () => void;
  /**
   * Writes a file on the host (`POST /files`): on the central server, or on this computer, which sends it to the
   * server with its sync. The host checks its type by its bytes and its size.
   */
  uploadFile(file: Blob, fileName: string): Promise<FileInfo>;
  /**
   * An address the page can load a file from in <img>, <video>, <audio> or <iframe> (`POST /files/<sha>/ticket`:
   * a short-lived ticket in the path); `path` names a file inside an HTML5 package.
   */
  fileUrl(sha256: string, path?: string): Promise<string>;
}

/**
 * The address of a file inside an HTML5 package, under a ticket's address; '' names the package's launch page (the
 * host redirects to its index.html, or to the page its SCORM manifest launches).
 */
export function packagePath(url: string, path?: string): string {
  if (path === undefined) return url;
  return `${url}/pkg/${path.split('/').map(encodeURIComponent).join('/')}`;
}

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_input', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict',
  413: 'too_large', 423: 'locked', 429: 'rate_limited', 502: 'unavailable', 503: 'unavailable', 504: 'unavailable',
};

const STATUS_OF_CODE: Record<string, number> = {
  invalid_input: 400, unauthenticated: 401, forbidden: 403, unknown_operation: 404, not_found: 404,
  conflict: 409, too_large: 413, locked: 423, rate_limited: 429, unavailable: 503, internal: 500,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function paramsOf(value: unknown): Params {
  const params: Params = {};
  if (!isRecord(value)) return params;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  return params;
}

/**
 * Turns a failed response into an ApiError. A body of the house shape (`{ok:false, error:{…}}`) is taken as it is;
 * anything else (a proxy's HTML page, an empty body) becomes the error its status stands for.
 */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = typeof error?.code === 'string'
    ? error.code
    : CODE_OF_STATUS[status] ?? 'internal';
  const messageKey = typeof error?.messageKey === 'string' ? error.messageKey : `error.${code}`;
  const fields: FieldProblem[] = Array.isArray(error?.fields)
    ? error.fields.filter(isRecord).map((f) => ({
      path: typeof f.path === 'string' ? f.path : '(input)',
      messageKey: typeof f.messageKey === 'string' ? f.messageKey : 'field.custom',
      params: paramsOf(f.params),
    }))
    : [];
  return new ApiError(code, messageKey, paramsOf(error?.params), fields, status || STATUS_OF_CODE[code] || 0);
}

/** The host could not be reached at all. */
export function unreachable(): ApiError {
  return new ApiError('unavailable', 'error.unavailable', {}, [], 0);
}

/** A small event hub both transports use for "locked" and "signed out". */
export function sessionEvents() {
  const listeners = new Set<(event: SessionEvent) => void>();
  return {
    emit(event: SessionEvent) {
      for (const l of [...listeners]) l(event);
    },
    subscribe(listener: (event: SessionEvent) => void) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}

/** The signed-in user after a reload, or null when the stored session is no longer valid. */
export async function restoreSession(invoke: (name: 'session.me', input: Record<string, never>) => Promise<Me>): Promise<Me | null> {
  try {
    return await invoke('session.me', {});
  } catch (err) {
    if (err instanceof ApiError && err.code === 'unauthenticated') return null;
    throw err;
  }
}
