/**
 * What every benchmark module exports and returns. A benchmark never reports a bare number: each row carries the
 * baseline measured in the same run, because absolute figures on a shared 2-core machine mean little on their own.
 */
import type { Scope } from './scope';

/** A target is a bound on the ratio value / baseline (the issue states targets as ratios). */
export type Target = { readonly kind: 'at-most'; readonly ratio: number } | { readonly kind: 'at-least'; readonly ratio: number };

export interface Row {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** Null only for purely informational figures (e.g. peak RSS), which then carry no target either. */
  readonly baseline: { readonly name: string; readonly value: number } | null;
  readonly target: Target | null;
}

export interface BenchResult {
  readonly rows: Row[];
  /** One-line findings printed under the table: breakdowns, sizes, anything needed to read a ratio. */
  readonly notes: string[];
  /** Everything else worth keeping in the JSON (raw counts, durations, per-phase percentiles). */
  readonly details: Record<string, unknown>;
}

export interface Benchmark {
  /** The name used on the command line: `npm run bench -- NAME`. */
  readonly name: string;
  readonly title: string;
  /** Wall-time bound; run.ts abandons the benchmark (and tears down its processes) past it. */
  readonly budgetMs: number;
  run(scope: Scope): Promise<BenchResult>;
}
