/**
 * Turns text into search tokens: the same function runs over a message when it is indexed and over a query when it is
 * asked, so a word matches however it was typed — in any case, with or without Arabic diacritics or Hebrew niqqud,
 * with any alef or yaa shape, with digits of any of the three sets. Pure and environment-free; the tokens themselves
 * are never stored (the vault keeps only keyed hashes of them, see blind-index.ts).
 */
import { normalizeDigits } from '../digits';
import { foldArabic } from './fold-arabic';
import { foldHebrew } from './fold-hebrew';

// Invisible format controls (bidi marks, ZWNJ/ZWJ, soft hyphen, BOM, Arabic number signs) would otherwise split a
// word in two or make two spellings differ; zero-width space is the one that means "word boundary".
const ZERO_WIDTH_SPACE = /\u200B/gu;
const FORMAT_CONTROL = /\p{Cf}/gu;

// Combining diacritics of Latin (and Greek, Cyrillic) after canonical decomposition: "café" finds "cafe".
const LATIN_COMBINING = /[\u0300-\u036F]/gu;

// A thousands separator between digit groups, so "1,000" and "١٬٠٠٠" give the same token as "1000". (normalizeDigits
// already drops U+066C between digits.)
const GROUP_SEPARATOR = /(?<=\d),(?=\d{3}(?!\d))/gu;

// A run of letters, marks and digits; a '.' between digits continues it, so "3.5" and "15.01.2027" stay whole.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:(?<=\d)\.(?=\d)[\p{L}\p{M}\p{N}]+)*/gu;

/** Full-ish case folding without a locale: upper then lower maps ß to ss and final sigma to sigma. */
const caseFold = (text: string): string => text.toUpperCase().toLowerCase();

const foldLatinAccents = (text: string): string => text.normalize('NFD').replace(LATIN_COMBINING, '').normalize('NFC');

/** The text with every folding applied, word boundaries kept: what tokens are cut from. */
export function normalizeForSearch(text: string): string {
  // NFKC first: it turns Arabic presentation forms and ligatures (ﻻ), Hebrew presentation forms (שׁ as one code
  // point), full-width Latin and composed/decomposed variants into one spelling the folds below can rely on.
  let folded = text.normalize('NFKC').replace(ZERO_WIDTH_SPACE, ' ').replace(FORMAT_CONTROL, '');
  folded = foldLatinAccents(caseFold(folded));
  folded = foldHebrew(foldArabic(folded));
  return normalizeDigits(folded).replace(GROUP_SEPARATOR, '');
}

/**
 * The distinct search tokens of a text, in order of first appearance. A dotted number ("15.01.2027") gives itself and
 * its parts, so a search for "2027" finds it while a search for the whole date still needs the whole date.
 */
export function searchTokens(text: string): readonly string[] {
  const tokens = new Set<string>();
  for (const [token] of normalizeForSearch(text).matchAll(TOKEN)) {
    tokens.add(token);
    if (token.includes('.')) for (const part of token.split('.')) tokens.add(part);
  }
  return [...tokens];
}
