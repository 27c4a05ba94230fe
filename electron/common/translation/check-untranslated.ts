// Untranslated stretches: text of the original's script left in a translation written in another script. Two or
// more words in a row, or one long word, count; a short word alone is more often a name or abbreviation kept on
// purpose. Hebrew or Arabic letters in a translation of another script are always the original's (a translation
// into Arabic has no business with Hebrew letters, nor the reverse). Latin letters are normal in Hebrew and Arabic
// text (UTC, MGRS, call signs, "km"), so from an English original they count only where the stretch is also in the
// original, and not for acronyms, the phonetic alphabet (call signs), words glued to digits, or the English names of
// glossary terms and places.
import type { CheckedText } from './checked-text';
import { finding, type Finding } from './findings';
import type { Terminology } from './terminology';

/** A word this long is left untranslated even alone. */
const LONG_WORD = 8;
const SCRIPT_WORDS = {
  he: /[\u05D0-\u05EA]+(?:['׳"״][\u05D0-\u05EA]+)*(?:(?:\s+)[\u05D0-\u05EA]+(?:['׳"״][\u05D0-\u05EA]+)*)*/gu,
  ar: /[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)*/gu,
} as const;
const LATIN_WORD = /(?<![\p{N}\p{L}-])[A-Za-z][A-Za-z']*(?![\p{N}\p{L}]|-\d)/gu;
const PHONETIC = new Set(
  'alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray yankee zulu'.split(' '),
);

const counts = (stretch: string): boolean => {
  const words = stretch.split(/\s+/u);
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
      : [...target.normalized.matchAll(SCRIPT_WORDS[source.lang])].map((m) => m[0]).filter(counts);
  return stretches.map((text) => finding('untranslated', { text }));
}
