/**
 * Which sentences of a translation render which sentences of the original, so the editor can highlight both halves
 * of the pair the caret is in. When both sides have as many sentences, they pair by index: translators keep sentence
 * order, and that is right far more often than any guess. When the counts differ (a sentence split in two, or merged,
 * or added, or the translation not finished yet), a small Gale-Church alignment pairs them by length: dynamic
 * programming over 1:1, 1:2, 2:1, 1:0 and 0:1 groups, each costing how unlikely its length ratio is (Gale & Church
 * 1993: the target length is about the source length, with variance growing with length) plus how rare the group kind
 * is. "Lite": the Gaussian's log density instead of its two-tailed probability, no 2:2 groups, and an expected length
 * ratio of 1 rather than one estimated from the two texts' totals — Hebrew, Arabic and English sentences are of
 * comparable length in characters, and the totals mislead exactly when alignment matters: a translation half written.
 * For that case, the original's last sentences may also stay unaligned at the end ("not translated yet") at half the
 * cost of an omission anywhere else.
 */
import type { Segment } from './segment';

/** One group of the alignment: sentence indices on each side (one of them may be empty). */
export interface AlignedGroup {
  readonly source: readonly number[];
  readonly target: readonly number[];
}

// Gale & Church's variance of the target/source length ratio per character, and the costs (−ln of the priors they
// measured) of each group kind.
const VARIANCE = 6.8;
const MOVES = [
  { source: 1, target: 1, cost: -Math.log(0.89) },
  { source: 1, target: 2, cost: -Math.log(0.089 / 2) },
  { source: 2, target: 1, cost: -Math.log(0.089 / 2) },
  { source: 1, target: 0, cost: -Math.log(0.0099 / 2) },
  { source: 0, target: 1, cost: -Math.log(0.0099 / 2) },
] as const;
const UNTRANSLATED_TAIL_COST = MOVES[3].cost / 2;

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);

function lengthCost(sourceLength: number, targetLength: number): number {
  if (sourceLength === 0 || targetLength === 0) return 0;
  const delta = (targetLength - sourceLength) / Math.sqrt(VARIANCE * ((sourceLength + targetLength) / 2));
  return (delta * delta) / 2;
}

function alignByLength(source: readonly Segment[], target: readonly Segment[]): AlignedGroup[] {
  const length = (segments: readonly Segment[], from: number, count: number) =>
    range(from, count).reduce((sum, index) => sum + segments[index]!.text.length, 0);
  const columns = target.length + 1;
  const best = new Float64Array((source.length + 1) * columns).fill(Infinity);
  const via = new Int8Array(best.length).fill(-1);
  best[0] = 0;
  for (let i = 0; i <= source.length; i += 1) {
    for (let j = 0; j <= target.length; j += 1) {
      for (const [m, move] of MOVES.entries()) {
        if (move.source > i || move.target > j) continue;
        const before = best[(i - move.source) * columns + j - move.target]!;
        const cost = before + move.cost + lengthCost(length(source, i - move.source, move.source), length(target, j - move.target, move.target));
        if (cost < best[i * columns + j]!) {
          best[i * columns + j] = cost;
          via[i * columns + j] = m;
        }
      }
    }
  }
  // Where the translation ends in the original: all of it, or earlier with the rest not translated yet.
  let end = source.length;
  for (let i = 0; i < source.length; i += 1) {
    const withTail = best[i * columns + target.length]! + (source.length - i) * UNTRANSLATED_TAIL_COST;
    if (withTail < best[end * columns + target.length]! + (source.length - end) * UNTRANSLATED_TAIL_COST) end = i;
  }
  const groups: AlignedGroup[] = range(end, source.length - end)
    .reverse()
    .map((index) => ({ source: [index], target: [] }));
  for (let i = end, j = target.length; i > 0 || j > 0; ) {
    const move = MOVES[via[i * columns + j]!]!;
    i -= move.source;
    j -= move.target;
    groups.push({ source: range(i, move.source), target: range(j, move.target) });
  }
  return groups.reverse();
}

export function alignSegments(source: readonly Segment[], target: readonly Segment[]): AlignedGroup[] {
  if (source.length === target.length) return source.map((_, index) => ({ source: [index], target: [index] }));
  return alignByLength(source, target);
}

/** The sentences on the other side that go with sentence `index` of `side` (empty when it has no counterpart). */
export function counterpartOf(groups: readonly AlignedGroup[], side: 'source' | 'target', index: number): readonly number[] {
  const other = side === 'source' ? 'target' : 'source';
  return groups.find((group) => group[side].includes(index))?.[other] ?? [];
}
