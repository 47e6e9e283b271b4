import type { Rng } from './rng';
import type { RoomPool } from './rooms';

/**
 * The weekly timetable solver: iterative forward search with conflict-directed ejection (greedy placement; when a
 * lesson has no free slot it takes the least-conflicting one and the lessons in its way go back to the queue),
 * restarted with a fresh random stream if it does not converge.
 *
 * Hard constraints: a class's days are compact (periods 1 … dayLength, no gaps for pupils); no class, teacher or
 * room in two places at once (both shifts share one time line: shift 2 starts after shift 1 ends, so time slot =
 * day × 14 + (shift − 1) × 7 + period); a subject at most `limitPerDay` times a day; a half-hour lesson (odd weeks
 * only) is the last lesson of its day, so that in even weeks the day just ends earlier. Both halves of a split
 * class are one block: the same slot, two teachers, two rooms.
 */
export interface TtEntry { assignment: number; teacher: number; pool: RoomPool | null; hard: boolean }
export interface TtBlock { classIdx: number; subject: number; limitPerDay: number; half: boolean; entries: TtEntry[] }
export interface TtInput {
  classes: { shift: 1 | 2; dayLengths: number[]; homeRoom: number }[];
  blocks: TtBlock[];
  teachers: number;
  subjects: number;
  rooms: { pool: RoomPool | null }[];
}
/** day 0 = Monday; period 0 = the first of the shift; rooms[i] for blocks' entries[i]. */
export interface TtPlacement { day: number; period: number; rooms: number[] }

const DAYS = 5;
const PERIODS = 7;
const SLOTS = DAYS * 2 * PERIODS;

export function solveTimetable(input: TtInput, rngs: () => Rng, attempts = 12): TtPlacement[] {
  let lastUnplaced = 0;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const result = attemptSolve(input, rngs());
    if (Array.isArray(result)) return result;
    lastUnplaced = result.unplaced;
  }
  throw new Error(`timetable: no clash-free timetable found (${lastUnplaced} lessons left unplaced)`);
}

