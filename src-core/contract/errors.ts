/**
 * Errors an operation may end with. `code` is stable for programs; `messageKey` names the translated text in
 * src-core/i18n; `fields` names the inputs that were wrong (400).
 */
export type ErrorCode =
  | 'invalid_input' | 'unauthenticated' | 'forbidden' | 'unknown_operation' | 'not_found' | 'conflict'
  | 'locked' | 'too_large' | 'rate_limited' | 'unavailable' | 'update_required' | 'internal';

export const STATUS_OF: Record<ErrorCode, number> = {
  invalid_input: 400, unauthenticated: 401, forbidden: 403, unknown_operation: 404, not_found: 404,
  conflict: 409, too_large: 413, locked: 423, rate_limited: 429, unavailable: 503, update_required: 426, internal: 500,
};

export interface FieldError {
  path: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export class OperationError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string = `error.${code}`,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(messageKey);
  }
}

/** The body every host returns for a failed call. */
export interface ErrorBody {
  ok: false;
  error: { code: ErrorCode; messageKey: string; message: string; params?: Record<string, string | number>; fields?: (FieldError & { message: string })[] };
}
