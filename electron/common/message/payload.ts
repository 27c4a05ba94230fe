/**
 * The plaintext inside an envelope: what the application says, plus a trail that lets every reader check the relay.
 *
 * - `content` is the application's: version 1 has plain text messages; later kinds (structured messages, events,
 *   translations) join the union.
 * - `trail.previous` names, for each post of the audience, the hash of this sender's previous envelope whose audience
 *   included that post (null for the first). A post sees only part of a sender's chain, so the header's `prev` cannot
 *   tell it whether an envelope meant for it went missing; this can. The relay cannot forge it: it is encrypted and
 *   signed with the envelope.
 * - `trail.checkpoint` is the newest relay checkpoint the sender had verified. Each reader checks it against its own
 *   view of the log, so a relay that shows two posts different histories is caught by the next message between them.
 *
 * Encoded as canonical JSON (the same encoding as everything signed), parsed strictly on the way in.
 */
import { z } from 'zod';
import { utf8Decode } from '../crypto/sodium';
import { canonicalBytes } from '../protocol/canonical-json';
import { Bytes, Hash, POSTS, Time, type Post } from '../protocol/schemas';
import { LANGUAGES } from '../settings';
import { CHECK_KINDS } from '../translation/findings';
import { GlossaryEntry } from '../translation/glossary-entry';
import { PolicyContent } from './policy';
import { CategorySchema, PrecedenceSchema } from './precedence';
import type { EnvelopeKind } from '../protocol/envelope';
import { TemplateData } from './template';

/** Characters of message text; ample for a hotline message (the convention for urgent ones is under 200 words). */
export const MAX_TEXT_LENGTH = 20_000;

export const TextContent = z
  .object({
    type: z.literal('text'),
    lang: z.enum(LANGUAGES),
    text: z.string().min(1).max(MAX_TEXT_LENGTH),
  })
  .strict();
export type TextContent = z.infer<typeof TextContent>;

/** A message id: the envelope header's `id` (16 random bytes, base64url). */
export const MessageId = Bytes(16);

export const MAX_SUBJECT_LENGTH = 200;

/**
 * A hotline message: precedence, category, subject and body in the author's language, and, for a templated message,
 * its structured data (then the body may be empty: the data says it all). `replyTo` names the message it answers.
 */
export const MessageContent = z
  .strictObject({
    type: z.literal('message'),
    lang: z.enum(LANGUAGES),
    precedence: PrecedenceSchema,
    category: CategorySchema,
    subject: z.string().min(1).max(MAX_SUBJECT_LENGTH),
    body: z.string().max(MAX_TEXT_LENGTH),
    template: TemplateData.optional(),
    replyTo: MessageId.optional(),
  })
  .refine((content) => content.body.trim().length > 0 || content.template !== undefined, { message: 'a message needs a body or a template', path: ['body'] });
export type MessageContent = z.infer<typeof MessageContent>;

/** Stages a device reports by event (an answer is the reply itself). */
export const REPORTED_STAGES = ['delivered', 'read', 'acknowledged', 'closed'] as const;
export type ReportedStage = (typeof REPORTED_STAGES)[number];
/**
 * How many messages one event may speak for: a catch-up's delivery receipts go out a batch at a time (a client's
 * batch is half the relay's delivery window), each sent, delivered back and applied in turn, so few large ones keep
 * up with a catch-up where many small ones trail behind it. 1024 ids are about 25 KiB of payload.
 */
export const MAX_EVENT_MESSAGES = 1024;

/** A lifecycle event: this device's post has reached `stage` for each of these messages (signed, like everything). */
export const EventContent = z.strictObject({
  type: z.literal('event'),
  stage: z.enum(REPORTED_STAGES),
  /** When the person (or, for delivery, the device) reached the stage: what every timeline shows. */
  at: Time,
  messages: z.array(MessageId).min(1).max(MAX_EVENT_MESSAGES),
});
export type EventContent = z.infer<typeof EventContent>;

/**
 * A line check: the desk's (`answers: null`), sent to the posts on a schedule, or a post's answer to one. Each carries
 * the newest relay checkpoint its sender had verified, so the desk compares every side's view of the log.
 */
export const LineCheckContent = z.strictObject({
  type: z.literal('line-check'),
  answers: MessageId.nullable(),
  at: Time,
  checkpoint: z.string().max(4096).nullable(),
});
export type LineCheckContent = z.infer<typeof LineCheckContent>;

/** The longest note the desk may attach to a message. */
export const MAX_NOTE_LENGTH = 2000;

/** The desk's note on a message (DESIGN §3: annotations hang off the message they concern); it never changes the message. */
export const AnnotationContent = z.strictObject({
  type: z.literal('annotation'),
  message: MessageId,
  text: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
  at: Time,
});
export type AnnotationContent = z.infer<typeof AnnotationContent>;

