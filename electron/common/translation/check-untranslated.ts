// Untranslated stretches: text of the original's script left in a translation written in another script. Two or
// more words in a row, or one long word, count; a short word alone is more often a name or abbreviation kept on
// purpose. Hebrew or Arabic letters in a translation of another script are always the original's (a translation
// into Arabic has no business with Hebrew letters, nor the reverse). Latin letters are normal in Hebrew and Arabic
// text (UTC, MGRS, call signs, "km"), so from an English original they count only where the stretch is also in the
// original, and not for acronyms, the phonetic alphabet (call signs), words glued to digits, or the English names of
// glossary terms and places.
import { normalizeForSearch } from '../search/normalize';
import type { CheckedText } from './checked-text';
import { finding, type Finding } from './findings';
import type { Terminology } from './terminology';

/** A word this long is left untranslated even alone. */
const LONG_WORD = 8;
// Read in the text as written, so a stretch is quoted as the translator will find it (not with the search folds:
// "قاعة", not "قاعه"): a word is letters with the marks, tatweel and joiners written inside it, and the presentation
// forms that NFKC would turn into letters.
const HEBREW_WORD = String.raw`[\u05D0-\u05EA\uFB1D-\uFB4F][\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u05D0-\u05EA\uFB1D-\uFB4F\u200C\u200D]*`;
const ARABIC_WORD = String.raw`[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC][\u0610-\u061A\u0621-\u065F\u0670-\u06D3\u06D6-\u06ED\uFB50-\uFDFF\uFE70-\uFEFC\u200C\u200D]*`;
const HEBREW_WORDS = String.raw`${HEBREW_WORD}(?:['׳"״]${HEBREW_WORD})*`;
// The Arabic classes hold combining marks on purpose (a mark inside a word is part of it), as in scanned-text.ts.
const SCRIPT_WORDS = {
  he: new RegExp(String.raw`${HEBREW_WORDS}(?:\s+${HEBREW_WORDS})*`, 'gu'),
  // eslint-disable-next-line no-misleading-character-class
  ar: new RegExp(String.raw`${ARABIC_WORD}(?:\s+${ARABIC_WORD})*`, 'gu'),
} as const;
const LATIN_WORD = /(?<![\p{N}\p{L}-])[A-Za-z][A-Za-z']*(?![\p{N}\p{L}]|-\d)/gu;
const PHONETIC = new Set(
  'alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray yankee zulu'.split(' '),
);

/** Whether a stretch is long enough to count: measured folded, so marks and tatweel add no length. */
const counts = (stretch: string): boolean => {
  const words = normalizeForSearch(stretch).split(/\s+/u);
  return words.length >= 2 || (words[0]?.length ?? 0) >= LONG_WORD;
};

function latinLeftovers(source: CheckedText, target: CheckedText, terminology: Terminology): string[] {
  const kept = (word: string) => {
    const lower = word.toLowerCase();
    return !(word.length >= 2 && word === word.toUpperCase()) && !PHONETIC.has(lower) && !terminology.latinWords.has(lower);
  };
  const stretches: string[] = [];
  let run: string[] = [];
  let runEnd = -1;
  const close = () => {
    const stretch = run.join(' ');
    if (run.length > 0 && counts(stretch) && source.normalized.includes(stretch.toLowerCase())) stretches.push(stretch);
    run = [];
  };
  for (const m of target.text.matchAll(LATIN_WORD)) {
    const adjacent = runEnd >= 0 && /^\s+$/u.test(target.text.slice(runEnd, m.index));
    if (!adjacent || !kept(m[0])) close();
    if (kept(m[0])) {
      run.push(m[0]);
      runEnd = m.index + m[0].length;
    } else {
      runEnd = -1;
    }
  }
  close();
  return stretches;
}

export function checkUntranslated(source: CheckedText, target: CheckedText, terminology: Terminology): Finding[] {
  if (source.lang === target.lang) return [];
  const stretches =
    source.lang === 'en'
      ? latinLeftovers(source, target, terminology)
      : [...target.text.matchAll(SCRIPT_WORDS[source.lang])].map((m) => m[0]).filter(counts);
  return stretches.map((text) => finding('untranslated', { text }));
}
