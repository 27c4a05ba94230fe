/**
 * The channel's translation memory on this device: the certified sentence pairs of every certified translation it
 * holds. The pairs live in the vault inside the messages' sealed records (each certified translation beside its
 * original); the memory is the index over them, rebuilt in memory on each unlock as the inbox is indexed and kept up
 * to date by every commit, never written out in the clear.
 */
import { alignSegments } from '../../../electron/common/translation/align';
import { segmentSentences } from '../../../electron/common/translation/segment';
import { TranslationMemory, type FuzzyMatch } from '../../../electron/common/translation/translation-memory';
import { MAX_SEGMENT_LENGTH, type TranslationPair } from '../../../electron/common/translation/translation-pair';
import type { Language } from '../../../electron/common/settings';
import type { StoredMessage } from '../messages/message-view';
import { decidingReview } from '../messages/translation-view';

/** The sentence pairs of a message's certified translations: the subjects, and the bodies' sentences one to one. */
export function certifiedPairs(message: StoredMessage): TranslationPair[] {
  const pairs: TranslationPair[] = [];
  for (const translation of message.translations) {
    const review = decidingReview(translation);
    if (review?.verdict !== 'certified') continue;
    const pair = (source: string, target: string) => {
      if (source.trim() === '' || target.trim() === '' || source.length > MAX_SEGMENT_LENGTH || target.length > MAX_SEGMENT_LENGTH) return;
      pairs.push({ source: { lang: message.lang, text: source.trim() }, target: { lang: translation.lang, text: target.trim() }, certifiedAt: review.at, messageId: message.id });
    };
    pair(message.subject, translation.subject);
    const source = segmentSentences(message.body);
    const target = segmentSentences(translation.body);
    // Only one-to-one groups make pairs: a sentence split or merged in translation is not a reusable unit.
    for (const group of alignSegments(source, target)) {
      if (group.source.length === 1 && group.target.length === 1) pair(source[group.source[0]!]!.text, target[group.target[0]!]!.text);
    }
  }
  return pairs;
}

export class MemoryKeeper {
  #memory = new TranslationMemory();

  /** Feeds the memory a message as stored (idempotent: a pair held already is kept once). */
  add(message: StoredMessage): void {
    for (const pair of certifiedPairs(message)) this.#memory.add(pair);
  }

  lookup(sourceLang: Language, targetLang: Language, sentence: string): FuzzyMatch[] {
    return this.#memory.lookup(sourceLang, targetLang, sentence);
  }

  /** Every pair held, for an export. */
  pairs(): TranslationPair[] {
    return this.#memory.serialize().pairs;
  }

  get size(): number {
    return this.#memory.size;
  }
}
