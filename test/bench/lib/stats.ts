/** Small statistics for benchmark samples. */

/** Nearest-rank percentile (p in 0..100): always a value that was actually observed, never an interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const mean = (samples: readonly number[]): number => samples.reduce((sum, x) => sum + x, 0) / samples.length;

/** p50 and p99 of a phase, rounded for the JSON. */
export const summary = (samples: readonly number[]) => ({ p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)), n: samples.length });

export const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
