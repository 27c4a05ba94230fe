/**
 * The safety checks on a translation being written, against its original: run a beat behind the typing (a deferred
 * value), so a long message never slows the keys down. The same checks run again in the core before submitting and
 * certifying; these are what the translator sees as they type.
 */
import { useDeferredValue, useMemo } from 'react';
import { checkedWhole } from '../../../electron/common/translation/certification';
import type { Finding } from '../../../electron/common/translation/findings';
import { runSafetyChecks } from '../../../electron/common/translation/safety-checks';
import type { Language } from '../../../electron/common/settings';
import type { Terminology } from '../../../electron/common/translation/terminology';
import { useTerminology } from './useTerminology';

export interface TranslatedText {
  readonly subject: string;
  readonly body: string;
}

export interface SourceText extends TranslatedText {
  readonly lang: Language;
}

/** The findings on one translation of `source` (pure: the hooks below run it a beat behind the typing). */
export const findingsOf = (source: SourceText, lang: Language, work: TranslatedText, terminology: Terminology): readonly Finding[] =>
  runSafetyChecks({ source: { lang: source.lang, text: checkedWhole(source) }, target: { lang, text: checkedWhole(work) } }, terminology);

export function useLiveFindings(source: SourceText, lang: Language, work: TranslatedText | null): readonly Finding[] {
  const checked = useDeferredValue(work);
  const checkedSource = useDeferredValue(source);
  const terminology = useTerminology();
  return useMemo(() => (checked ? findingsOf(checkedSource, lang, checked, terminology) : []), [checked, checkedSource, lang, terminology]);
}

/** The findings on each of several translations of one original (the composer's), in their order. */
export function useLiveFindingsOfEach(source: SourceText, translations: readonly (TranslatedText & { readonly lang: Language })[]): readonly (readonly Finding[])[] {
  const checked = useDeferredValue(translations);
  const checkedSource = useDeferredValue(source);
  const terminology = useTerminology();
  const found = useMemo(() => checked.map((work) => findingsOf(checkedSource, work.lang, work, terminology)), [checked, checkedSource, terminology]);
  // While the deferred list lags behind one just added or removed, the findings stay aligned with what is shown.
  return translations.map((work, i) => (checked[i]?.lang === work.lang ? found[i]! : []));
}
