/**
 * Folds Arabic spellings that readers treat as the same word onto one form, so a search matches however the word was
 * typed: vocalised or not, stretched with tatweel or not, with any of the alef, yaa or kaf shapes keyboards produce.
 * Search-only: the text a user sees is never changed.
 */

// Combining marks of the Arabic blocks: harakat and tanween (U+064B–065F, which include the combining hamza and
// madda), superscript alef (U+0670), Quranic annotation signs (U+0610–061A, U+06D6–06ED) and the marks of Arabic
// Extended-A. Matched by property inside the blocks rather than listed, so no mark of these blocks is forgotten.
const ARABIC_MARK = /(?=[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08CA-\u08FF])[\p{Mn}\p{Me}]/gu;

// U+06E5 and U+06E6 (small waw, small yeh) are letters by category but are Quranic annotation, like the marks above.
const QURANIC_SMALL_LETTERS = /[\u06E5\u06E6]/gu;

const TATWEEL = /\u0640/gu;

const LETTER_FOLDS: Readonly<Record<string, string>> = {
  // Alef with hamza above or below, with madda, wasla and the wavy-hamza forms: written interchangeably.
  '\u0622': '\u0627',
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0671': '\u0627',
  '\u0672': '\u0627',
  '\u0673': '\u0627',
  // Alef maqsura and the Farsi yeh (Persian-layout keyboards) are typed for final yaa.
  '\u0649': '\u064A',
  '\u06CC': '\u064A',
  // Keheh (Persian-layout keyboards) for kaf.
  '\u06A9': '\u0643',
  // Teh marbuta for heh: the two are commonly written for each other at the end of a word, so a reader types either.
  // Folding them costs little precision (the forms rarely distinguish two different words) for much recall.
  '\u0629': '\u0647',
};
const FOLDABLE_LETTER = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/** Expects NFC/NFKC text (precomposed hamza forms), which is what `normalizeForSearch` gives it. */
export function foldArabic(text: string): string {
  return text
    .replace(FOLDABLE_LETTER, (ch) => LETTER_FOLDS[ch] ?? ch)
    .replace(ARABIC_MARK, '')
    .replace(QURANIC_SMALL_LETTERS, '')
    .replace(TATWEEL, '');
}
