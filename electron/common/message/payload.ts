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
import { CategorySchema, PrecedenceSchema } from './precedence';
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

export const Content = z.discriminatedUnion('type', [TextContent, MessageContent, EventContent, LineCheckContent]);
export type Content = z.infer<typeof Content>;

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
