/** Similarity of sentences as a translator sees it: spelling-blind, word-order aware, numbers flagged. */
import { describe, expect, it } from 'vitest';
import { boundedEditDistance, matchKey, NUMBER_PENALTY, similarity } from '../../../../../electron/common/translation/fuzzy-match';

const score = (a: string, b: string, min = 0) => similarity(matchKey(a), matchKey(b), min);

describe('similarity', () => {
  it('is 1 for the same sentence however it is typed: case, punctuation, spacing, digits, diacritics, niqqud', () => {
    expect(score('The convoy crossed at 14:30.', 'the CONVOY crossed at ١٤:٣٠')).toEqual({ similarity: 1, numbersDiffer: false });
    expect(score('عَبَرَت القافِلةُ المَعْبَرَ', 'عبرت القافلة المعبر')).toEqual({ similarity: 1, numbersDiffer: false });
    expect(score('إلى الأمام', 'الى الامام')).toEqual({ similarity: 1, numbersDiffer: false });
    expect(score('הַמַּעֲבָר פָּתוּחַ', 'המעבר פתוח')).toEqual({ similarity: 1, numbersDiffer: false });
  });

  it('is below 1 and still high for a near sentence', () => {
    const near = score('The convoy will cross the northern gate at dawn.', 'The convoy will cross the southern gate at dawn.');
    expect(near!.similarity).toBeGreaterThan(0.85);
    expect(near!.similarity).toBeLessThan(1);
    expect(score('השיירה תעבור במעבר הצפוני', 'והשיירה תעבור במעבר הצפוני')!.similarity).toBeGreaterThan(0.95);
  });

  it('flags a sentence that differs only in its numbers, and ranks it just below the exact one', () => {
    const result = score('Twelve trucks at 14:30 on 15.01.2027, 3.5 km north.', 'Twelve trucks at 16:00 on 15.01.2027, 3.5 km north.');
    expect(result).toEqual({ similarity: 1 - NUMBER_PENALTY, numbersDiffer: true });
    expect(score('Move 1,200 m.', 'Move 1200 m.')).toEqual({ similarity: 1, numbersDiffer: false });
  });

  it('is low for unrelated sentences, and null below the threshold asked for', () => {
    expect(score('The convoy crossed at dawn.', 'Please confirm receipt of the medical report.')!.similarity).toBeLessThan(0.5);
    expect(score('The convoy crossed at dawn.', 'Please confirm receipt of the medical report.', 0.6)).toBeNull();
  });

  it('handles empty and symbol-only sentences', () => {
    expect(score('', '...')).toEqual({ similarity: 1, numbersDiffer: false });
    expect(score('', 'convoy', 0.5)).toBeNull();
  });
});

describe('boundedEditDistance', () => {
  const levenshtein = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      const next = [i];
      for (let j = 1; j <= b.length; j += 1) next[j] = Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1);
      row = next;
    }
    return row[b.length]!;
  };

  it('equals the Levenshtein distance when within the bound, and exceeds the bound otherwise', () => {
    const words = ['', 'a', 'convoy', 'convey', 'conveyor', 'קונבוי', 'the convoy left', 'convoy the left', 'abcdefghij', 'jihgfedcba', 'xxxxxxxxxxxxxxxx'];
    for (const a of words) {
      for (const b of words) {
        const exact = levenshtein(a, b);
        for (const max of [0, 1, 2, 3, 5, 8, 20]) {
          const bounded = boundedEditDistance(a, b, max);
          if (exact <= max) expect(bounded, `${a}|${b}|${max}`).toBe(exact);
          else expect(bounded, `${a}|${b}|${max}`).toBeGreaterThan(max);
        }
      }
    }
  });
});
