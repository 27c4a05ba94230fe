// The corpus of test/fixtures/translation/corpus.jsonl: hotline sentences in all six directions, clean pairs and
// pairs each carrying one planted fault (named in "expect"). Every planted fault must be found under its check, and
// no clean pair flagged. Precision and recall are computed per (pair, check kind) and printed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS, type CheckKind } from '../../../../../electron/common/translation/findings';
import { runSafetyChecks } from '../../../../../electron/common/translation/safety-checks';
import type { Language } from '../../../../../electron/common/settings';

interface CorpusPair {
  readonly id: string;
  readonly source: { readonly lang: Language; readonly text: string };
  readonly target: { readonly lang: Language; readonly text: string };
  readonly expect: readonly CheckKind[];
}

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/translation/corpus.jsonl');
const corpus: CorpusPair[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as CorpusPair);

const results = corpus.map((pair) => ({ pair, found: new Set(runSafetyChecks(pair).map((f) => f.check)) }));

describe('the translation corpus', () => {
  it('is large and covers every direction and every check kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    const directions = new Set(corpus.map((p) => `${p.source.lang}>${p.target.lang}`));
    expect([...directions].sort()).toEqual(['ar>en', 'ar>he', 'en>ar', 'en>he', 'he>ar', 'he>en']);
    const clean = corpus.filter((p) => p.expect.length === 0).length;
    expect(clean / corpus.length).toBeGreaterThan(0.25);
    for (const kind of CHECK_KINDS) {
      const planted = corpus.filter((p) => p.expect.includes(kind));
      expect(planted.length, kind).toBeGreaterThanOrEqual(5);
      if (kind !== 'empty') expect(new Set(planted.map((p) => `${p.source.lang}>${p.target.lang}`)).size, kind).toBeGreaterThanOrEqual(3);
    }
  });

  it('finds every planted fault under its check, and flags no clean pair', () => {
    const missed = results.filter(({ pair, found }) => pair.expect.some((kind) => !found.has(kind))).map(({ pair, found }) => `${pair.id}: found ${[...found].join(',') || 'nothing'}`);
    const falseAlarms = results
      .filter(({ pair, found }) => [...found].some((kind) => !pair.expect.includes(kind)))
      .map(({ pair, found }) => `${pair.id}: found ${[...found].join(',')}`);
    expect(missed).toEqual([]);
    expect(falseAlarms).toEqual([]);
  });

  it('reports precision and recall', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const { pair, found } of results) {
      for (const kind of CHECK_KINDS) {
        const planted = pair.expect.includes(kind);
        if (found.has(kind) && planted) truePositives += 1;
        else if (found.has(kind)) falsePositives += 1;
        else if (planted) falseNegatives += 1;
      }
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    const clean = results.filter(({ pair }) => pair.expect.length === 0);
    console.log(
      `translation corpus: ${corpus.length} pairs (${clean.length} clean); precision ${precision.toFixed(3)} (${truePositives}/${truePositives + falsePositives}), ` +
        `recall ${recall.toFixed(3)} (${truePositives}/${truePositives + falseNegatives}); clean pairs flagged: ${clean.filter(({ found }) => found.size > 0).length}`,
    );
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });
});
