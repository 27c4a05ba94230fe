/**
 * The translation memory: certified sentence pairs, and the fuzzy matches they offer for the sentence being translated
 * (DESIGN §4). In memory and pure; the core stores `serialize()`'s plain shape encrypted in the vault and rebuilds the
 * index from it with `fromSerialized` (the index is derived data, so it is never stored).
 *
 * A pair answers lookups in both directions: a certified he→en pair also helps whoever translates en→he. Each side of
 * each pair is indexed by character trigrams under its language (trigram-index.ts); a lookup ranks the sentences that
 * share the most trigrams with the query, keeps those whose length can reach the threshold, and scores only those
 * exactly (fuzzy-match.ts). The ranking is a heuristic, so a match the exact score would accept can in principle be
 * missed; the benchmark measures how often against a full scan.
 */
import { z } from 'zod';
import { lengthWindow, type MatchKey, matchKey, similarity } from './fuzzy-match';
import { TranslationPair } from './translation-pair';
import { TrigramIndex } from './trigram-index';
import { LANGUAGES, type Language } from '../settings';

export interface FuzzyMatch {
  /** The stored sentence in the language asked from, and its certified translation. */
  readonly source: TranslationPair['source'];
  readonly target: TranslationPair['target'];
  readonly similarity: number;
  /** The words match better than the numbers: the translator must check the numbers of the reused translation. */
  readonly numbersDiffer: boolean;
  readonly certifiedAt: number;
  readonly messageId?: string;
}

export interface LookupOptions {
  readonly limit?: number;
  /** CAT tools default to 70%: below it, reading a match costs more than it saves. */
  readonly minSimilarity?: number;
}

export const SerializedTranslationMemory = z.object({ version: z.literal(1), pairs: z.array(TranslationPair) }).strict();
export type SerializedTranslationMemory = z.infer<typeof SerializedTranslationMemory>;

const DEFAULT_LIMIT = 5;
const DEFAULT_MIN_SIMILARITY = 0.7;
/** How many trigram-ranked candidates are scored exactly, per match asked for. */
const CANDIDATES_PER_RESULT = 20;
const MIN_CANDIDATES = 100;

/** Sides are numbered 2·pair + 0 (source) or + 1 (target), so a side knows its pair and its counterpart. */
const pairOf = (side: number): number => side >> 1;
const otherSide = (side: number): number => side ^ 1;

const identity = (pair: TranslationPair): string => JSON.stringify([pair.source.lang, pair.source.text, pair.target.lang, pair.target.text]);

export class TranslationMemory {
  private readonly pairs: TranslationPair[] = [];
  private readonly keys: MatchKey[] = [];
  private readonly byIdentity = new Map<string, number>();
  private readonly indexes = new Map<Language, TrigramIndex>();

  static fromSerialized(data: unknown): TranslationMemory {
    const memory = new TranslationMemory();
    for (const pair of SerializedTranslationMemory.parse(data).pairs) memory.insert(pair);
    return memory;
  }

  get size(): number {
    return this.pairs.length;
  }

  /**
   * Adds a certified pair (validated here: it may come from the channel). The same pair certified again is kept once,
   * with its latest certification. Returns false for such a repeat.
   */
  add(candidate: TranslationPair): boolean {
    return this.insert(TranslationPair.parse(candidate));
  }

  private insert(pair: TranslationPair): boolean {
    const existing = this.byIdentity.get(identity(pair));
    if (existing !== undefined) {
      if (pair.certifiedAt > this.pairs[existing]!.certifiedAt) this.pairs[existing] = pair;
      return false;
    }
    const index = this.pairs.length;
    this.pairs.push(pair);
    this.byIdentity.set(identity(pair), index);
    for (const [side, counterpart] of [
      [pair.source, pair.target],
      [pair.target, pair.source],
    ] as const) {
      const key = matchKey(side.text);
      // Grouped by the language of the translation, which a lookup asks for.
      this.indexFor(side.lang).add(this.keys.length, key.masked, LANGUAGES.indexOf(counterpart.lang));
      this.keys.push(key);
    }
    return true;
  }

  /** The best matches for a sentence to translate from `sourceLang` into `targetLang`, most similar (then newest) first. */
  lookup(sourceLang: Language, targetLang: Language, sentence: string, options: LookupOptions = {}): FuzzyMatch[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
    const index = this.indexes.get(sourceLang);
    if (index === undefined || limit <= 0) return [];
    const query = matchKey(sentence);
    const lengths = lengthWindow(query.masked.length, minSimilarity);
    const filter = { group: LANGUAGES.indexOf(targetLang), minLength: lengths.min, maxLength: Math.min(lengths.max, 0xffff) };
    let matches: FuzzyMatch[] = [];
    let floor = minSimilarity;
    for (const side of index.candidates(query.masked, Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT), filter)) {
      // Once `limit` matches are in hand, a candidate must at least equal the worst of them (equal: it may be newer),
      // which narrows the edit-distance band and ends hopeless comparisons sooner.
      const score = similarity(query, this.keys[side]!, floor);
      if (score === null) continue;
      matches.push(this.match(side, score.similarity, score.numbersDiffer));
      matches = matches.sort((a, b) => b.similarity - a.similarity || b.certifiedAt - a.certifiedAt).slice(0, limit);
      if (matches.length === limit) floor = matches[limit - 1]!.similarity;
    }
    return matches;
  }

  /** Every pair, in the order added: the plain shape the vault stores (validated again by `fromSerialized`). */
  serialize(): SerializedTranslationMemory {
    return { version: 1, pairs: [...this.pairs] };
  }

  private sideOf(side: number): TranslationPair['source'] {
    const pair = this.pairs[pairOf(side)]!;
    return side % 2 === 0 ? pair.source : pair.target;
  }

  private match(side: number, score: number, numbersDiffer: boolean): FuzzyMatch {
    const { certifiedAt, messageId } = this.pairs[pairOf(side)]!;
    const match = { source: this.sideOf(side), target: this.sideOf(otherSide(side)), similarity: score, numbersDiffer, certifiedAt };
    return messageId === undefined ? match : { ...match, messageId };
  }

  private indexFor(language: Language): TrigramIndex {
    let index = this.indexes.get(language);
    if (index === undefined) {
      index = new TrigramIndex();
      this.indexes.set(language, index);
    }
    return index;
  }
}
