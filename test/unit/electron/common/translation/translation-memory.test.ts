/** The translation memory: fuzzy matches for the sentence being translated, in both directions, and its stored form. */
import { describe, expect, it } from 'vitest';
import { TranslationMemory } from '../../../../../electron/common/translation/translation-memory';
import type { TranslationPair } from '../../../../../electron/common/translation/translation-pair';

const pair = (he: string, en: string, certifiedAt = 1_800_000_000_000, messageId?: string): TranslationPair => ({
  source: { lang: 'he', text: he },
  target: { lang: 'en', text: en },
  certifiedAt,
  ...(messageId === undefined ? {} : { messageId }),
});

function memoryWith(...pairs: TranslationPair[]): TranslationMemory {
  const memory = new TranslationMemory();
  for (const p of pairs) memory.add(p);
  return memory;
}

const CONVOY = pair('השיירה תעבור במעבר הצפוני בשעה 14:30.', 'The convoy will cross at the northern crossing at 14:30.', 1_800_000_000_000, 'm1');
const REPORT = pair('נא לאשר את קבלת הדוח הרפואי.', 'Please confirm receipt of the medical report.');
const PATROL = pair('הסיור יחזור לבסיס לפני השקיעה.', 'The patrol will return to base before sunset.');

describe('lookup', () => {
  const memory = memoryWith(CONVOY, REPORT, PATROL);

  it('finds the same sentence with similarity 1, with its translation and message', () => {
    expect(memory.lookup('he', 'en', 'השיירה תעבור במעבר הצפוני בשעה 14:30.')).toEqual([
      { source: CONVOY.source, target: CONVOY.target, similarity: 1, numbersDiffer: false, certifiedAt: CONVOY.certifiedAt, messageId: 'm1' },
    ]);
  });

  it('finds a near sentence below 1, and a different number as a flagged match', () => {
    const [near] = memory.lookup('he', 'en', 'השיירה תעבור במעבר הדרומי בשעה 14:30.');
    expect(near!.target.text).toBe(CONVOY.target.text);
    expect(near!.similarity).toBeLessThan(1);
    expect(near!.similarity).toBeGreaterThan(0.8);
    const [number] = memory.lookup('he', 'en', 'השיירה תעבור במעבר הצפוני בשעה 16:00.');
    expect(number).toMatchObject({ numbersDiffer: true, target: CONVOY.target });
  });

  it('finds nothing for an unrelated sentence, another language pair, or an empty memory', () => {
    expect(memory.lookup('he', 'en', 'מזג האוויר צפוי להיות נאה מחר בבוקר.')).toEqual([]);
    expect(memory.lookup('he', 'ar', CONVOY.source.text)).toEqual([]);
    expect(new TranslationMemory().lookup('en', 'he', 'anything')).toEqual([]);
  });

  it('answers in the other direction too: a he→en pair helps translating en→he', () => {
    expect(memory.lookup('en', 'he', 'Please confirm receipt of the medical report')).toEqual([
      expect.objectContaining({ source: REPORT.target, target: REPORT.source, similarity: 1 }),
    ]);
  });

  it('takes Arabic with and without diacritics as the same sentence', () => {
    const arabic = memoryWith({ source: { lang: 'ar', text: 'عَبَرَتِ القافِلَةُ المَعْبَرَ الشَّمالِيَّ.' }, target: { lang: 'en', text: 'The convoy crossed the northern crossing.' }, certifiedAt: 1 });
    expect(arabic.lookup('ar', 'en', 'عبرت القافلة المعبر الشمالي')[0]!.similarity).toBe(1);
  });

  it('ranks by similarity, then the newest certification, up to the limit', () => {
    const ranked = memoryWith(
      pair('השיירה תעבור במעבר הצפוני', 'Older', 1),
      pair('השיירה תעבור במעבר הצפוני', 'Newer', 2),
      pair('השיירה תעבור במעבר הצפוני מחר', 'Less similar', 3),
    );
    expect(ranked.lookup('he', 'en', 'השיירה תעבור במעבר הצפוני').map((m) => m.target.text)).toEqual(['Newer', 'Older', 'Less similar']);
    expect(ranked.lookup('he', 'en', 'השיירה תעבור במעבר הצפוני', { limit: 1 })).toHaveLength(1);
    expect(ranked.lookup('he', 'en', 'השיירה תעבור במעבר הצפוני', { minSimilarity: 1 })).toHaveLength(2);
  });
});

describe('add', () => {
  it('keeps a pair certified again once, with its latest certification', () => {
    const memory = memoryWith(REPORT);
    expect(memory.add({ ...REPORT, certifiedAt: REPORT.certifiedAt + 1 })).toBe(false);
    expect(memory.size).toBe(1);
    expect(memory.lookup('he', 'en', REPORT.source.text)[0]!.certifiedAt).toBe(REPORT.certifiedAt + 1);
  });

  it('refuses an invalid pair', () => {
    expect(() => new TranslationMemory().add({ ...REPORT, target: { lang: 'he', text: 'x' } })).toThrow();
    expect(() => new TranslationMemory().add({ ...REPORT, source: { lang: 'he', text: '' } })).toThrow();
  });
});

describe('serialize', () => {
  it('round-trips through JSON to a memory that answers the same', () => {
    const memory = memoryWith(CONVOY, REPORT, PATROL);
    const restored = TranslationMemory.fromSerialized(JSON.parse(JSON.stringify(memory.serialize())));
    expect(restored.serialize()).toEqual(memory.serialize());
    const query = 'הסיור יחזור לבסיס אחרי השקיעה.';
    expect(restored.lookup('he', 'en', query)).toEqual(memory.lookup('he', 'en', query));
  });

  it('refuses a stored form that is not one', () => {
    expect(() => TranslationMemory.fromSerialized({ version: 2, pairs: [] })).toThrow();
    expect(() => TranslationMemory.fromSerialized({ version: 1, pairs: [{ source: 'x' }] })).toThrow();
  });
});
