/**
 * When a review of a translation counts (DESIGN §3–§4): every client judges every review it receives by these rules,
 * whoever sent it, and shows a refused one with its reason. The checks are re-run on the pair as submitted, so a
 * certifier cannot skip them by sending a certification from a client that did not run them.
 *
 * - Two-person rule: the certifier is not the translator — neither the same device nor the same name on the
 *   certificate (one person enrolled twice under one name is still one person).
 * - Only a translator reviews, and only a translator's submission is reviewed.
 * - A certification over failed checks must override each failed check kind with a written reason.
 */
import type { Role } from '../protocol/schemas';
import type { Language } from '../settings';
import type { CheckKind } from './findings';
import { runSafetyChecks } from './safety-checks';
import type { Terminology } from './terminology';

export interface Person {
  readonly device: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

export interface ReviewUnderJudgement {
  readonly verdict: 'certified' | 'returned';
  readonly overrides: readonly { readonly check: CheckKind; readonly reason: string }[];
}

export interface Submitted {
  readonly lang: Language;
  readonly subject: string;
  readonly body: string;
  readonly translator: Person;
}

export interface Original {
  readonly lang: Language;
  readonly subject: string;
  readonly body: string;
}

export type RefusalReason = 'same-person' | 'not-translator' | 'checks-not-overridden';

export type Judgement = { readonly ok: true } | { readonly ok: false; readonly reason: RefusalReason; readonly checks: readonly CheckKind[] };

/** Names compared as a person reads them: case, width and spacing do not make another person. */
const sameName = (a: string, b: string): boolean => a.normalize('NFKC').trim().toLocaleLowerCase('en') === b.normalize('NFKC').trim().toLocaleLowerCase('en');

export const isSamePerson = (a: Pick<Person, 'device' | 'name'>, b: Pick<Person, 'device' | 'name'>): boolean => a.device === b.device || sameName(a.name, b.name);

/** The text the checks compare: subject and body, one after the other. */
export const checkedWhole = (text: Pick<Original, 'subject' | 'body'>): string => [text.subject, text.body].filter((part) => part.trim() !== '').join('\n');

/** The check kinds that fail on this pair (empty: it is clean). */
export function failedChecks(original: Original, translation: Pick<Submitted, 'lang' | 'subject' | 'body'>, terminology?: Terminology): CheckKind[] {
  const findings = runSafetyChecks({ source: { lang: original.lang, text: checkedWhole(original) }, target: { lang: translation.lang, text: checkedWhole(translation) } }, terminology);
  return [...new Set(findings.map((finding) => finding.check))];
}

export function judgeReview(review: ReviewUnderJudgement, reviewer: Person, submitted: Submitted, original: Original, terminology?: Terminology): Judgement {
  if (!reviewer.roles.includes('translator') || !submitted.translator.roles.includes('translator')) return { ok: false, reason: 'not-translator', checks: [] };
  if (isSamePerson(reviewer, submitted.translator)) return { ok: false, reason: 'same-person', checks: [] };
  if (review.verdict === 'returned') return { ok: true };
  const overridden = new Set(review.overrides.map((override) => override.check));
  const uncovered = failedChecks(original, submitted, terminology).filter((check) => !overridden.has(check));
  return uncovered.length === 0 ? { ok: true } : { ok: false, reason: 'checks-not-overridden', checks: uncovered };
}
