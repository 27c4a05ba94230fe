/**
 * Benchmark: the translation safety checks on a 200-word message (DESIGN §4: they run on every keystroke of a
 * translation, so they must cost about a millisecond or less). The messages are clean pairs of the test corpus
 * (test/fixtures/translation/corpus.jsonl) joined until the original has 200 words, in three directions (en→he,
 * he→ar, ar→en), each with its translation; every call checks the whole pair with the shipped terminology.
 * Baseline, same run, same texts, taking turns with the checks: the least any value check must do — normalizeDigits
 * on both sides and one regex scan for numbers, compared as multisets — so the ratio says what the extractors, the
 * glossary and the gazetteer add on top of reading the text once.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { normalizeDigits } from '../../electron/common/digits';
import type { Language } from '../../electron/common/settings';
import { runSafetyChecks, type TranslationUnderCheck } from '../../electron/common/translation/safety-checks';
import { shippedTerminology } from '../../electron/common/translation/terminology';
import { repoRoot } from '../support/vectors';
import type { Scope } from './lib/scope';
import { percentile, round } from './lib/stats';
import type { Benchmark, BenchResult } from './lib/types';

const WORDS = 200;
const WARMUP = 200;
const ROUNDS = 20;
/** Calls per direction per round, for the checks and for the baseline each. */
const PER_ROUND = 50;
/** Rotations of each message (more than the few texts any cache keeps). */
const VARIANTS = 12;
const DIRECTIONS: readonly (readonly [Language, Language])[] = [['en', 'he'], ['he', 'ar'], ['ar', 'en']];

interface CorpusPair extends TranslationUnderCheck {
  readonly expect: readonly string[];
}

const wordCount = (text: string): number => text.split(/\s+/u).filter((w) => w !== '').length;

/**
 * For each direction, VARIANTS messages of the same sentences in rotated order: every call sees a text it did not
 * see just before, as when a translation is typed, so no cache of the last texts (term-pattern.ts) answers for it.
 */
