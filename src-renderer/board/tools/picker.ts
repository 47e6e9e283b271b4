/**
 * The random pupil: a seedable generator and a no-repeat cycle (everyone present is picked once before anyone is
 * picked again; a new round does not start with the pupil picked last, when there is anybody else).
 */
import { seededRandom, type Random } from '../../../src-core/util/random';

export { seededRandom, type Random };

export interface PickerState {
  /** Ids picked in the current round, in order. */
  picked: readonly string[];
  /** The last id picked (also across rounds). */
  last: string | null;
  /** 1 for the first round. */
  round: number;
}

export const initialPicker: PickerState = { picked: [], last: null, round: 1 };

/** Who can be picked: the pupils' ids without the absent ones. */
export function eligibleIds(pupils: readonly { id: string }[], absentIds: readonly string[] = []): string[] {
  const absent = new Set(absentIds);
  return pupils.map((p) => p.id).filter((id) => !absent.has(id));
}

/** Ids still to be picked in this round (of the eligible ones). */
export function notYetPicked(state: PickerState, eligible: readonly string[]): string[] {
  const done = new Set(state.picked);
  return eligible.filter((id) => !done.has(id));
}

/** The next pupil, or null when nobody is eligible. Starts a new round when everyone eligible has been picked. */
export function pickNext(state: PickerState, eligible: readonly string[], random: Random): { id: string; state: PickerState } | null {
  if (eligible.length === 0) return null;
  let pool = notYetPicked(state, eligible);
  let next: PickerState = state;
  if (pool.length === 0) {
    next = { picked: [], last: state.last, round: state.round + 1 };
    pool = eligible.length > 1 ? eligible.filter((id) => id !== state.last) : [...eligible];
  }
  const id = pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))]!;
  return { id, state: { picked: [...next.picked, id], last: id, round: next.round } };
}

/** Names to flash during the short shuffle before the pick is shown (random ids of the eligible ones). */
export function shuffleFrames(eligible: readonly string[], count: number, random: Random): string[] {
  if (eligible.length === 0) return [];
  return Array.from({ length: count }, () => eligible[Math.floor(random() * eligible.length)]!);
}
