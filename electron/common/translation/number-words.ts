// Small numbers written as words (one to ten) in the three languages. They are read only to excuse a digit on the
// other side ("two patrols" / "2 סיורים"), never to demand one: a word such as "one", "שני" (second, Monday) or "ست"
// (lady) is far too often not a number for its absence to be a fault.

// Folded spellings (see scanned-text.ts).
const WORDS: readonly (readonly string[])[] = [
  ['one', 'אחד', 'אחת', 'واحد', 'واحده'],
  ['two', 'שניים', 'שתיים', 'שני', 'שתי', 'اثنان', 'اثنين', 'اثنتان', 'اثنتين'],
  ['three', 'שלוש', 'שלושה', 'שלושת', 'ثلاث', 'ثلاثه'],
  ['four', 'ארבע', 'ארבעה', 'ארבעת', 'اربع', 'اربعه'],
  ['five', 'חמש', 'חמישה', 'חמשת', 'خمس', 'خمسه'],
  ['six', 'שש', 'שישה', 'ששת', 'ست', 'سته'],
  ['seven', 'שבע', 'שבעה', 'שבעת', 'سبع', 'سبعه'],
  ['eight', 'שמונה', 'שמונת', 'ثماني', 'ثمانيه', 'ثمان'],
  ['nine', 'תשע', 'תשעה', 'תשעת', 'تسع', 'تسعه'],
  ['ten', 'עשר', 'עשרה', 'עשרת', 'عشر', 'عشره'],
];
const VALUE_OF = new Map(WORDS.flatMap((words, index) => words.map((word) => [word, index + 1] as const)));

/** A word of the folded text: Latin, Hebrew or Arabic letters (marks are folded away). Explicit ranges, not \p{L}:
 * a property class at the start of a pattern is tried at every position and is slow (see scanned-text.ts). */
export const WORD = String.raw`[a-z\u05D0-\u05EA\u0621-\u064A]+`;

// A one-letter prefix: Hebrew ו, ה, ב, ל, מ, ש, כ; Arabic و, ب.
const PREFIX = /^[ובלהמשכوب]/u;

/** The word itself, or without a one-letter prefix, looked up in a table. */
export function lookUpWord<T>(table: ReadonlyMap<string, T>, word: string): T | undefined {
  return table.get(word) ?? (PREFIX.test(word) ? table.get(word.slice(1)) : undefined);
}

export const numberWordValue = (word: string): number | null => lookUpWord(VALUE_OF, word) ?? null;