function messages(): TranslationUnderCheck[][] {
  const corpus = readFileSync(path.join(repoRoot, 'test/fixtures/translation/corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusPair)
    .filter((pair) => pair.expect.length === 0);
  return DIRECTIONS.map(([from, to]) => {
    const pairs = corpus.filter((p) => p.source.lang === from && p.target.lang === to);
    const chosen: CorpusPair[] = [];
    for (let i = 0; wordCount(chosen.map((p) => p.source.text).join(' ')) < WORDS; i += 1) {
      const pair = pairs[i % pairs.length];
      if (pair === undefined) throw new Error(`no clean ${from}->${to} pairs in the corpus`);
      chosen.push(pair);
    }
    return Array.from({ length: VARIANTS }, (_, v) => {
      const rotated = [...chosen.slice(v % chosen.length), ...chosen.slice(0, v % chosen.length)];
      return { source: { lang: from, text: rotated.map((p) => p.source.text).join(' ') }, target: { lang: to, text: rotated.map((p) => p.target.text).join(' ') } };
    });
  });
}

const NUMBER = /\d+(?:\.\d+)?/gu;

/** The baseline: both sides read once, their numbers compared as multisets. */
function numbersOnly(pair: TranslationUnderCheck): number {
  const counts = new Map<string, number>();
  for (const [n] of normalizeDigits(pair.source.text).matchAll(NUMBER)) counts.set(n, (counts.get(n) ?? 0) + 1);
  for (const [n] of normalizeDigits(pair.target.text).matchAll(NUMBER)) counts.set(n, (counts.get(n) ?? 0) - 1);
  let differences = 0;
  for (const count of counts.values()) differences += Math.abs(count);
  return differences;
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return (performance.now() - start) * 1000;
}

async function run(_scope: Scope): Promise<BenchResult> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const compileStart = performance.now();
  const terminology = shippedTerminology();
  const compileMs = performance.now() - compileStart;
  const variants = messages();
  const pairs = variants.map((v) => v[0]!);
  const firstCallUs = timed(() => runSafetyChecks(pairs[0]!, terminology));
  const findings = variants.flat().map((pair) => runSafetyChecks(pair, terminology).length);
  if (findings.some((n) => n > 0)) throw new Error(`the clean messages gave findings: ${findings.join(', ')}`);
  for (let i = 0; i < WARMUP; i += 1) {
    for (const of of variants) {
      runSafetyChecks(of[i % VARIANTS]!, terminology);
      numbersOnly(of[i % VARIANTS]!);
    }
  }

  const checks: number[][] = pairs.map(() => []);
  const baseline: number[][] = pairs.map(() => []);
  for (let round_ = 0; round_ < ROUNDS; round_ += 1) {
    variants.forEach((of, d) => {
      for (let i = 0; i < PER_ROUND; i += 1) checks[d]!.push(timed(() => runSafetyChecks(of[i % VARIANTS]!, terminology)));
      for (let i = 0; i < PER_ROUND; i += 1) baseline[d]!.push(timed(() => numbersOnly(of[i % VARIANTS]!)));
    });
  }
  const all = checks.flat();
  const allBaseline = baseline.flat();
  const base = { name: 'normalizeDigits + number scan, both sides', value: percentile(allBaseline, 95) };
  const label = (d: number) => DIRECTIONS[d]!.join('->');
  return {
    rows: [
      { metric: `p95 safety checks, ${WORDS}-word message`, value: percentile(all, 95), unit: 'us', baseline: base, target: null },
      { metric: `p50 safety checks, ${WORDS}-word message`, value: percentile(all, 50), unit: 'us', baseline: { ...base, value: percentile(allBaseline, 50) }, target: null },
      ...pairs.map((_, d) => ({
        metric: `p95 safety checks ${label(d)}`,
        value: percentile(checks[d]!, 95),
        unit: 'us',
        baseline: { ...base, value: percentile(baseline[d]!, 95) },
        target: null,
      })),
    ],
    notes: [
      `goal (issue): about 1 ms or less per check of a ${WORDS}-word message; p95 here ${(percentile(all, 95) / 1000).toFixed(3)} ms, max ${(Math.max(...all) / 1000).toFixed(3)} ms`,
      `messages: clean corpus pairs joined to ${pairs.map((p) => `${label(pairs.indexOf(p))} ${wordCount(p.source.text)}/${wordCount(p.target.text)} words`).join(', ')}, each in ${VARIANTS} rotations taken in turn (no call sees the text of the call before); no check gives a finding`,
      `${ROUNDS} rounds x ${PER_ROUND} calls per direction for the checks and the baseline in turn, after ${WARMUP} warm-up calls each (${all.length} timed checks)`,
      `machine load (1-minute average, ${os.cpus().length} cores): ${loadBefore.toFixed(1)} before, ${(os.loadavg()[0] ?? 0).toFixed(1)} after; on a shared machine the p95 mostly measures waiting for a core, so read the p50 and the ratio first`,
      `once per process: validating and compiling the shipped terminology (${terminology.glossary.length} entries, ${terminology.gazetteer.length} places) ${compileMs.toFixed(1)} ms; first check after it ${(firstCallUs / 1000).toFixed(1)} ms (the regular expressions are compiled by the engine on first use)`,
    ],
    details: {
      compileMs: round(compileMs),
      firstCallUs: round(firstCallUs),
      byDirection: pairs.map((_, d) => ({ direction: label(d), p50: round(percentile(checks[d]!, 50)), p95: round(percentile(checks[d]!, 95)), baselineP95: round(percentile(baseline[d]!, 95)) })),
    },
  };
}

export const translationChecks: Benchmark = {
  name: 'translation-checks',
  title: 'translation safety checks on a 200-word message',
  budgetMs: 120_000,
  run,
};
