// The translation safety checks (DESIGN §4), run live while a translation is typed and again before it is submitted
// and certified: values (numbers, coordinates, times, DTGs, dates, units), terminology (glossary, forbidden variants,
// gazetteer), form (a question stays a question, nothing left untranslated, not empty). Pure: the same pair and
// terminology always give the same findings, in the same order.
import { checkPlaces } from './check-places';
import { checkQuestion } from './check-question';
import { checkTerms } from './check-terms';
import { checkUntranslated } from './check-untranslated';
import { checkValues } from './check-values';
import { checkedText, type TextInLanguage } from './checked-text';
import { finding, sortFindings, type Finding } from './findings';
import { shippedTerminology, type Terminology } from './terminology';

export type { TextInLanguage } from './checked-text';

export interface TranslationUnderCheck {
  readonly source: TextInLanguage;
  readonly target: TextInLanguage;
}

const isBlank = (text: string): boolean => text.replace(/[\s\p{Cf}]/gu, '') === '';

/** Every finding on the pair; an empty list when it is clean. */
export function runSafetyChecks(pair: TranslationUnderCheck, terminology: Terminology = shippedTerminology()): Finding[] {
  // Nothing else is worth saying about an empty side: every value would be "missing".
  if (isBlank(pair.source.text)) return [finding('emptyOriginal')];
  if (isBlank(pair.target.text)) return [finding('emptyTranslation')];
  const source = checkedText(pair.source);
  const target = checkedText(pair.target);
  return sortFindings([
    ...checkValues(source.values, target.values),
    ...checkTerms(source, target, terminology),
    ...checkPlaces(source, target, terminology),
    ...checkQuestion(source.text, target.text),
    ...checkUntranslated(source, target, terminology),
  ]);
}
