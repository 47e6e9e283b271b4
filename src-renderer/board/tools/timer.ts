/**
 * The countdown's time, kept as plain data: a duration, the moment it was last started (null while stopped) and the
 * time already run before that start. The remaining time is computed from a clock reading passed in (`now`, ms), so
 * the logic is tested without real time and a paused timer never drifts.
 */
export interface TimerState {
  durationMs: number;
  /** When the timer was last started or resumed; null while it is paused or has not started. */
  startedAt: number | null;
  /** Time run before `startedAt` (the sum of the earlier running spans). */
  elapsedBeforeMs: number;
}

export const MINUTE = 60_000;
export const TIMER_PRESETS = [1, 3, 5, 10] as const;
/** The longest countdown (99 min: the clock shows two digits of minutes). */
export const MAX_DURATION = 99 * MINUTE;

export function idleTimer(durationMs = 5 * MINUTE): TimerState {
  return { durationMs: clamp(durationMs, MINUTE, MAX_DURATION), startedAt: null, elapsedBeforeMs: 0 };
}

export function elapsed(s: TimerState, now: number): number {
  const run = s.startedAt === null ? 0 : Math.max(0, now - s.startedAt);
  return Math.min(s.durationMs, s.elapsedBeforeMs + run);
}

export function remaining(s: TimerState, now: number): number {
  return Math.max(0, s.durationMs - elapsed(s, now));
}

export const isRunning = (s: TimerState, now: number): boolean => s.startedAt !== null && remaining(s, now) > 0;
export const isFinished = (s: TimerState, now: number): boolean => remaining(s, now) === 0;
/** Not started since the last reset (or preset). */
export const isFresh = (s: TimerState): boolean => s.startedAt === null && s.elapsedBeforeMs === 0;

/** Starts or resumes; a running or finished timer is left as it is. */
export function start(s: TimerState, now: number): TimerState {
  if (s.startedAt !== null || isFinished(s, now)) return s;
  return { ...s, startedAt: now };
}

/** Pauses, keeping the time run so far. */
export function pause(s: TimerState, now: number): TimerState {
  if (s.startedAt === null) return s;
  return { ...s, startedAt: null, elapsedBeforeMs: elapsed(s, now) };
}

/** Back to the full duration, stopped. */
export function reset(s: TimerState): TimerState {
  return { ...s, startedAt: null, elapsedBeforeMs: 0 };
}

/** A preset: that many minutes, stopped. */
export function preset(minutes: number): TimerState {
  return idleTimer(minutes * MINUTE);
}

/**
 * +/− time (a minute): changes what is left, running or not. What is left stays between 0 and the maximum; a timer
 * that has not started keeps at least a minute.
 */
export function adjust(s: TimerState, deltaMs: number, now: number): TimerState {
  const run = elapsed(s, now);
  const floor = isFresh(s) ? MINUTE : 0;
  const left = clamp(remaining(s, now) + deltaMs, floor, MAX_DURATION - run);
  if (s.startedAt === null) return { ...s, durationMs: run + left, elapsedBeforeMs: run };
  // Running: keep the start, only the duration moves (a finished timer given a minute starts again at once).
  return { ...s, durationMs: run + left, startedAt: now, elapsedBeforeMs: run };
}

/** "mm:ss", rounding up: 0:00 is shown only when the time is really over. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const m = Math.floor(total / 60), sec = total % 60;
  return `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
