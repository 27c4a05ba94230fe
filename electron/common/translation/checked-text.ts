// One side of a pair as the checks read it: its language, the text as written, the text normalized once (search
// normalisation), the values found in it, and what is left folded for term matching.
import { normalizeForSearch } from '../search/normalize';
import type { Language } from '../settings';
import { extractValues, type ExtractedValues } from './extracted-values';
import { foldForTerms } from './term-pattern';

export interface TextInLanguage {
  readonly lang: Language;
  readonly text: string;
}

export interface CheckedText extends TextInLanguage {
  /** normalizeForSearch(text). */
  readonly normalized: string;
  readonly values: ExtractedValues;
  /** The text without its values, with the term folds: what glossary and gazetteer patterns match. */
  readonly folded: string;
}

export function checkedText(side: TextInLanguage): CheckedText {
  const normalized = normalizeForSearch(side.text);
  const values = extractValues(normalized);
  return { ...side, normalized, values, folded: foldForTerms(values.rest) };
}
