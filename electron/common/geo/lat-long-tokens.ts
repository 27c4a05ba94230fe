// The lexical layer of lat/long parsing: numbers, degree/minute/second marks, hemispheres in three scripts, signs
// and separators. Whitespace only separates tokens. Anything unknown fails the whole text: a stray letter in a
// coordinate is more likely a typo than decoration.

export type Axis = 'lat' | 'lon';

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly fraction: boolean }
  /** 0 degrees, 1 minutes, 2 seconds. */
  | { readonly kind: 'unit'; readonly unit: 0 | 1 | 2 }
  | { readonly kind: 'hemisphere'; readonly axis: Axis; readonly negative: boolean }
  /** A hemisphere word that could mean two things (Hebrew מ: מזרח east or מערב west). */
  | { readonly kind: 'ambiguousHemisphere' }
  | { readonly kind: 'sign'; readonly negative: boolean }
  | { readonly kind: 'separator' };

const NORTH = { kind: 'hemisphere', axis: 'lat', negative: false } as const;
const SOUTH = { kind: 'hemisphere', axis: 'lat', negative: true } as const;
const EAST = { kind: 'hemisphere', axis: 'lon', negative: false } as const;
const WEST = { kind: 'hemisphere', axis: 'lon', negative: true } as const;

// Arabic: the initial letters used on Arabic maps (ش شمال, ج جنوب, ق شرق, غ غرب) and the words, bare or with the
// adverbial alif (شمالاً). The four initials are distinct, so all are accepted.
// Hebrew: צ (צפון) and ד (דרום) are unambiguous, but east (מזרח) and west (מערב) share their initial, so those two
// are accepted only as words, and a lone מ is reported as ambiguous rather than guessed.
const HEMISPHERE_WORDS: ReadonlyMap<string, Token> = new Map<string, Token>([
  ['N', NORTH], ['S', SOUTH], ['E', EAST], ['W', WEST],
  ['ش', NORTH], ['شمال', NORTH], ['شمالا', NORTH],
  ['ج', SOUTH], ['جنوب', SOUTH], ['جنوبا', SOUTH],
  ['ق', EAST], ['شرق', EAST], ['شرقا', EAST],
  ['غ', WEST], ['غرب', WEST], ['غربا', WEST],
  ['צ', NORTH], ['צפון', NORTH],
  ['ד', SOUTH], ['דרום', SOUTH],
  ['מזרח', EAST],
  ['מערב', WEST],
  ['מ', { kind: 'ambiguousHemisphere' }],
]);

// Marks as typed on different keyboards: º (ordinal) and ˚ (ring) for the degree sign; typographic quotes and
// primes; Hebrew geresh ׳ and gershayim ״, which Hebrew text uses for minutes and seconds.
const DEGREE_MARKS = '°º˚';
const MINUTE_MARKS = "'′’‘׳";
const SECOND_MARKS = '"″”“״';

const NUMBER = /^\d+(?:\.\d+)?/;
// Hebrew marks an abbreviation with a geresh (צ׳), which must not then be read as a minute mark.
const WORD = /^(?:[A-Z]|[\u0621-\u064A](?:[\u0621-\u064A]|\p{Mn})*|[\u05D0-\u05EA]+(?:(?<=^[\u05D0-\u05EA])['׳])?)/u;

/** Splits cleaned text (see cleanLocationText) into tokens; null if any character is not part of a coordinate. */
export function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let rest = text;
  while (rest !== '') {
    const ch = rest.charAt(0);
    const number = NUMBER.exec(rest);
    const word = number === null ? WORD.exec(rest) : null;
    let length = 1;
    if (number !== null) {
      tokens.push({ kind: 'number', value: Number(number[0]), fraction: number[0].includes('.') });
      length = number[0].length;
    } else if (word !== null) {
      // Arabic short vowels and tanween (combining marks) and tatweel (U+0640) are optional in writing; drop them before the lookup.
      const token = HEMISPHERE_WORDS.get(word[0].replace(/\p{Mn}|[\u0640'׳]/gu, ''));
      if (token === undefined) return null;
      tokens.push(token);
      length = word[0].length;
    } else if (ch === ' ') {
      // whitespace only separates
    } else if (DEGREE_MARKS.includes(ch)) {
      tokens.push({ kind: 'unit', unit: 0 });
    } else if (MINUTE_MARKS.includes(ch) && rest.length > 1 && MINUTE_MARKS.includes(rest.charAt(1))) {
      tokens.push({ kind: 'unit', unit: 2 }); // two primes typed for a double prime
      length = 2;
    } else if (MINUTE_MARKS.includes(ch)) {
      tokens.push({ kind: 'unit', unit: 1 });
    } else if (SECOND_MARKS.includes(ch)) {
      tokens.push({ kind: 'unit', unit: 2 });
    } else if (ch === '+' || ch === '-' || ch === '\u2212') {
      tokens.push({ kind: 'sign', negative: ch !== '+' });
    } else if (ch === ',' || ch === ';') {
      tokens.push({ kind: 'separator' });
    } else {
      return null;
    }
    rest = rest.slice(length);
  }
  return tokens;
}