function attemptSolve(input: TtInput, rng: Rng): TtPlacement[] | { unplaced: number } {
  const { classes, blocks, subjects } = input;
  const nB = blocks.length;
  const classGrid = new Int32Array(classes.length * DAYS * PERIODS).fill(-1);
  const teacherGrid = new Int32Array(input.teachers * SLOTS).fill(-1);
  const roomGrid = new Int32Array(input.rooms.length * SLOTS).fill(-1);
  const teacherDay = new Int16Array(input.teachers * DAYS);
  const subjDay = new Int8Array(classes.length * subjects * DAYS);
  const pos = new Int32Array(nB).fill(-1);
  const placedRooms: number[][] = blocks.map(() => []);
  const assignedAt = new Int32Array(nB).fill(-1_000_000);
  const stamp = new Int32Array(nB);
  let stampNo = 0;

  const poolRooms = new Map<RoomPool, number[]>();
  input.rooms.forEach((r, i) => {
    if (r.pool) poolRooms.set(r.pool, [...(poolRooms.get(r.pool) ?? []), i]);
  });

  const timeOf = (b: TtBlock, day: number, period: number): number => day * 2 * PERIODS + ((classes[b.classIdx] as TtInput['classes'][number]).shift - 1) * PERIODS + period;

  const unassign = (bi: number): void => {
    const b = blocks[bi] as TtBlock;
    const p = pos[bi] as number;
    if (p < 0) return;
    const day = Math.floor(p / PERIODS);
    const period = p % PERIODS;
    const t = timeOf(b, day, period);
    classGrid[b.classIdx * DAYS * PERIODS + p] = -1;
    for (const e of b.entries) {
      teacherGrid[e.teacher * SLOTS + t] = -1;
      teacherDay[e.teacher * DAYS + day]!--;
    }
    for (const r of placedRooms[bi] as number[]) if ((input.rooms[r] as TtInput['rooms'][number]).pool) roomGrid[r * SLOTS + t] = -1;
    placedRooms[bi] = [];
    subjDay[(b.classIdx * subjects + b.subject) * DAYS + day]!--;
    pos[bi] = -1;
  };

  const assign = (bi: number, day: number, period: number, iter: number): void => {
    const b = blocks[bi] as TtBlock;
    const c = classes[b.classIdx] as TtInput['classes'][number];
    const t = timeOf(b, day, period);
    classGrid[b.classIdx * DAYS * PERIODS + day * PERIODS + period] = bi;
    const rooms: number[] = [];
    for (const e of b.entries) {
      teacherGrid[e.teacher * SLOTS + t] = bi;
      teacherDay[e.teacher * DAYS + day]!++;
      let room = c.homeRoom;
      if (e.pool) {
        const free = (poolRooms.get(e.pool) ?? []).find((r) => roomGrid[r * SLOTS + t] === -1);
        if (free !== undefined) room = free;
        else if (e.hard) throw new Error('timetable: internal error, no free room after ejection');
      }
      if ((input.rooms[room] as TtInput['rooms'][number]).pool) roomGrid[room * SLOTS + t] = bi;
      rooms.push(room);
    }
    placedRooms[bi] = rooms;
    subjDay[(b.classIdx * subjects + b.subject) * DAYS + day]!++;
    pos[bi] = day * PERIODS + period;
    assignedAt[bi] = iter;
  };

  /** The blocks that would have to leave for `bi` to sit at (day, period); returns the cost or -1 if impossible. */
  const conflictsAt = (bi: number, day: number, period: number, out: number[]): void => {
    out.length = 0;
    stampNo++;
    const add = (o: number): void => {
      if (o >= 0 && o !== bi && stamp[o] !== stampNo) { stamp[o] = stampNo; out.push(o); }
    };
    const b = blocks[bi] as TtBlock;
    const t = timeOf(b, day, period);
    add(classGrid[b.classIdx * DAYS * PERIODS + day * PERIODS + period] as number);
    for (const e of b.entries) add(teacherGrid[e.teacher * SLOTS + t] as number);
    // Hard room pools: enough rooms free once the blocks already leaving have left.
    for (let i = 0; i < b.entries.length; i++) {
      const e = b.entries[i] as TtEntry;
      if (!e.hard || !e.pool) continue;
      if (b.entries.findIndex((x) => x.pool === e.pool && x.hard) !== i) continue;
      const need = b.entries.filter((x) => x.pool === e.pool && x.hard).length;
      const rooms = poolRooms.get(e.pool) ?? [];
      let free = 0;
      const busy: number[] = [];
      for (const r of rooms) {
        const o = roomGrid[r * SLOTS + t] as number;
        if (o === -1 || stamp[o] === stampNo) free++;
        else busy.push(o);
      }
      for (let k = 0; free < need && k < busy.length; k++) {
        const o = busy[k] as number;
        if (stamp[o] !== stampNo) { add(o); free++; }
      }
    }
    // A subject at most limitPerDay times a day.
    const row = b.classIdx * DAYS * PERIODS + day * PERIODS;
    let same = 0;
    let victim = -1;
    for (let p = 0; p < PERIODS; p++) {
      const o = classGrid[row + p] as number;
      if (o >= 0 && o !== bi && stamp[o] !== stampNo && (blocks[o] as TtBlock).subject === b.subject) { same++; victim = o; }
    }
    if (same >= b.limitPerDay) add(victim);
  };

  // Hardest first: split blocks, hard rooms, half lessons; then busy teachers; ties at random.
  const teacherLoad = new Int32Array(input.teachers);
  for (const b of blocks) for (const e of b.entries) teacherLoad[e.teacher]!++;
  const keys = blocks.map((b, i) => {
    const score = b.entries.length * 4 + (b.entries.some((e) => e.hard) ? 3 : 0) + (b.half ? 2 : 0) + (b.limitPerDay > 1 ? 1 : 0)
      + Math.max(...b.entries.map((e) => teacherLoad[e.teacher] as number)) / 8;
    return { i, score, r: rng.next() };
  });
  keys.sort((a, b) => b.score - a.score || a.r - b.r);
  const order = keys.map((k) => k.i);

  const stack: number[] = [];
  let next = 0;
  const maxIter = 60 * nB + 20_000;
  const conflicts: number[] = [];
  let bestConflicts: number[] = [];
  for (let iter = 0; iter < maxIter; iter++) {
    let bi: number;
    if (stack.length > 0) bi = stack.pop() as number;
    else if (next < order.length) bi = order[next++] as number;
    else return blocks.map((_, i) => ({ day: Math.floor((pos[i] as number) / PERIODS), period: (pos[i] as number) % PERIODS, rooms: placedRooms[i] as number[] }));
    if ((pos[bi] as number) >= 0) continue;
    const b = blocks[bi] as TtBlock;
    const c = classes[b.classIdx] as TtInput['classes'][number];
    const walk = rng.next() < 0.02;
    let best = Infinity;
    let bestDay = -1;
    let bestPeriod = -1;
    for (let day = 0; day < DAYS; day++) {
      const len = c.dayLengths[day] as number;
      for (let period = b.half ? len - 1 : 0; period < len; period++) {
        conflictsAt(bi, day, period, conflicts);
        let cost = walk ? rng.next() : 0;
        if (!walk) {
          for (const o of conflicts) cost += iter - (assignedAt[o] as number) < 50 ? 40 : 10;
          for (const e of b.entries) cost += 0.3 * (teacherDay[e.teacher * DAYS + day] as number);
          cost += 2 * (subjDay[(b.classIdx * subjects + b.subject) * DAYS + day] as number);
          cost += rng.next() * 0.5;
        }
        if (cost < best) { best = cost; bestDay = day; bestPeriod = period; bestConflicts = [...conflicts]; }
      }
    }
    if (bestDay < 0) throw new Error('timetable: a class has no periods for its lessons');
    for (const o of bestConflicts) { unassign(o); stack.push(o); }
    assign(bi, bestDay, bestPeriod, iter);
  }
  let unplaced = 0;
  for (let i = 0; i < nB; i++) if ((pos[i] as number) < 0) unplaced++;
  return { unplaced: unplaced + stack.length };
}
