import type { Locale } from '../../src-core/i18n';
import type { ApiClient } from './client';
import { createHttpClient } from './http';
import { createIpcClient } from './ipc';

export * from './client';

/** Inside Electron the preload's bridge; in a browser the host that served the page. */
export function createApiClient(getLocale: () => Locale): ApiClient {
  const bridge = typeof window !== 'undefined' ? window.sabaq : undefined;
  return bridge ? createIpcClient(bridge, getLocale) : createHttpClient({ getLocale });
}
