import type { summarize } from './measure';

/**
 * What a benchmark reports: run times (`summarize`), or figures of its own (bytes, rows, latencies …), each with
 * its target and whether it was met. A figure without a target is reported as 'n/a'.
 */
export type Verdict = 'met' | 'MISSED' | 'n/a';
export interface Figure { figure: string; value: number; unit: string; target: string; verdict: Verdict }
export interface FigureReport { figures: Figure[]; notes: string[] }
export type BenchOutcome = ReturnType<typeof summarize> | FigureReport;

export interface Bench { name: string; target: string; targetMs?: number; run(): Promise<BenchOutcome> }

export type Target = { atMost: number } | { atLeast: number };

export function figure(name: string, value: number, unit: string, target?: Target): Figure {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  if (!target) return { figure: name, value: rounded, unit, target: '', verdict: 'n/a' };
  if ('atMost' in target) return { figure: name, value: rounded, unit, target: `≤ ${target.atMost} ${unit}`, verdict: value <= target.atMost ? 'met' : 'MISSED' };
  return { figure: name, value: rounded, unit, target: `≥ ${target.atLeast} ${unit}`, verdict: value >= target.atLeast ? 'met' : 'MISSED' };
}

export const isFigureReport = (o: BenchOutcome): o is FigureReport => 'figures' in o;

/** A bench's verdict: MISSED when any figure with a target missed it. */
export function verdictOf(report: FigureReport): Verdict {
  if (report.figures.some((f) => f.verdict === 'MISSED')) return 'MISSED';
  return report.figures.some((f) => f.verdict === 'met') ? 'met' : 'n/a';
}

/** The p-th percentile (0–100) of some numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);
