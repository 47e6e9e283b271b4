/**
 * How a number is rounded: half up (3.5 → 4, the school's "nearest whole number"), half to even (3.5 → 4,
 * 2.5 → 2), always down, always up. Signs are kept: the grading rules only round non-negative numbers.
 */
export const ROUNDING_MODES = ['halfUp', 'halfEven', 'down', 'up'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** Digits kept before rounding, so that 78.75 computed as 78.74999999999999 still rounds as 78.75 does. */
const SIGNIFICANT_DIGITS = 12;

export function roundTo(value: number, decimals: number, mode: RoundingMode): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(SIGNIFICANT_DIGITS));
  return (Math.sign(value) * roundWhole(scaled, mode)) / factor || 0;
}

function roundWhole(x: number, mode: RoundingMode): number {
  const below = Math.floor(x);
  const fraction = x - below;
  switch (mode) {
    case 'down': return below;
    case 'up': return fraction > 0 ? below + 1 : below;
    case 'halfUp': return fraction >= 0.5 ? below + 1 : below;
    case 'halfEven': return fraction > 0.5 || (fraction === 0.5 && below % 2 === 1) ? below + 1 : below;
  }
}
