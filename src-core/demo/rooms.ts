import type { Rng } from './rng';
import type { ClassModel } from './structure';

/**
 * Rooms of the demo school. Every class has a home room it shares with a class of the other shift; lessons that
 * need special rooms draw from pools: gyms for PE, computer rooms for informatics and digital literacy, small
 * language rooms for the second half of a split English class. Science labs and the ICT hall are used when free.
 */
export type RoomPool = 'gym' | 'computer' | 'language' | 'physics_lab' | 'chemistry_lab' | 'biology_lab' | 'ict_hall';

export interface RoomModel {
  idx: number;
  number: string;
  kind: 'classroom' | 'ict' | 'lab' | 'gym' | 'library' | 'medical' | 'office' | 'assembly';
  floor: number;
  capacity: number;
  board: boolean;
  podium: boolean;
  pool: RoomPool | null;
}

/** Lessons a week that need a room of each hard pool, in the busier shift. */
export interface PoolDemand { gym: number; computer: number; language: number }

/** A pool with this many rooms keeps its use to about 2/3 of the 35 periods of a shift. */
const roomsFor = (lessons: number, min: number): number => Math.max(min, Math.ceil(lessons / 24));

export function buildRooms(rng: Rng, classes: ClassModel[], demand: PoolDemand): RoomModel[] {
  const rooms: RoomModel[] = [];
  const perFloor = 14;
  let counter = 0;
  const add = (r: Omit<RoomModel, 'idx' | 'number' | 'floor'>, number?: string): RoomModel => {
    const floor = 1 + Math.floor(counter / perFloor);
    const room: RoomModel = { idx: rooms.length, number: number ?? String(floor * 100 + (counter % perFloor) + 1), floor, ...r };
    counter++;
    rooms.push(room);
    return room;
  };
  add({ kind: 'medical', capacity: 4, board: false, podium: false, pool: null });
  add({ kind: 'office', capacity: 6, board: false, podium: false, pool: null });
  add({ kind: 'library', capacity: 30, board: true, podium: false, pool: null });

  // Home rooms: shift-1 class i and shift-2 class i share room i; primary grades take the low numbers.
  const byShift = (s: 1 | 2): ClassModel[] => classes.filter((c) => c.shift === s);
  const s1 = byShift(1);
  const s2 = byShift(2);
  const homeCount = Math.max(s1.length, s2.length);
  for (let i = 0; i < homeCount; i++) {
    const room = add({ kind: 'classroom', capacity: 30, board: rng.chance(0.7), podium: false, pool: null });
    const a = s1[i];
    const b = s2[i];
    if (a) a.homeRoom = room.idx;
    if (b) b.homeRoom = room.idx;
  }
  for (let i = 0; i < roomsFor(demand.language, 1); i++) add({ kind: 'classroom', capacity: 16, board: rng.chance(0.5), podium: false, pool: 'language' });
  for (let i = 0; i < roomsFor(demand.computer, 2); i++) add({ kind: 'ict', capacity: 24, board: true, podium: false, pool: 'computer' });
  add({ kind: 'ict', capacity: 60, board: true, podium: true, pool: 'ict_hall' });
  add({ kind: 'lab', capacity: 30, board: true, podium: false, pool: 'physics_lab' });
  add({ kind: 'lab', capacity: 30, board: true, podium: false, pool: 'chemistry_lab' });
  add({ kind: 'lab', capacity: 30, board: true, podium: false, pool: 'biology_lab' });
  add({ kind: 'office', capacity: 4, board: false, podium: false, pool: null });
  add({ kind: 'office', capacity: 4, board: false, podium: false, pool: null });
  // Gyms and the assembly hall are numbered apart, on the ground floor.
  const gyms = roomsFor(demand.gym, 1);
  for (let i = 0; i < gyms; i++) {
    rooms.push({ idx: rooms.length, number: `СЗ-${i + 1}`, kind: 'gym', floor: 1, capacity: 60, board: false, podium: false, pool: 'gym' });
  }
  rooms.push({ idx: rooms.length, number: 'АЗ', kind: 'assembly', floor: 1, capacity: 250, board: false, podium: true, pool: null });
  return rooms;
}

/** The pool a lesson of a subject draws its room from; `hard` pools must have a free room, soft ones fall back home. */
export function poolOf(code: string, group: 1 | 2 | null): { pool: RoomPool; hard: boolean } | null {
  switch (code) {
    case 'pe': return { pool: 'gym', hard: true };
    case 'informatics': case 'digital_literacy': return { pool: 'computer', hard: true };
    case 'english': return group === 2 ? { pool: 'language', hard: true } : null;
    case 'physics': return { pool: 'physics_lab', hard: false };
    case 'chemistry': return { pool: 'chemistry_lab', hard: false };
    case 'biology': case 'natural_science': return { pool: 'biology_lab', hard: false };
    case 'global_competences': case 'history_kz': return { pool: 'ict_hall', hard: false };
    default: return null;
  }
}
