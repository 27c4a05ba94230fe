/**
 * How alike two sentences are, for translation-memory matches: 1 for the same sentence however it was typed, less the
 * more a translator would have to change.
 *
 * Both sentences are folded as search folds them (search/normalize.ts: case, Arabic diacritics and letter shapes,
 * Hebrew niqqud, digit sets, invisible controls), reduced to their words (punctuation does not count), and every number
 * is replaced by one placeholder character. Similarity is 1 − (character edit distance ÷ the longer length), minus
 * NUMBER_PENALTY for each number that differs: "same sentence, different number" is a strong match, flagged so the
 * translator checks the number, yet never a 100% match. Character-level distance rather than word-level because
 * Hebrew and Arabic attach prepositions, articles and conjunctions to the word (ו־, ה־, ال, و), which word-level
 * distance would count as whole new words.
 */
import { normalizeForSearch } from '../search/normalize';

/** What a sentence is compared by; computed once per stored sentence. */
export interface MatchKey {
  /** Folded words joined by single spaces, each number replaced by NUMBER_PLACEHOLDER. */
  readonly masked: string;
  /** The numbers, folded (ASCII digits, no group separators), in order. */
  readonly numbers: readonly string[];
}

export interface Similarity {
  /** In [0, 1]; 1 only for the same words and the same numbers. */
  readonly similarity: number;
  readonly numbersDiffer: boolean;
}

/** Per differing number: enough to rank a sentence with the right numbers above one without, no more. */
export const NUMBER_PENALTY = 0.02;

// The words of folded text; a '.', ',', ':' or '/' between digits continues a number (3.5, 14:30, 15/01/2027).
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?<=\p{N})[.,:/](?=\p{N})[\p{L}\p{M}\p{N}]+)*/gu;
const NUMBER = /\d+(?:[.,:/]\d+)*/gu;
// '#' is never part of a word, so it stands for a number without colliding with text.
const NUMBER_PLACEHOLDER = '#';

export function matchKey(text: string): MatchKey {
  const numbers: string[] = [];
  const words = normalizeForSearch(text).match(WORD) ?? [];
  const masked = words
    .join(' ')
    .replace(NUMBER, (number) => {
      numbers.push(number);
      return NUMBER_PLACEHOLDER;
    });
  return { masked, numbers };
}

// Two rows of the edit-distance table, reused across calls (lookups run one at a time).
let previousRow = new Int32Array(256);
let currentRow = new Int32Array(256);

/**
 * Levenshtein distance between a and b if it is at most `max`, else some value above `max`: only the diagonal band
 * |i − j| ≤ max is computed, and the work stops once a whole row exceeds `max`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const over = max + 1;
  if (long.length - short.length > max) return over;
  if (short.length === 0) return long.length;
  if (previousRow.length <= short.length) {
    previousRow = new Int32Array(short.length * 2);
    currentRow = new Int32Array(short.length * 2);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= short.length; j += 1) previous[j] = Math.min(j, over);
  for (let i = 1; i <= long.length; i += 1) {
    const from = Math.max(1, i - max);
    const to = Math.min(short.length, i + max);
    current[from - 1] = from === 1 ? Math.min(i, over) : over;
    let rowMinimum = current[from - 1]!;
    const code = long.charCodeAt(i - 1);
    for (let j = from; j <= to; j += 1) {
      const substitution = previous[j - 1]! + (code === short.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1, over);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    // The next row reads one cell past this row's band: it must count as too far.
    if (to < short.length) current[to + 1] = over;
    if (rowMinimum > max) return over;
    [previous, current] = [current, previous];
  }
  return previous[short.length]!;
}

/** How many numbers of one sentence have no equal in the other (counting repeats), whichever side has more. */
function differingNumbers(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const unmatched = new Map<string, number>();
  for (const number of a) unmatched.set(number, (unmatched.get(number) ?? 0) + 1);
  let matched = 0;
  for (const number of b) {
    const left = unmatched.get(number) ?? 0;
    if (left > 0) {
      unmatched.set(number, left - 1);
      matched += 1;
    }
  }
  return Math.max(a.length, b.length) - matched;
}

// Keeps float error ((1 − 0.9) × 10 = 0.9999…) from costing a match that is exactly at the threshold.
const EPSILON = 1e-9;

/**
 * The lengths a sentence can have and still reach `minSimilarity` against one of `length`, since the edit distance is
 * at least the difference in length: a filter applied before any distance is computed.
 */
export const lengthWindow = (length: number, minSimilarity: number): { min: number; max: number } => ({
  min: Math.ceil(length * minSimilarity - EPSILON),
  max: minSimilarity <= 0 ? Infinity : Math.floor(length / minSimilarity + EPSILON),
});

/** The similarity of two keys, or null when it is below `minSimilarity` (found out early where possible). */
export function similarity(a: MatchKey, b: MatchKey, minSimilarity = 0): Similarity | null {
  const longest = Math.max(a.masked.length, b.masked.length);
  const maxDistance = Math.floor((1 - minSimilarity) * longest + EPSILON);
  const distance = longest === 0 ? 0 : boundedEditDistance(a.masked, b.masked, maxDistance);
  if (distance > maxDistance) return null;
  const differing = differingNumbers(a.numbers, b.numbers);
  const value = Math.max(0, (longest === 0 ? 1 : 1 - distance / longest) - NUMBER_PENALTY * differing);
  return value >= minSimilarity - EPSILON ? { similarity: value, numbersDiffer: differing > 0 } : null;
}
