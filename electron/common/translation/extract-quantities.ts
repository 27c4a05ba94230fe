// Quantities with units: distances (km, m, mm), masses (kg, t), volumes (litres) and durations (hours, minutes), in
// any of the three languages, abbreviated or as words ("2 km", "2 ק״מ", "2 كم", "2 kilometres", "2 קילומטר",
// "3 ساعات", "3 שעות"), and the Hebrew and Arabic duals that carry their number in the word ("שעתיים", "ساعتين").
// The unit is compared as written: "2 km" and "2,000 m" are the same distance, but a translation that converts
// units has changed the message, and the check says so.
import { lookUpWord, numberWordValue, WORD } from './number-words';
import { LETTER, LETTER_OR_DIGIT, precededBy, type ScannedText } from './scanned-text';

export const UNITS = ['km', 'm', 'mm', 'kg', 't', 'l', 'h', 'min'] as const;
export type Unit = (typeof UNITS)[number];

export interface Quantity {
  readonly value: number;
  readonly unit: Unit;
}

// Folded spellings: Hebrew abbreviations lose their gershayim (ק״מ → קמ), Arabic its hamza and teh marbuta.
const UNIT_WORDS: Readonly<Record<Unit, readonly string[]>> = {
  km: ['km', 'kms', 'kilometers', 'kilometer', 'kilometres', 'kilometre', 'קמ', 'קילומטרים', 'קילומטר', 'كم', 'كلم', 'كيلومترات', 'كيلومترا', 'كيلومتر'],
  m: ['m', 'meters', 'meter', 'metres', 'metre', 'מטרים', 'מטר', "מ'", 'מ׳', 'م', 'امتار', 'مترات', 'مترا', 'متر'],
  mm: ['mm', 'millimeters', 'millimeter', 'millimetres', 'millimetre', 'ממ', 'מילימטר', 'ملم', 'مم', 'مليمتر', 'ميليمتر'],
  kg: ['kg', 'kgs', 'kilograms', 'kilogram', 'kilogrammes', 'kilos', 'kilo', 'קג', 'קילוגרמים', 'קילוגרם', 'קילו', 'كغ', 'كجم', 'كلغ', 'كيلوغرامات', 'كيلوغرام', 'كيلوجرام', 'كيلو'],
  t: ['t', 'tons', 'ton', 'tonnes', 'tonne', 'טונות', 'טון', 'طن', 'اطنان', 'طنا'],
  l: ['l', 'liters', 'liter', 'litres', 'litre', 'ליטרים', 'ליטר', 'لترات', 'لترا', 'لتر', 'ليترات', 'ليتر'],
  h: ['h', 'hrs', 'hr', 'hours', 'hour', 'שעות', 'שעה', 'ساعات', 'ساعه'],
  min: ['min', 'mins', 'minutes', 'minute', 'דקות', 'דקה', 'دقائق', 'دقايق', 'دقيقه'],
};
const DUALS: ReadonlyMap<string, Unit> = new Map<string, Unit>([
  ['שעתיים', 'h'],
  ['ساعتين', 'h'],
  ['ساعتان', 'h'],
  ['دقيقتين', 'min'],
  ['دقيقتان', 'min'],
  ['كيلومترين', 'km'],
  ['كيلومتران', 'km'],
  ['مترين', 'm'],
  ['متران', 'm'],
  ['طنين', 't'],
  ['لترين', 'l'],
]);

const UNIT_OF = new Map(Object.entries(UNIT_WORDS).flatMap(([unit, words]) => words.map((word) => [word, unit as Unit] as const)));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT = [...UNIT_OF.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');

// Digits, then the unit (Hebrew puts a hyphen or maqaf between, English sometimes too). The unit must end the word,
// so "2 mm" is not "2 m" and "3 מטרים" not "3 מ'".
const DIGIT_QUANTITY = new RegExp(String.raw`(\d+(?:\.\d+)?) ?[-\u05BE]? ?(${UNIT})(?![${LETTER}])`, 'gu');
// A word, with the next word if any (the unit, if the first is a number word) looked at but not taken: words are
// read one at a time, so that "at two hours" still finds "two hours".
const WORD_QUANTITY = new RegExp(String.raw`(${WORD})(?=(?:( ?[-\u05BE]? ?)(${WORD}['׳]?))?)`, 'gu');

const UNIT_AHEAD = new RegExp(String.raw`^ ?[-\u05BE]? ?(${UNIT})(?![${LETTER}])`, 'u');

/** The unit at the start of `rest` (the text after a number), if one is there. */
export const unitAt = (rest: string): Unit | null => UNIT_OF.get(UNIT_AHEAD.exec(rest)?.[1] ?? '') ?? null;

export function extractQuantities(scan: ScannedText): Quantity[] {
  const written = scan.take(DIGIT_QUANTITY, (m) => {
    const unit = UNIT_OF.get(m[2] ?? '');
    return unit === undefined || precededBy(m, /[\d.]/u) ? null : { value: { value: Number(m[1]), unit } };
  });
  // One pass over the words for both: a dual ("שעתיים"), or a number word with its unit ("two hours").
  const inWords = scan.take(
    WORD_QUANTITY,
    (m) => {
      if (precededBy(m, LETTER_OR_DIGIT)) return null;
      const dual = lookUpWord(DUALS, m[1] ?? '');
      if (dual !== undefined) return { value: { value: 2, unit: dual } };
      const value = numberWordValue(m[1] ?? '');
      const unit = UNIT_OF.get(m[3] ?? '');
      if (value === null || unit === undefined) return null;
      return { value: { value, unit }, trailing: (m[2] ?? '').length + (m[3] ?? '').length };
    },
    { retryInside: false },
  );
  return [...written, ...inWords];
}
