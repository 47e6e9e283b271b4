import type { ResourceKind } from '../../../src-core/contract/ops/resources';
import { ServerUnreachable } from '../server-link';
import type { FileCache, FileMeta } from './cache';
import type { DownloadHead, ServerFiles } from './server-files';

/**
 * How one download ended: `complete` (verified and kept), `mismatch` (the bytes were not the file: thrown away),
 * `refused` (the server does not give it to this user, or does not hold it), `auth` (no user here may ask).
 * A link that drops throws ServerUnreachable; the part stays and the next run asks for the rest.
 */
export type DownloadOutcome = 'complete' | 'mismatch' | 'refused' | 'auth';

export interface DownloadDeps {
  cache: FileCache;
  server: ServerFiles;
  /** The access token to ask with (`renew`: the server refused the last one), or null. */
  token(renew?: boolean): Promise<string | null>;
  /** Gives up the download (the client is closing): the part stays. */
  signal?: AbortSignal;
}

/** What is known of a file before it comes (a plan's resource, a saved board): the answer's headers fill the rest. */
export type ExpectedFile = Partial<FileMeta>;

/**
 * Fetches a file into the cache: from where a part left off (`Range: bytes=<part>-`; 206 appends, 200 starts
 * over), then its SHA-256 decides. Never marks a file complete that was not verified.
 */
export async function downloadFile(deps: DownloadDeps, sha: string, expected: ExpectedFile = {}): Promise<DownloadOutcome> {
  if (await deps.cache.complete(sha)) return 'complete';
  await deps.cache.prepare(sha);
  let renewed = false;
  let restarted = false;
  for (;;) {
    const token = await deps.token(renewed);
    if (!token) return 'auth';
    const from = await deps.cache.partLength(sha);
    let total: number | null = null;
    const head = await deps.server.download(token, sha, from, async (res) => {
      const plan = planWrite(res, from);
      if (!plan) return null;
      total = plan.total;
      // The row says partial before a byte is written: a part cut off is known for what it is.
      await deps.cache.beginPart(sha, metaOf(res, expected, plan.total));
      return deps.cache.partWriter(sha, plan.restart);
    }, deps.signal);
    if (head.status === 401 && !renewed) {
      renewed = true;
      continue;
    }
    if (head.status === 416 && !restarted) {
      // The part is not a beginning of this file (longer than it): begun anew once.
      const whole = totalOf(head);
      if (whole !== null && from === whole) {
        await deps.cache.beginPart(sha, metaOf(head, expected, whole));
        return settle(deps, sha, whole);
      }
      await deps.cache.dropPart(sha);
      restarted = true;
      continue;
    }
    if (head.status === 206 && total === null && !restarted) {
      // A range that is not the rest of our part: nothing of it was written; the file is asked for whole.
      await deps.cache.dropPart(sha);
      restarted = true;
      continue;
    }
    if (head.status === 401 || head.status === 403 || head.status === 404 || head.status === 410) return head.status === 401 ? 'auth' : 'refused';
    if (head.status >= 500 || total === null) throw new ServerUnreachable(`HTTP ${head.status}`);
    return settle(deps, sha, total);
  }
}

async function settle(deps: DownloadDeps, sha: string, total: number): Promise<DownloadOutcome> {
  const result = await deps.cache.finishPart(sha, total);
  if (result === 'short') throw new ServerUnreachable('the answer was cut short');
  return result;
}

/** Whether to write the body, and from where: 206 from the part's end appends, 200 starts over. */
function planWrite(res: DownloadHead, from: number): { restart: boolean; total: number } | null {
  if (res.status === 200) {
    const length = Number(res.headers['content-length']);
    return Number.isSafeInteger(length) && length >= 0 ? { restart: true, total: length } : null;
  }
  if (res.status === 206) {
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.headers['content-range'] ?? '');
    if (!m || Number(m[1]) !== from) return null; // not the rest of our part: nothing of it is written
    return { restart: false, total: Number(m[3]) };
  }
  return null;
}

function totalOf(res: DownloadHead): number | null {
  const m = /\/(\d+)$/.exec(res.headers['content-range'] ?? '');
  return m ? Number(m[1]) : null;
}

const KIND_OF_MIME: [RegExp, ResourceKind][] = [
  [/^application\/pdf$/, 'pdf'],
  [/^image\//, 'image'],
  [/^audio\//, 'audio'],
  [/^video\//, 'video'],
  [/zip/, 'html5'],
];

function metaOf(res: DownloadHead, expected: ExpectedFile, size: number): FileMeta {
  const mime = expected.mime ?? (res.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim();
  const kind = expected.kind ?? KIND_OF_MIME.find(([re]) => re.test(mime))?.[1] ?? 'pdf';
  return { size, mime, kind };
}
