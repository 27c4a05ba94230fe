/**
 * Where each translation of a message stands, for the reader (DESIGN §3): per language, the newest submission and
 * its stage — certified or returned by the first review that counts, else submitted — or, before any submission, who
 * is drafting one. Refused reviews are listed with their reasons, so every reader sees a two-person-rule breach.
 */
import type { Post } from '../../../electron/common/protocol/schemas';
import type { Language } from '../../../electron/common/settings';
import type { CheckKind } from '../../../electron/common/translation/findings';
import type { StoredMessage, StoredTranslation, TranslationVerdict } from './message-view';

export type TranslationStage = 'draft' | 'submitted' | 'certified' | 'returned';

export interface Actor {
  readonly post: Post;
  readonly deviceName: string;
  readonly at: number;
}

export interface TranslationSummary {
  readonly lang: Language;
  readonly stage: TranslationStage;
  /** The submission's id (its envelope's); null while only drafted. */
  readonly id: string | null;
  readonly subject: string;
  readonly body: string;
  readonly translator: Actor & { readonly device: string };
  /** The review that decided the stage, if any. */
  readonly review: (Actor & { readonly comment: string; readonly overrides: readonly { readonly check: CheckKind; readonly reason: string }[] }) | null;
  readonly refused: readonly (Actor & { readonly reason: 'same-person' | 'not-translator' | 'checks-not-overridden'; readonly checks: readonly CheckKind[] })[];
}

const actor = (act: { post: Post; deviceName: string; at: number }): Actor => ({ post: act.post, deviceName: act.deviceName, at: act.at });

/** The review that counts: the first, by time, that every client accepts. */
export const decidingReview = (translation: StoredTranslation): TranslationVerdict | null => translation.reviews.find((review) => review.refused === null) ?? null;

function submittedSummary(translation: StoredTranslation): TranslationSummary {
  const review = decidingReview(translation);
  return {
    lang: translation.lang,
    stage: review?.verdict ?? 'submitted',
    id: translation.id,
    subject: translation.subject,
    body: translation.body,
    translator: { ...actor(translation), device: translation.device },
    review: review ? { ...actor(review), comment: review.comment, overrides: review.overrides } : null,
    refused: translation.reviews.flatMap((held) => (held.refused ? [{ ...actor(held), ...held.refused }] : [])),
  };
}

export function translationsOf(message: Pick<StoredMessage, 'translations' | 'translationClaims'>): TranslationSummary[] {
  const byLanguage = new Map<Language, TranslationSummary>();
  // Translations are held oldest first: the newest submission of each language is the one shown.
  for (const translation of message.translations) byLanguage.set(translation.lang, submittedSummary(translation));
  for (const claim of message.translationClaims) {
    // A submission says more than a claim: the draft shows only until the first one arrives.
    if (byLanguage.has(claim.lang)) continue;
    byLanguage.set(claim.lang, { lang: claim.lang, stage: 'draft', id: null, subject: '', body: '', translator: { ...actor(claim), device: claim.device }, review: null, refused: [] });
  }
  return [...byLanguage.values()];
}
