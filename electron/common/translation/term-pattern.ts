// How a glossary term or place name is recognised in running text, in each language: Hebrew and Arabic attach
// prepositions, conjunctions and the article to the word ("בקונייטרה", "والقنيطرة") and inflect its end ("סיורים",
// "دوريات"); English adds a plural. The text and the terms go through the same folding (the search normalisation,
// plus Hebrew final letters as their ordinary forms, so "מחסום" is the stem of "מחסומים"), and a term becomes a
// pattern that allows those prefixes and a short ending. Broken plurals cannot be derived: an entry lists them.
import type { Language } from '../settings';
import { normalizeForSearch } from '../search/normalize';
import { LETTER } from './scanned-text';

const FINAL_LETTERS: Readonly<Record<string, string>> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };

/** Folds already search-normalised text for term matching: Hebrew final letters, typographic apostrophes. */
export const foldForTerms = (normalized: string): string => normalized.replace(/[ךםןףץ]/g, (ch) => FINAL_LETTERS[ch] ?? ch).replace(/[’‘`´]/g, "'");

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Hebrew: up to three one-letter prefixes (ו, ה, ב, כ, ל, מ, ש: "ומהמחסום"), then optionally a hyphen or maqaf
// ("ב-קונייטרה"). Arabic, the same stacking of one-letter proclitics: the conjunction و or ف, then ب, ك or ل, then
// the article; each may be absent ("ومدنيين", "والمدنيون", "وبالمعبر", "للمعبر", "فالحاجز"). A name of a state
// takes no article ("السورية" is the adjective, not Syria) and keeps the one it has: ARTICLELESS_PREFIX,
// ARTICLE_KEPT_PREFIX.
const PREFIX: Readonly<Record<Language, string>> = {
  he: String.raw`(?:[ובכלמשה]{1,3}[-\u05BE]?)?`,
  ar: String.raw`(?:[وف]?(?:[بك]?ال|لل|[بلك])?)`,
  en: '',
};
const ARTICLELESS_PREFIX = String.raw`(?:[وف]?[بلك]?)`;
const ARTICLE_KEPT_PREFIX = String.raw`(?:[وف]?(?:[بك]?ال|لل))`;
const LETTERS: Readonly<Record<Language, string>> = { he: String.raw`[\u05D0-\u05EA]`, ar: String.raw`[\u0621-\u064A]`, en: '[a-z]' };

export interface PatternOptions {
  /** How many letters an ending may add to each word (Hebrew and Arabic); English then allows a plural s/es. */
  readonly ending: number;
  /** Hebrew: the name may be written without its article (names only: see wordPattern). */
  readonly optionalArticle?: boolean;
  /** Arabic: the words take no article and keep the one they have (a state's name: see ARTICLELESS_PREFIX). */
  readonly noArticle?: boolean;
}

interface WordParts {
  readonly prefix: string;
  /** The literal pieces of the word, between optional apostrophes and hyphens. */
  readonly pieces: readonly string[];
  readonly ending: string;
}

function wordParts(word: string, language: Language, first: boolean, options: PatternOptions): WordParts {
  let stem = word;
  let prefix = first ? PREFIX[language] : '';
  if (language === 'ar') {
    // The article is optional wherever the term has it ("منطقة الفصل" / "المنطقة"), and teh marbuta (folded to heh)
    // gives way to the plural ending ("دوريه" → "دوريات").
    const article = stem.startsWith('ال') && stem.length > 3;
    if (article) stem = stem.slice(2);
    if (stem.endsWith('ه') && stem.length > 3 && options.ending > 0) stem = stem.slice(0, -1);
    // A name keeps the article it has (required, "للصليب" contracting it after ل) and takes none it has not.
    if (options.noArticle !== true) prefix = PREFIX.ar;
    else prefix = article ? ARTICLE_KEPT_PREFIX : ARTICLELESS_PREFIX;
  } else if (language === 'he') {
    // The article of a later word is optional ("קו הפסקת האש" / "הפסקת אש"), and so is a name's: after ב, ל or כ it
    // is not written ("הכנרת" → "בכנרת"). Not a term's first word, whose ה is as often a root letter ("הפגזה", not
    // "פגזים"). A feminine ending ה gives way to a plural ("רקטה" → "רקטות").
    const article = stem.startsWith('ה') && (first ? options.optionalArticle === true && stem.length > 3 : stem.length > 2);
    if (article) stem = stem.slice(1);
    if (stem.endsWith('ה') && stem.length > 3 && options.ending > 0) stem = stem.slice(0, -1);
    prefix = first ? `${PREFIX.he}${article ? 'ה?' : ''}` : 'ה?';
  }
  const ending = options.ending === 0 ? '' : language === 'en' ? '(?:s|es)?' : `${LETTERS[language]}{0,${options.ending}}`;
  return { prefix, pieces: stem.split(/['\-\u05BE]/u).filter((piece) => piece !== ''), ending };
}

const termWords = (term: string): string[] => foldForTerms(normalizeForSearch(term)).split(/\s+/u).filter((w) => w !== '');

/** The pattern of one term (no capture groups, no boundaries). */
export function termPattern(term: string, language: Language, options: PatternOptions): string {
  return termWords(term)
    .map((word, i) => {
      const { prefix, pieces, ending } = wordParts(word, language, i === 0, options);
      // Apostrophes and hyphens inside a word are optional ("Mas'ade" / "Masade", "de-confliction" / "deconfliction").
      return `${prefix}${pieces.map(escape).join(String.raw`['\s\u05BE-]?`)}${ending}`;
    })
    .join(String.raw`[\s\u05BE-]+`);
}

/**
 * A piece of text every match of the term contains: the longest literal piece of its first word. Finding it with
 * indexOf and trying the pattern only at the start of the word around it is many times faster than trying a
 * pattern at every position of the text, and a message names only a few of the glossary's terms.
 */
function anchorOf(term: string, language: Language, options: PatternOptions): string {
  const [first = ''] = termWords(term);
  return wordParts(first, language, true, options).pieces.reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '');
}

// Explicit letter ranges (see LETTER): a property class in each of the few hundred term patterns made building the
// terminology take a quarter of a second.
const BEFORE = String.raw`(?<![${LETTER}0-9'])`;
const AFTER = String.raw`(?![${LETTER}])`;

interface CompiledTerm {
  readonly anchor: string;
  /** Sticky: tried only where a word holding the anchor starts. */
  readonly pattern: RegExp;
}

function compileTerm(term: string, language: Language, options: PatternOptions): CompiledTerm {
  return { anchor: anchorOf(term, language, options), pattern: new RegExp(`${BEFORE}${termPattern(term, language, options)}${AFTER}`, 'uy') };
}

/**
 * Where each pair of adjacent characters occurs in a text, for the last few texts seen (the source and the
 * translation of the pair being checked). A term is looked for only where its anchor's first pair occurs: most of
 * the glossary is absent from any one message, and searching the whole text for each of some three hundred anchors
 * cost more than all the other checks together.
 */
const PAIR_HASH_SIZE = 4096;
const pairHash = (first: number, second: number): number => (first * 31 + second) & (PAIR_HASH_SIZE - 1);

/** A chained hash of the positions of every pair of adjacent characters: typed arrays, so building it for a text
 * of a few thousand characters costs a few microseconds. */
interface PairIndex {
  readonly text: string;
  /** The last position whose pair has this hash, or -1. */
  readonly head: Int32Array;
  /** The position before this one whose pair has the same hash, or -1. */
  readonly previous: Int32Array;
}

const recentIndexes: PairIndex[] = [];
function pairIndex(text: string): PairIndex {
  const known = recentIndexes.find((index) => index.text === text);
  if (known !== undefined) return known;
  const head = new Int32Array(PAIR_HASH_SIZE).fill(-1);
  const previous = new Int32Array(Math.max(text.length, 1));
  for (let i = 0; i + 1 < text.length; i += 1) {
    const hash = pairHash(text.charCodeAt(i), text.charCodeAt(i + 1));
    previous[i] = head[hash] ?? -1;
    head[hash] = i;
  }
  const index = { text, head, previous };
  recentIndexes.unshift(index);
  recentIndexes.length = Math.min(recentIndexes.length, 4);
  return index;
}

/** Where the anchor occurs in the text, in order. */
function occurrences(text: string, anchor: string): number[] {
  const found: number[] = [];
  if (anchor.length < 2) {
    for (let at = text.indexOf(anchor); at >= 0 && anchor !== ''; at = text.indexOf(anchor, at + 1)) found.push(at);
    return found;
  }
  const { head, previous } = pairIndex(text);
  for (let at = head[pairHash(anchor.charCodeAt(0), anchor.charCodeAt(1))] ?? -1; at >= 0; at = previous[at] ?? -1) {
    if (text.startsWith(anchor, at)) found.push(at);
  }
  return found.reverse();
}

// Letters, digits and marks of the folded text, the apostrophe, and (joined) hyphen and maqaf: what BEFORE treats
// as inside a word, checked by code point because a regular expression test per character costs more.
const isWordCode = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x27 || (code >= 0x0591 && code <= 0x05bd) || (code >= 0x05d0 && code <= 0x05ea) || (code >= 0x0621 && code <= 0x065f) || (code >= 0x0670 && code <= 0x06d3) || (code >= 0xc0 && code <= 0x24f);
const isJoinedCode = (code: number): boolean => isWordCode(code) || code === 0x2d || code === 0x05be;

/** Where the term matches folded text, as [start, end] pairs in order (only the first, if `first`). */
function spansOf(term: CompiledTerm, folded: string, first = false): [number, number][] {
  const spans: [number, number][] = [];
  if (term.anchor === '') return spans;
  const wordStart = (at: number, within: (code: number) => boolean): number => {
    let start = at;
    while (start > 0 && within(folded.charCodeAt(start - 1))) start -= 1;
    return start;
  };
  let lastEnd = -1;
  for (const at of occurrences(folded, term.anchor)) {
    // The term may start at the hyphenated word around the anchor or at its last part ("IDF-patrol").
    const joined = wordStart(at, isJoinedCode);
    const plain = wordStart(at, isWordCode);
    for (const start of joined === plain ? [plain] : [joined, plain]) {
      if (start < lastEnd) continue;
      term.pattern.lastIndex = start;
      const m = term.pattern.exec(folded);
      if (m === null) continue;
      spans.push([start, start + m[0].length]);
      if (first) return spans;
      lastEnd = start + m[0].length;
      break;
    }
  }
  return spans;
}

/** A test for any of the given terms anywhere in folded text; gives the term found, as listed. */
export function compileTermTest(terms: readonly string[], language: Language, options: PatternOptions): (folded: string) => string | null {
  const compiled = terms.map((term) => ({ term, ...compileTerm(term, language, options) }));
  return (folded) => compiled.find((c) => spansOf(c, folded, true).length > 0)?.term ?? null;
}

export interface PhraseFinder<K> {
  /** The keys of the phrases found, in order, the longest winning where two overlap ("Quneitra crossing" is one
   * place, not also Quneitra). */
  find(folded: string): K[];
  /** The text with every phrase found blanked. */
  blank(folded: string): string;
}

/** Many phrases at once, each compiled once (with its own options, if it has them). Where two phrases match the same
 * stretch, the one listed first wins. */
export function compilePhraseFinder<K>(
  phrases: readonly { readonly text: string; readonly key: K; readonly options?: PatternOptions }[],
  language: Language,
  options: PatternOptions,
): PhraseFinder<K> {
  const compiled = phrases.map((phrase) => ({ key: phrase.key, ...compileTerm(phrase.text, language, phrase.options ?? options) }));
  // The same text is asked for its places twice (to blank them for the glossary, and to check them).
  let last: { folded: string; found: { key: K; start: number; end: number }[] } | null = null;
  const matches = (folded: string): { key: K; start: number; end: number }[] => {
    if (last?.folded === folded) return last.found;
    const all = compiled.flatMap((c) => spansOf(c, folded).map(([start, end]) => ({ key: c.key, start, end })));
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    let reached = 0;
    const found = all.filter((span) => {
      if (span.start < reached) return false;
      reached = span.end;
      return true;
    });
    last = { folded, found };
    return found;
  };
  return {
    find: (folded) => matches(folded).map((m) => m.key),
    blank: (folded) => {
      let blanked = folded;
      for (const { start, end } of matches(folded)) blanked = blanked.slice(0, start) + ' '.repeat(end - start) + blanked.slice(end);
      return blanked;
    },
  };
}
