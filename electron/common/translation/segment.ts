/**
 * Sentences of a message in Hebrew, Arabic or English, with their offsets in the original text, so the side-by-side
 * editor can highlight the sentence under the caret and its counterpart in the other pane (alignment: align.ts), and
 * the translation memory can be asked about one sentence at a time.
 *
 * Rule-based, language-independent (messages mix scripts): a sentence ends at a line break, or at a run of `.` `!`
 * `?` `؟` `…` `۔` `׃` (with any closing quotes or brackets) that is followed by whitespace or the end. So the full
 * stops inside 3.5, ٣٫٥, 33.1234N, 15.01.2027 or a URL never split. A single `.` does not end a sentence after a known
 * abbreviation (No., approx., Gen.), a single letter (J. Smith, Arabic د.), a dotted abbreviation (U.S., e.g.), a
 * list number at the start of a line (1.), or when the next word starts with a lower-case letter. Times (14:30) and
 * DTGs (151200Z JAN 27) have no full stop to split on.
 */

export interface Segment {
  /** Offsets into the original text, end exclusive, without the whitespace around the sentence. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// A line break of any kind, including the Unicode line and paragraph separators some editors insert.
const LINE = /[^\r\n\u2028\u2029]+/gu;

// Full stop, !, ?, Arabic question mark, ellipsis, Urdu-style Arabic full stop, Hebrew sof pasuq; then closing quotes
// and brackets (including Hebrew gershayim used as a quote), which stay with the sentence they close.
const STOPS = '.!?\\u061F\\u2026\\u06D4\\u05C3';
const CLOSING = ')\\]"\'\\u201D\\u2019\\u00BB\\u05F4';
const TERMINATOR = new RegExp(`[${STOPS}]+[${CLOSING}]*(?=[\\s\\u200E\\u200F\\u061C]|$)`, 'gu');
const CLOSERS = new RegExp(`[${CLOSING}]`, 'gu');

/** The word just before a full stop: letters, marks, digits and inner dots (`U.S`, `e.g`). */
const WORD_BEFORE = /[\p{L}\p{M}\p{N}.]+$/u;
const SINGLE_LETTER = /^\p{L}\p{M}*$/u;
const DOTTED_ABBREVIATION = /^(?:\p{L}\.)+\p{L}$/u;
const NEXT_WORD_LOWER_CASE = /^[\s\u200E\u200F\u061C]*\p{Ll}/u;

// Abbreviations that are usually followed by a capital or a number, so the lower-case rule does not catch them.
// "etc." is absent on purpose: it ends sentences as often as not.
const ABBREVIATIONS = new Set(
  [
    ...['no', 'nos', 'nr', 'approx', 'appr', 'ca', 'vs', 'ref', 'fig', 'para', 'sec', 'art', 'tel', 'ext', 'dept', 'est'],
    ...['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'cpl', 'sgt', 'brig', 'adm', 'cmdr', 'pvt'],
    ...['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
  ],
);

/** Whether the single full stop ending `before` is part of an abbreviation or list number rather than a sentence end. */
function fullStopContinues(before: string, after: string): boolean {
  if (NEXT_WORD_LOWER_CASE.test(after)) return true;
  const word = WORD_BEFORE.exec(before)?.[0] ?? '';
  if (ABBREVIATIONS.has(word.toLowerCase()) || SINGLE_LETTER.test(word) || DOTTED_ABBREVIATION.test(word)) return true;
  return /^\s*\d{1,3}$/u.test(before);
}

function endsSentence(line: string, match: RegExpExecArray): boolean {
  const stops = match[0].replace(CLOSERS, '');
  const before = line.slice(0, match.index);
  const after = line.slice(match.index + match[0].length);
  if (stops === '.') return !fullStopContinues(before, after);
  // An ellipsis inside a sentence ("wait... then") is followed by a lower-case word.
  if (/^[.\u2026]+$/u.test(stops)) return !NEXT_WORD_LOWER_CASE.test(after);
  return true;
}

function trimmed(text: string, start: number, end: number): Segment | null {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from]!)) from += 1;
  while (to > from && /\s/u.test(text[to - 1]!)) to -= 1;
  return from < to ? { start: from, end: to, text: text.slice(from, to) } : null;
}

export function segmentSentences(text: string): Segment[] {
  const segments: Segment[] = [];
  const push = (start: number, end: number) => {
    const segment = trimmed(text, start, end);
    if (segment !== null) segments.push(segment);
  };
  for (const lineMatch of text.matchAll(LINE)) {
    const line = lineMatch[0];
    const offset = lineMatch.index;
    let start = 0;
    for (const match of line.matchAll(TERMINATOR)) {
      if (!endsSentence(line, match)) continue;
      const end = match.index + match[0].length;
      push(offset + start, offset + end);
      start = end;
    }
    push(offset + start, offset + line.length);
  }
  return segments;
}

/**
 * The index of the sentence the caret is in: the last one starting at or before the offset (so a caret just after a
 * full stop, or in the space after it, stays with that sentence); the first when the caret is before all; -1 for none.
 */
export function segmentAt(segments: readonly Segment[], offset: number): number {
  if (segments.length === 0) return -1;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
