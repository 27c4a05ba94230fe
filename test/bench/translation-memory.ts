/**
 * Benchmark: fuzzy-match lookup in a translation memory of 50,000 certified sentence pairs (the issue's figure), in
 * this process. The memory is built from generated pairs (lib/sentence-pairs.ts: template notices in he/ar/en with
 * times, places, counts and plates), then asked for the sentence being translated: a stored one unchanged, with a
 * number changed, a word dropped or a clause added, or a new sentence of the same kind.
 * Baseline, same run, same queries: a plain linear scan scoring the same similarity (same folding, same bounded edit
 * distance with its early exit, keys precomputed) against every stored sentence of the language pair. Its answers are
 * also the reference for the index's: the trigram ranking is a heuristic, and the notes say how often it agreed.
 * Heap: measured after a forced GC, for the generated pairs alone and for the memory built from them.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { type MatchKey, matchKey, similarity } from '../../electron/common/translation/fuzzy-match';
import { type FuzzyMatch, TranslationMemory } from '../../electron/common/translation/translation-memory';
import type { TranslationPair } from '../../electron/common/translation/translation-pair';
import type { Language } from '../../electron/common/settings';
import { prng } from './browser/corpus';
import { nearQuery, sentencePair } from './lib/sentence-pairs';
import { percentile, round } from './lib/stats';
import type { Benchmark, BenchResult } from './lib/types';

const COUNT = 50_000;
const QUERIES = 300;
const WARMUP = 30;
const SEED = 23;
const LIMIT = 5;
const MIN_SIMILARITY = 0.7;

/** Heap in use after a full collection (gc exposed on demand, so the other benchmarks run without the flag). */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

interface Query {
  readonly from: Language;
  readonly to: Language;
  readonly text: string;
  readonly kind: string;
}

function queries(pairs: readonly TranslationPair[], count: number): Query[] {
  const random = prng(SEED + 1);
  return Array.from({ length: count }, (_, q) => {
    if (random() < 0.2) {
      const fresh = sentencePair(SEED + 1, q);
      return { from: fresh.source.lang, to: fresh.target.lang, text: fresh.source.text, kind: 'new sentence' };
    }
    const stored = pairs[Math.floor(random() * pairs.length)]!;
    return { from: stored.source.lang, to: stored.target.lang, ...nearQuery(stored, random) };
  });
}

/** The scan baseline: every stored sentence of the language pair, keyed once, each scored in full on every query. */
class LinearScan {
  private readonly sides: { key: MatchKey; from: Language; to: Language; certifiedAt: number; text: string }[] = [];

  constructor(pairs: readonly TranslationPair[]) {
    for (const pair of pairs) {
      for (const [side, other] of [
        [pair.source, pair.target],
        [pair.target, pair.source],
      ] as const) {
        this.sides.push({ key: matchKey(side.text), from: side.lang, to: other.lang, certifiedAt: pair.certifiedAt, text: other.text });
      }
    }
  }

  lookup(query: Query): { similarity: number; text: string }[] {
    const key = matchKey(query.text);
    const found: { similarity: number; certifiedAt: number; text: string }[] = [];
    for (const side of this.sides) {
      if (side.from !== query.from || side.to !== query.to) continue;
      const score = similarity(key, side.key, MIN_SIMILARITY);
      if (score !== null) found.push({ similarity: score.similarity, certifiedAt: side.certifiedAt, text: side.text });
    }
    return found.sort((a, b) => b.similarity - a.similarity || b.certifiedAt - a.certifiedAt).slice(0, LIMIT);
  }
}

const timed = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
};

/** Wall time and this process's CPU time (ms): on a shared, loaded machine the second is the steadier figure. */
const timedWithCpu = <T>(work: () => T): [T, number, number] => {
  const cpuBefore = process.cpuUsage();
  const [result, wallMs] = timed(work);
  const cpu = process.cpuUsage(cpuBefore);
  return [result, wallMs, (cpu.user + cpu.system) / 1000];
};

/** The index found the scan's best similarity, and as many matches (the order among equal scores may differ). */
const agrees = (index: readonly FuzzyMatch[], scan: readonly { similarity: number }[]): boolean =>
  index.length === scan.length && index.every((match, k) => Math.abs(match.similarity - scan[k]!.similarity) < 1e-12);