/** A request that a message be translated into these languages: what fills translators' queues. */
export const TranslationRequestContent = z.strictObject({
  type: z.literal('translation-request'),
  message: MessageId,
  languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length),
  at: Time,
});
export type TranslationRequestContent = z.infer<typeof TranslationRequestContent>;

export { PolicyContent };

/** A translator is working on a translation of the message into `lang` (the text stays in their vault until submitted). */
export const TranslationDraftContent = z.strictObject({ type: z.literal('translation-draft'), message: MessageId, lang: z.enum(LANGUAGES), at: Time });
export type TranslationDraftContent = z.infer<typeof TranslationDraftContent>;

/** A translation submitted for certification: subject and body in `lang`. The original is never changed. */
export const TranslationContent = z.strictObject({
  type: z.literal('translation'),
  message: MessageId,
  lang: z.enum(LANGUAGES),
  subject: z.string().max(MAX_SUBJECT_LENGTH),
  body: z.string().max(MAX_TEXT_LENGTH),
  at: Time,
});
export type TranslationContent = z.infer<typeof TranslationContent>;

export const MAX_REVIEW_COMMENT_LENGTH = 2000;

/**
 * A second translator's verdict on a submitted translation (named by its envelope id). Certifying over failed safety
 * checks needs an override with a written reason for each failed check kind; returning needs a comment.
 */
export const TranslationReviewContent = z
  .strictObject({
    type: z.literal('translation-review'),
    message: MessageId,
    submission: MessageId,
    verdict: z.enum(['certified', 'returned']),
    comment: z.string().max(MAX_REVIEW_COMMENT_LENGTH),
    overrides: z.array(z.strictObject({ check: z.enum(CHECK_KINDS), reason: z.string().trim().min(1).max(500) })).max(CHECK_KINDS.length),
    at: Time,
  })
  .refine((review) => review.verdict === 'certified' || review.comment.trim() !== '', { message: 'a returned translation says why', path: ['comment'] });
export type TranslationReviewContent = z.infer<typeof TranslationReviewContent>;

/** How many glossary entries one envelope carries: an imported file goes out in envelopes of this many. */
export const MAX_GLOSSARY_ENTRIES = 100;

/**
 * Glossary changes from a translator or a supervisor: entries added or replaced (by id), and ids removed. Every post
 * applies them in log order, the newest change of an entry winning.
 */
export const GlossaryContent = z.strictObject({
  type: z.literal('glossary'),
  entries: z.array(GlossaryEntry).max(MAX_GLOSSARY_ENTRIES),
  removed: z.array(GlossaryEntry.shape.id).max(MAX_GLOSSARY_ENTRIES),
  at: Time,
});
export type GlossaryContent = z.infer<typeof GlossaryContent>;

export const Content = z.discriminatedUnion('type', [
  TextContent,
  MessageContent,
  EventContent,
  LineCheckContent,
  AnnotationContent,
  TranslationRequestContent,
  PolicyContent,
  TranslationDraftContent,
  TranslationContent,
  TranslationReviewContent,
  GlossaryContent,
]);
export type Content = z.infer<typeof Content>;

/**
 * The header kind each content travels under: what the relay may route by, no more. Notes and translation requests
 * are events on a message. The receiver ignores a content whose header says another kind.
 */
const KIND_OF_CONTENT: Readonly<Record<Content['type'], EnvelopeKind>> = {
  text: 'message',
  message: 'message',
  event: 'event',
  annotation: 'event',
  'translation-request': 'event',
  'line-check': 'line-check',
  policy: 'policy',
  'translation-draft': 'translation',
  translation: 'translation',
  'translation-review': 'translation',
  glossary: 'glossary',
};
export const envelopeKindOf = (content: Pick<Content, 'type'>): EnvelopeKind => KIND_OF_CONTENT[content.type];

export const PreviousByPost = z
  .object(Object.fromEntries(POSTS.map((post) => [post, Hash.nullable().optional()])) as Record<Post, z.ZodOptional<z.ZodNullable<typeof Hash>>>)
  .strict();
export type PreviousByPost = z.infer<typeof PreviousByPost>;

export const Payload = z
  .object({
    v: z.literal(1),
    content: Content,
    trail: z
      .object({
        previous: PreviousByPost,
        checkpoint: z.string().max(4096).nullable(),
      })
      .strict(),
  })
  .strict();
export type Payload = z.infer<typeof Payload>;

export const encodePayload = (payload: Payload): Uint8Array => canonicalBytes(Payload.parse(payload));

/** The payload in these bytes, or null if they are not one. */
export function decodePayload(bytes: Uint8Array): Payload | null {
  try {
    const parsed = Payload.safeParse(JSON.parse(utf8Decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
