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

/**
 * Runs a sync now and then again and again: every `intervalMs` while the server answers, backing off up to
 * `maxMs` while it does not. `kick()` syncs at once (a new change, the link coming back).
 */
export function startSyncLoop(opts: {
  sync(): Promise<{ waiting: string }>;
  now(): Date;
  intervalMs?: number;
  maxMs?: number;
}): { status(): SyncStatus; kick(): void; stop(): Promise<void> } {
  const intervalMs = opts.intervalMs ?? 15_000;
  const maxMs = opts.maxMs ?? 5 * 60_000;
  const status: SyncStatus = { lastSyncAt: null, lastError: null, failures: 0, online: false };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, nextSyncDelay(status.failures, intervalMs, maxMs));
    timer.unref?.();
  };
  const run = () => {
    running ??= opts.sync().then((r) => {
      const reached = r.waiting !== 'server';
      status.online = reached;
      status.failures = reached ? 0 : status.failures + 1;
      if (reached) Object.assign(status, { lastSyncAt: opts.now().toISOString(), lastError: null });
      else status.lastError = 'error.unavailable';
    }, (err: Error) => {
      status.failures += 1;
      status.lastError = err.message.split('\n')[0] ?? 'error.internal';
    }).finally(() => {
      running = null;
      schedule();
    });
  };
  run();
  return {
    status: () => ({ ...status }),
    kick: () => { if (!running) run(); },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
