// The numbers left once coordinates, DTGs, dates, times and quantities are taken: digits of any set (already ASCII
// in the scanned text), '.' (or the Arabic ٫) as the decimal separator, ',' (or the Arabic ٬) as the thousands
// separator only before exactly three digits. So "1,500", "١٬٥٠٠" and "1500" are one value, while "1.500" is one and
// a half in every language: reading it as fifteen hundred in one language and not in another would let a factor of
// a thousand through. Signs are not read: a '-' between numbers is a range far more often than a negative value.
import { numberWordValue, WORD } from './number-words';
import { LETTER_OR_DIGIT, precededBy, type ScannedText } from './scanned-text';

export interface Numbers {
  /** Written in digits: these must all be found on the other side. */
  readonly digits: readonly number[];
  /** Written as words: they only excuse a digit on the other side (see number-words.ts). */
  readonly words: readonly number[];
}

const DIGITS = /\d+(?:\.\d+)?(?!\d)/gu;
const WORDS = new RegExp(WORD, 'gu');

export function extractNumbers(scan: ScannedText): Numbers {
  const digits = scan.take(DIGITS, (m) => (precededBy(m, /[\d.]/u) ? null : { value: Number(m[0]) }));
  const words = scan.take(
    WORDS,
    (m) => {
      const value = numberWordValue(m[0]);
      return value === null || precededBy(m, LETTER_OR_DIGIT) ? null : { value };
    },
    { retryInside: false },
  );
  return { digits, words };
}
