import { EventEmitter } from 'node:events';

/**
 * Tells waiting devices that a school committed something. In one server process a push announces its commits
 * at once; a waiting device also looks again every second, so commits of another process are seen too.
 */
export class CommitSignal {
  private readonly events = new EventEmitter().setMaxListeners(0);

  announce(schoolId: string): void {
    this.events.emit(schoolId);
  }

  /** Resolves at the school's next commit, after `ms`, or when `signal` aborts, whichever comes first. */
  next(schoolId: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.events.off(schoolId, done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.events.on(schoolId, done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
