// What every location parser does to typed or pasted text first, so that the MGRS and lat/long grammars only ever see
// ASCII digits, single spaces and upper-case Latin letters.

import { normalizeDigits } from '../digits';

/** Longer than any location anyone types; refusing early keeps the parsers' work bounded on pasted junk. */
export const MAX_LOCATION_LENGTH = 200;

/**
 * Digits of all three scripts become ASCII (and U+066B a decimal point, via normalizeDigits); the Arabic comma and
 * semicolon become ',' and ';'. Bidi marks (LRM, RLM, ALM) are dropped wherever they are: they are invisible and
 * RTL editors scatter them around numbers, so a reference copied from Arabic or Hebrew text often carries them
 * between its parts. Runs of whitespace become one space; Latin letters are upper-cased (hemispheres and grid
 * letters are case-insensitive; Arabic and Hebrew have no case).
 */
export function cleanLocationText(text: string): string {
  return normalizeDigits(text.replace(/[\u200E\u200F\u061C]/gu, ''))
    .replaceAll('\u060C', ',')
    .replaceAll('\u061B', ';')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase();
}
