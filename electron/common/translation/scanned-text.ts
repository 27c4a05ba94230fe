// The text the value extractors read: folded once per side (the search normalisation: NFKC, case, Arabic and
// Hebrew folds, every digit set as ASCII, the Arabic decimal separator as '.', thousands separators dropped), and
// consumed left to right by the extractors in a fixed order (coordinates, DTGs, dates, times, quantities, then loose
// numbers). Each extractor blanks what it took, so a coordinate is never also read as numbers, nor a date as a time.
// The patterns start with what they match (a digit, a letter) and leave the check of the character before to the
// reader (precededBy): a lookbehind at the start of a pattern makes V8 try it at every position of the text, which
// made the checks ten times slower.

/**
 * The letters and marks of the folded text (Latin, Hebrew, Arabic), for use inside a character class. Explicit
 * ranges rather than \p{L}: the text is folded (lower case, Latin accents and Arabic and Hebrew marks mostly gone),
 * and a property class is a table of hundreds of ranges, slow to build into each pattern and to test against.
 */
export const LETTER = String.raw`a-z\u00C0-\u024F\u0591-\u05C7\u05D0-\u05EA\u0610-\u061A\u0621-\u065F\u0670-\u06D3`;
// The ranges include combining marks on purpose (a mark inside a word is part of it), not combined characters.
// eslint-disable-next-line no-misleading-character-class
export const LETTER_OR_DIGIT = new RegExp(`[${LETTER}0-9]`, 'u');

/** Whether the character before a match is one of `characters` (a pattern for one character). */
export const precededBy = (m: RegExpExecArray, characters: RegExp): boolean => m.index > 0 && characters.test(m.input.charAt(m.index - 1));
export class ScannedText {
  #text: string;

  /** `normalized` is the text after normalizeForSearch. */
  constructor(normalized: string) {
    this.#text = normalized;
  }

  get text(): string {
    return this.#text;
  }

  /**
   * Runs a global pattern over what is left, hands every match to `read`, and blanks the matches `read` accepted
   * (returned non-null), with the `trailing` characters after them it also used (a zone marker after a time; the
   * text after a match is `match.input.slice(...)`). Blanking keeps offsets and puts spaces where the match was, so
   * neighbours never join.
   */
  take<T>(
    pattern: RegExp,
    read: (match: RegExpExecArray) => { value: T; trailing?: number } | null,
    options: { readonly retryInside?: boolean } = {},
  ): T[] {
    const taken: T[] = [];
    const spans: [number, number][] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(this.#text); m !== null; m = pattern.exec(this.#text)) {
      if (m[0] === '') {
        pattern.lastIndex += 1;
        continue;
      }
      const accepted = read(m);
      if (accepted === null) {
        // A rejected candidate may overlap a real one that starts inside it (not so for whole words).
        if (options.retryInside !== false) pattern.lastIndex = m.index + 1;
        continue;
      }
      taken.push(accepted.value);
      const end = m.index + m[0].length + (accepted.trailing ?? 0);
      spans.push([m.index, end]);
      pattern.lastIndex = Math.max(pattern.lastIndex, end);
    }
    if (spans.length > 0) {
      let blanked = '';
      let at = 0;
      for (const [start, end] of spans) {
        blanked += this.#text.slice(at, start) + ' '.repeat(end - start);
        at = end;
      }
      this.#text = blanked + this.#text.slice(at);
    }
    return taken;
  }
}
