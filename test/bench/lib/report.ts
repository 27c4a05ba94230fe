/**
 * Printing and saving results. The table puts each figure beside its same-run baseline and the ratio the target is
 * stated in; the JSON keeps the same rows plus every benchmark's details, so runs can be compared later.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../support/vectors';
import { round } from './stats';
import type { BenchResult, Row, Target } from './types';

export const OUTPUT_FILE = path.join(repoRoot, 'test/artifacts/bench/bench.json');

export interface Outcome {
  readonly name: string;
  readonly title: string;
  readonly seconds: number;
  readonly result: BenchResult | null;
  readonly error: string | null;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

export const describeMachine = (m: ReturnType<typeof machine>): string =>
  `machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.platform}, node ${m.node}`;

const ratioOf = (row: Row): number | null => (row.baseline && row.baseline.value !== 0 ? row.value / row.baseline.value : null);

const met = (target: Target, ratio: number): boolean => (target.kind === 'at-most' ? ratio <= target.ratio : ratio >= target.ratio);

const targetText = (target: Target | null): string => (target ? `${target.kind === 'at-most' ? '<=' : '>='} ${target.ratio}x` : '-');

/** A figure with about four significant digits: 0.412, 3.27, 1843. */
const figure = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));

/** The rows as the JSON stores them: each with its ratio and whether its target was met. */
export function resolvedRows(benchmark: string, rows: readonly Row[]) {
  return rows.map((row) => {
    const ratio = ratioOf(row);
    return {
      benchmark,
      ...row,
      ratio: ratio === null ? null : round(ratio, 3),
      targetMet: row.target && ratio !== null ? met(row.target, ratio) : null,
    };
  });
}

export function formatTable(outcomes: readonly Outcome[]): string {
  const header = ['benchmark', 'metric', 'value', 'unit', 'baseline', 'baseline value', 'ratio', 'target', 'met?'];
  const lines: string[][] = [];
  for (const outcome of outcomes) {
    if (!outcome.result) {
      lines.push([outcome.name, `FAILED: ${outcome.error ?? 'unknown error'}`.slice(0, 100), '', '', '', '', '', '', '']);
      continue;
    }
    for (const row of resolvedRows(outcome.name, outcome.result.rows)) {
      lines.push([
        outcome.name,
        row.metric,
        figure(row.value),
        row.unit,
        row.baseline?.name ?? '-',
        row.baseline ? figure(row.baseline.value) : '-',
        row.ratio === null ? '-' : `${figure(row.ratio)}x`,
        targetText(row.target),
        row.targetMet === null ? '-' : row.targetMet ? 'yes' : 'NO',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const numeric = new Set([2, 5, 6]);
  const render = (cells: readonly string[]) => cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ');
  return [render(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(render)].join('\n');
}

export function formatNotes(outcomes: readonly Outcome[]): string {
  return outcomes
    .flatMap((outcome) => [`${outcome.name} (${outcome.title}, ${outcome.seconds.toFixed(1)} s):`, ...(outcome.result?.notes ?? [`  error: ${outcome.error}`]).map((note) => `  - ${note}`)])
    .join('\n');
}

export function writeJson(outcomes: readonly Outcome[], m: ReturnType<typeof machine>, startedAt: Date): string {
  const document = {
    startedAt: startedAt.toISOString(),
    machine: m,
    benchmarks: outcomes.map((outcome) => ({
      name: outcome.name,
      title: outcome.title,
      seconds: round(outcome.seconds, 1),
      error: outcome.error,
      rows: outcome.result ? resolvedRows(outcome.name, outcome.result.rows) : [],
      notes: outcome.result?.notes ?? [],
      details: outcome.result?.details ?? {},
    })),
  };
  mkdirSync(path.dirname(OUTPUT_FILE), { recursive: true });
  writeFileSync(OUTPUT_FILE, `${JSON.stringify(document, null, 2)}\n`);
  return OUTPUT_FILE;
}
