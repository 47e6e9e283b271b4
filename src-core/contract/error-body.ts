import { translate, type Locale } from '../i18n/index';
import { STATUS_OF, type ErrorBody, type OperationError } from './errors';

/** The HTTP status and translated body of a failed call, the same on every host. */
export function errorResponse(err: OperationError, locale: Locale): { status: number; body: ErrorBody } {
  const body: ErrorBody = {
    ok: false,
    error: {
      code: err.code,
      messageKey: err.messageKey,
      message: translate(locale, err.messageKey, err.params),
      ...(Object.keys(err.params).length ? { params: err.params } : {}),
      ...(err.fields.length
        ? { fields: err.fields.map((f) => ({ ...f, message: translate(locale, f.messageKey, f.params ?? {}) })) }
        : {}),
    },
  };
  return { status: STATUS_OF[err.code], body };
}
