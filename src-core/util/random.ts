/** A random number source in [0, 1): Math.random, or a seeded one so that a run can be repeated. */
export type Random = () => number;

/** mulberry32: a small seedable generator (the board's pupil picker, the sync fault harness). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
