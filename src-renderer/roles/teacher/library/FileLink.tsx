import { useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useApi } from '../../../api/ApiContext';
import { ApiError, unreachable } from '../../../api/client';
import { useI18n } from '../../../i18n/I18n';

/** A ticket's address is asked again after this long: tickets are short-lived, a page may stay open for hours. */
const FRESH_MS = 60_000;

interface FileAddress {
  /** The address, once asked for (and not older than a minute when it was last needed). */
  url: string | null;
  error: ApiError | null;
  /** Asks for an address unless a fresh one is held; answers it. */
  ask: () => Promise<string | null>;
}

/**
 * The address the page loads a stored file from (a short-lived ticket). `eager` asks as soon as the component
 * mounts (an image or a player needs it at once); otherwise it is asked when first needed, so a long list of
 * resources does not ask the host for a ticket per line.
 */
export function useFileUrl(sha256: string, path?: string, eager = false): FileAddress {
  const api = useApi();
  const key = `${sha256}/${path ?? ''}`;
  const [held, setHeld] = useState<{ key: string; url: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const askedAt = useRef<{ key: string; at: number; answer: Promise<string | null> } | null>(null);

  const ask = useCallback((): Promise<string | null> => {
    const last = askedAt.current;
    if (last && last.key === key && Date.now() - last.at < FRESH_MS) return last.answer;
    const answer = api.fileUrl(sha256, path).then(
      (url) => { setHeld({ key, url }); setError(null); return url; },
      (err: unknown) => { setError(err instanceof ApiError ? err : unreachable()); askedAt.current = null; return null; },
    );
    askedAt.current = { key, at: Date.now(), answer };
    return answer;
  }, [api, sha256, path, key]);

  useEffect(() => { if (eager) void ask(); }, [eager, ask]);
  return { url: held?.key === key ? held.url : null, error, ask };
}

interface Props {
  sha256: string;
  path?: string;
  className?: string;
  testId?: string;
  /** Said on hover (the file's name, its size). */
  title?: string;
  eager?: boolean;
  children: ReactNode;
}

/**
 * A link that opens a stored file in a new tab. The address is asked on hover or focus; a click that comes before
 * the answer (a tap on a touch screen) waits for it and opens the tab then.
 */
export function FileLink({ sha256, path, className, testId, title, eager = false, children }: Props) {
  const { t } = useI18n();
  const file = useFileUrl(sha256, path, eager);
  const prepare = () => { void file.ask(); };
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (file.url) { prepare(); return; }
    e.preventDefault();
    void file.ask().then((url) => { if (url) window.open(url, '_blank', 'noopener,noreferrer'); });
  };
  const why = file.error ? t(file.error.messageKey, file.error.params) : title;
  return (
    <a className={`${className ?? ''} file-link${file.error ? ' failed' : ''}`.trim()} href={file.url ?? '#'} target="_blank" rel="noopener noreferrer"
      title={why} onPointerEnter={prepare} onFocus={prepare} onClick={open} data-testid={testId} data-ready={file.url ? 'true' : 'false'}>
      {children}
    </a>
  );
}