async function run(): Promise<BenchResult> {
  const heapBefore = heapAfterGc();
  const pairs = Array.from({ length: COUNT }, (_, i) => sentencePair(SEED, i));
  const heapPairs = heapAfterGc();
  const memory = new TranslationMemory();
  const [, buildMs] = timed(() => pairs.forEach((pair) => memory.add(pair)));
  const heapMemory = heapAfterGc();
  // The memory keeps a pair certified twice once; the scan must see the same pairs to give the same answers.
  const scan = new LinearScan(memory.serialize().pairs);
  const [restored, restoreMs] = timed(() => TranslationMemory.fromSerialized(JSON.parse(JSON.stringify(memory.serialize()))));

  const asked = queries(pairs, WARMUP + QUERIES);
  const samples: { kind: string; indexMs: number; indexCpuMs: number; scanMs: number; scanCpuMs: number; found: number; agreed: boolean }[] = [];
  for (const [q, query] of asked.entries()) {
    const [indexed, indexMs, indexCpuMs] = timedWithCpu(() => memory.lookup(query.from, query.to, query.text, { limit: LIMIT, minSimilarity: MIN_SIMILARITY }));
    const [scanned, scanMs, scanCpuMs] = timedWithCpu(() => scan.lookup(query));
    if (q >= WARMUP) samples.push({ kind: query.kind, indexMs, indexCpuMs, scanMs, scanCpuMs, found: indexed.length, agreed: agrees(indexed, scanned) });
  }
  const probe = asked[WARMUP]!;
  if (JSON.stringify(restored.lookup(probe.from, probe.to, probe.text)) !== JSON.stringify(memory.lookup(probe.from, probe.to, probe.text))) {
    throw new Error('the memory restored from its serialized form answered differently');
  }

  const index = samples.map((s) => s.indexMs);
  const linear = samples.map((s) => s.scanMs);
  const indexCpu = samples.map((s) => s.indexCpuMs);
  const scanCpu = samples.map((s) => s.scanCpuMs);
  const agreed = samples.filter((s) => s.agreed).length;
  const kinds = [...new Set(samples.map((s) => s.kind))].sort();
  const mb = (bytes: number) => bytes / 2 ** 20;
  return {
    rows: [
      { metric: `p95 fuzzy lookup (${COUNT} pairs)`, value: percentile(index, 95), unit: 'ms', baseline: { name: 'linear scan, same similarity', value: percentile(linear, 95) }, target: null },
      { metric: `p50 fuzzy lookup (${COUNT} pairs)`, value: percentile(index, 50), unit: 'ms', baseline: { name: 'linear scan, same similarity', value: percentile(linear, 50) }, target: null },
      { metric: 'heap of the memory (pairs, keys, index)', value: mb(heapMemory - heapPairs), unit: 'MB', baseline: { name: 'the generated pairs alone', value: mb(heapPairs - heapBefore) }, target: null },
    ],
    notes: [
      `${QUERIES} lookups after ${WARMUP} warm-up, limit ${LIMIT}, min similarity ${MIN_SIMILARITY}; by kind: ${kinds
        .map((kind) => {
          const of = samples.filter((s) => s.kind === kind);
          return `${kind} ${of.length}x p95 ${percentile(of.map((s) => s.indexMs), 95).toFixed(2)} ms`;
        })
        .join('; ')}`,
      `the index gave the scan's answer (same number of matches, same similarities in order) for ${agreed} of ${QUERIES} lookups; matches per lookup p50 ${percentile(samples.map((s) => s.found), 50)}`,
      `building the memory: ${(buildMs / 1000).toFixed(1)} s for ${COUNT} pairs (${((1000 * buildMs) / COUNT).toFixed(0)} µs each: validation, folding, indexing both sides); rebuilding it from its serialized JSON: ${(restoreMs / 1000).toFixed(1)} s`,
      `max lookup ${Math.max(...index).toFixed(1)} ms, scan max ${Math.max(...linear).toFixed(0)} ms; process CPU time per lookup (steadier than wall time on a loaded machine): p50 ${percentile(indexCpu, 50).toFixed(2)} / p95 ${percentile(indexCpu, 95).toFixed(2)} ms, scan p50 ${percentile(scanCpu, 50).toFixed(0)} / p95 ${percentile(scanCpu, 95).toFixed(0)} ms`,
    ],
    details: {
      count: COUNT,
      queries: QUERIES,
      buildMs: round(buildMs),
      restoreMs: round(restoreMs),
      heapBytes: { pairs: heapPairs - heapBefore, memory: heapMemory - heapPairs },
      agreed,
      p50: { index: percentile(index, 50), scan: percentile(linear, 50) },
      cpuMs: { index: { p50: percentile(indexCpu, 50), p95: percentile(indexCpu, 95) }, scan: { p50: percentile(scanCpu, 50), p95: percentile(scanCpu, 95) } },
      samples: samples.map((s) => ({ kind: s.kind, found: s.found, agreed: s.agreed, indexMs: round(s.indexMs, 3), scanMs: round(s.scanMs, 2) })),
    },
  };
}

export const translationMemory: Benchmark = {
  name: 'translation-memory',
  title: 'fuzzy-match lookup in a translation memory of 50,000 pairs',
  budgetMs: 300_000,
  run,
};
