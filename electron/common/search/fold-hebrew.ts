/**
 * Folds Hebrew as typed with and without vowel points onto one form: niqqud and cantillation are dropped, and the
 * geresh/gershayim of acronyms (צה״ל, typed צה"ל or צהל) are removed so the acronym is one word. Search-only.
 */

// The combining marks of U+0591–05C7: cantillation (U+0591–05AF), niqqud, dagesh, rafe, shin/sin dots, upper and
// lower dots, qamats qatan. Matched by property, so the punctuation sharing that range (maqaf U+05BE, paseq U+05C0,
// sof pasuq U+05C3, nun hafukha U+05C6) stays and separates words as punctuation should.
const HEBREW_MARK = /(?=[\u0591-\u05C7])\p{Mn}/gu;

// Geresh, gershayim, and the ASCII and typographic quotes typed in their place, but only between two Hebrew letters
// (inside an acronym or abbreviation), never where they open or close a quotation.
const ACRONYM_MARK = /(?<=[\u05D0-\u05EA])[\u05F3\u05F4"'\u2019\u201D](?=[\u05D0-\u05EA])/gu;

export function foldHebrew(text: string): string {
  return text.replace(HEBREW_MARK, '').replace(ACRONYM_MARK, '');
}
