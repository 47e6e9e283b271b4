/** Pure: how long to wait before the next sync — the interval while things go well, doubling after each failure. */
export function nextSyncDelay(failures: number, intervalMs: number, maxMs: number): number {
  if (failures <= 0) return intervalMs;
  return Math.min(maxMs, intervalMs * 2 ** Math.min(failures, 20));
}

export interface SyncStatus {
  lastSyncAt: string | null;
  lastError: string | null;
  failures: number;
  online: boolean;
}

export interface SyncLoopOptions {
  sync(): Promise<{ waiting: string }>;
  now(): Date;
  /** A long poll: resolves when the server has news for this computer (or the time ran out); rejects offline. */
  watch?(): Promise<boolean>;
  /** Whether the server answers now: a cheap request, tried every `probeMs` while the link is down. */
  probe?(): Promise<boolean>;
  intervalMs?: number;
  maxMs?: number;
  probeMs?: number;
}

/**
 * Keeps this computer in sync. After each sync it waits for the server's news (`watch`, a long poll) and syncs
 * as soon as there is some; without news, or without `watch`, it syncs every `intervalMs`. While the server cannot be reached it asks
 * every `probeMs` whether it is back (`probe`) and syncs the moment it is; a server that answers with an error
 * is given more and more time, up to `maxMs`. `kick()` syncs at once (a new change), or right after a sync
 * under way.
 */
export function startSyncLoop(opts: SyncLoopOptions): { status(): SyncStatus; kick(): void; stop(): Promise<void> } {
  const intervalMs = opts.intervalMs ?? 15_000;
  const maxMs = opts.maxMs ?? 5 * 60_000;
  const probeMs = opts.probeMs ?? 2_000;
  const status: SyncStatus = { lastSyncAt: null, lastError: null, failures: 0, online: false };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let watching = false;
  let again = false;
  let stopped = false;

  const later = (ms: number, next: () => void) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(next, ms);
    timer.unref?.();
  };
  const offline = () => {
    status.online = false;
    status.failures += 1;
    status.lastError = 'error.unavailable';
    if (opts.probe) later(probeMs, probe);
    else later(nextSyncDelay(status.failures, intervalMs, maxMs), run);
  };
  const probe = () => {
    opts.probe!().then((up) => (up ? run() : later(probeMs, probe)), () => later(probeMs, probe));
  };
  const watch = () => {
    if (watching || stopped) return;
    watching = true;
    const since = Date.now();
    // News, or a wait that ran its course: sync now (and listen again). A wait that came back at once without
    // news (nobody here to wait for): sync after the interval, not in a busy loop.
    opts.watch!().then((news) => { watching = false; if (news || Date.now() - since >= 1000) run(); else later(intervalMs, run); },
      () => { watching = false; if (!stopped && !running) offline(); });
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    running = opts.sync().then((r) => {
      if (r.waiting === 'server') return offline();
      Object.assign(status, { online: true, failures: 0, lastSyncAt: opts.now().toISOString(), lastError: null });
      if (opts.watch) watch();
      else later(intervalMs, run);
    }, (err: Error) => {
      status.failures += 1;
      status.lastError = err.message.split('\n')[0] ?? 'error.internal';
      later(nextSyncDelay(status.failures, intervalMs, maxMs), run);
    }).finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
    });
  };
  run();
  return {
    status: () => ({ ...status }),
    kick: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
