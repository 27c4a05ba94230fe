// Shared by the safety-check tests: run the checks on one pair, with the shipped terminology, and read the codes.
import type { Language } from '../../../../../electron/common/settings';
import { runSafetyChecks } from '../../../../../electron/common/translation/safety-checks';

/** The finding codes for a pair, written `check('en', 'text', 'he', 'text')`. */
export const codes = (sourceLang: Language, source: string, targetLang: Language, target: string): string[] =>
  runSafetyChecks({ source: { lang: sourceLang, text: source }, target: { lang: targetLang, text: target } }).map((f) => f.code);

/** Codes with their main value, for tests that care which value was reported. */
export const findingsOf = (sourceLang: Language, source: string, targetLang: Language, target: string): string[] =>
  runSafetyChecks({ source: { lang: sourceLang, text: source }, target: { lang: targetLang, text: target } }).map(
    (f) => `${f.code} ${f.values['value'] ?? f.values['expected'] ?? ''}${f.values['unit'] === undefined ? '' : ` ${f.values['unit']}`}`.trim(),
  );
