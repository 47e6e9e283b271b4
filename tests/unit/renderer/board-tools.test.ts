import { describe, expect, it } from 'vitest';
import { eligibleIds, initialPicker, notYetPicked, pickNext, seededRandom, shuffleFrames, type PickerState } from '../../../src-renderer/board/tools/picker';
import {
  adjust, elapsed, formatClock, idleTimer, isFinished, isFresh, isRunning, MAX_DURATION, MINUTE, pause, preset, remaining, reset, start,
} from '../../../src-renderer/board/tools/timer';

describe('timer: remaining time from the start and the pauses (no real time)', () => {
  const T0 = 1_000_000;

  it('counts down from the start and stops at zero', () => {
    const s = start(preset(3), T0);
    expect(isRunning(s, T0)).toBe(true);
    expect(remaining(s, T0)).toBe(3 * MINUTE);
    expect(remaining(s, T0 + 61_500)).toBe(3 * MINUTE - 61_500);
    expect(remaining(s, T0 + 3 * MINUTE)).toBe(0);
    expect(remaining(s, T0 + 10 * MINUTE)).toBe(0);
    expect(isFinished(s, T0 + 3 * MINUTE)).toBe(true);
    expect(isRunning(s, T0 + 3 * MINUTE)).toBe(false);
  });

  it('a pause keeps the time run; the paused time does not count; resuming goes on', () => {
    let s = start(preset(5), T0);
    s = pause(s, T0 + 20_000);
    expect(remaining(s, T0 + 20_000)).toBe(5 * MINUTE - 20_000);
    expect(remaining(s, T0 + 500_000)).toBe(5 * MINUTE - 20_000); // paused for long: unchanged
    s = start(s, T0 + 500_000);
    expect(remaining(s, T0 + 510_000)).toBe(5 * MINUTE - 30_000);
    s = pause(s, T0 + 515_000);
    s = start(s, T0 + 600_000);
    expect(elapsed(s, T0 + 601_000)).toBe(36_000);
  });

  it('start on a running timer and pause on a stopped one change nothing; reset goes back to the full time', () => {
    const s = start(preset(1), T0);
    expect(start(s, T0 + 5_000)).toBe(s);
    const p = pause(s, T0 + 5_000);
    expect(pause(p, T0 + 9_000)).toBe(p);
    const r = reset(p);
    expect(isFresh(r)).toBe(true);
    expect(remaining(r, T0 + 99_000)).toBe(MINUTE);
  });

  it('a finished timer does not start again until reset or given time', () => {
    const s = start(preset(1), T0);
    const end = T0 + MINUTE + 1;
    expect(start(pause(s, end), end + 5).startedAt).toBeNull();
    const more = adjust(s, MINUTE, end);
    expect(remaining(more, end)).toBe(MINUTE);
    expect(remaining(more, end + 30_000)).toBe(30_000);
  });

  it('+/− 1 min change the time left, running or paused, within bounds', () => {
    let s = preset(5);
    s = adjust(s, MINUTE, T0);
    expect(remaining(s, T0)).toBe(6 * MINUTE);
    s = adjust(adjust(adjust(adjust(adjust(adjust(s, -MINUTE, T0), -MINUTE, T0), -MINUTE, T0), -MINUTE, T0), -MINUTE, T0), -MINUTE, T0);
    expect(remaining(s, T0)).toBe(MINUTE); // a fresh timer keeps at least a minute
    let r = start(preset(3), T0);
    r = adjust(r, MINUTE, T0 + 30_000);
    expect(remaining(r, T0 + 30_000)).toBe(3.5 * MINUTE);
    expect(remaining(r, T0 + 90_000)).toBe(2.5 * MINUTE);
    r = adjust(r, -10 * MINUTE, T0 + 90_000);
    expect(remaining(r, T0 + 90_000)).toBe(0); // a started timer can be taken to zero
    let big = preset(99);
    big = adjust(big, MINUTE, T0);
    expect(big.durationMs).toBe(MAX_DURATION);
  });

  it('presets and the clock face', () => {
    expect(preset(10).durationMs).toBe(10 * MINUTE);
    expect(idleTimer(0).durationMs).toBe(MINUTE);
    expect(formatClock(5 * MINUTE)).toBe('05:00');
    expect(formatClock(59_001)).toBe('01:00'); // rounds up: 00:00 only when over
    expect(formatClock(59_000)).toBe('00:59');
    expect(formatClock(1)).toBe('00:01');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(99 * MINUTE)).toBe('99:00');
  });
});

describe('picker: seedable random, no repeats until everyone has been picked', () => {
  const ids = Array.from({ length: 25 }, (_, i) => `p${i}`);

  it('the generator is the same for the same seed, in [0, 1)', () => {
    const a = seededRandom(42), b = seededRandom(42), c = seededRandom(43);
    const xs = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(xs);
    expect(Array.from({ length: 100 }, c)).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it.each([1, 2, 3, 99, 12345])('seed %i: each round picks everyone once; a round never starts with the last one', (seed) => {
    const random = seededRandom(seed);
    let state: PickerState = initialPicker;
    const picks: string[] = [];
    for (let i = 0; i < 25 * 4; i++) {
      const next = pickNext(state, ids, random)!;
      picks.push(next.id);
      state = next.state;
    }
    for (let round = 0; round < 4; round++) {
      expect(new Set(picks.slice(round * 25, round * 25 + 25)).size).toBe(25);
      if (round > 0) expect(picks[round * 25]).not.toBe(picks[round * 25 - 1]);
    }
    expect(state.round).toBe(4);
    // not simply the same order every round
    expect(picks.slice(0, 25)).not.toEqual(picks.slice(25, 50));
  });

  it('the same seed gives the same sequence', () => {
    const run = (seed: number) => {
      const random = seededRandom(seed);
      let state: PickerState = initialPicker;
      return Array.from({ length: 30 }, () => { const n = pickNext(state, ids, random)!; state = n.state; return n.id; });
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('absent pupils are never picked; one marked absent mid-round is left out of the rest', () => {
    const pupils = ids.map((id) => ({ id }));
    const eligible = eligibleIds(pupils, ['p3', 'p7']);
    expect(eligible).toHaveLength(23);
    const random = seededRandom(5);
    let state: PickerState = initialPicker;
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) { const n = pickNext(state, eligible, random)!; seen.push(n.id); state = n.state; }
    const fewer = eligibleIds(pupils, ['p3', 'p7', ...notYetPicked(state, eligible).slice(0, 1)]);
    for (let i = 0; i < 12; i++) { const n = pickNext(state, fewer, random)!; seen.push(n.id); state = n.state; }
    expect(seen).not.toContain('p3');
    expect(seen).not.toContain('p7');
    expect(new Set(seen).size).toBe(22);
    expect(notYetPicked(state, fewer)).toEqual([]);
  });

  it('nobody to pick: null; one pupil: picked every time', () => {
    expect(pickNext(initialPicker, [], seededRandom(1))).toBeNull();
    const random = seededRandom(1);
    let state: PickerState = initialPicker;
    for (let i = 0; i < 3; i++) { const n = pickNext(state, ['only'], random)!; expect(n.id).toBe('only'); state = n.state; }
    expect(state.round).toBe(3);
  });

  it('shuffle frames are eligible ids', () => {
    const frames = shuffleFrames(['a', 'b', 'c'], 9, seededRandom(3));
    expect(frames).toHaveLength(9);
    expect(frames.every((f) => ['a', 'b', 'c'].includes(f))).toBe(true);
    expect(shuffleFrames([], 9, seededRandom(3))).toEqual([]);
  });
});
