/**
 * The durable outbox: messages queued in the vault (encrypted) until the relay gives a receipt. An item is sealed and
 * numbered in this device's chain only when it is about to be sent, and from then on the same bytes are resubmitted
 * until the relay answers (resubmission is idempotent), so a crash or a lost connection can neither lose it nor fork
 * the chain. Items are sent one at a time, in order.
 */
import { z } from 'zod';
import { bytesEqual, fromBase64Url, randomBytes, toBase64Url } from '../../../electron/common/crypto/sodium';
import {
  Content,
  MAX_SUBJECT_LENGTH,
  MAX_TEXT_LENGTH,
  MessageContent,
  TranslationContent,
  encodePayload,
  envelopeKindOf,
  type EventContent,
  type LineCheckContent,
  type ReportedStage,
} from '../../../electron/common/message/payload';
import type { LifecycleEvent } from '../../../electron/common/message/lifecycle';
import { audienceOf, sealEnvelope, type Envelope } from '../../../electron/common/protocol/envelope';
import { PostsSchema, Time, type Post } from '../../../electron/common/protocol/schemas';
import { LANGUAGES, type Language } from '../../../electron/common/settings';
import type { ChainState } from '../channel/channel-state';
import { CoreError } from '../core-error';
import { NO_ACTS, QUEUED_ORDER_BASE, messageFields, messageWrite, type StoredMessage } from '../messages/message-view';
import type { RecordWrite, Vault } from '../vault';
import { sealingTargets } from './directory';
import type { SyncContext } from './sync-context';

export const QueuedItem = z.strictObject({
  id: z.string().min(1).max(64),
  order: z.number().int().min(0),
  attempts: z.number().int().min(0),
  recipients: PostsSchema,
  content: Content,
  createdAt: Time,
  /** The sealed envelope being submitted, once numbered. */
  envelope: z.custom<Uint8Array>((value) => value instanceof Uint8Array).optional(),
  /** Set when the relay refused it for good: kept for the record, no longer sent. Holds the relay's code. */
  failed: z.string().optional(),
});
export type QueuedItem = z.infer<typeof QueuedItem>;

export const outboxWrite = (item: QueuedItem): RecordWrite => ({ table: 'outbox', record: QueuedItem.parse(item) });

/** The outbox in send order; unreadable items are quarantined by the vault and skipped. */
export async function readOutbox(vault: Vault): Promise<QueuedItem[]> {
  const { records } = await vault.list('outbox');
  return records
    .map((record) => QueuedItem.safeParse(record))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .sort((a, b) => a.order - b.order);
}

export interface Author {
  readonly deviceId: string;
  readonly post: Post;
  readonly name: string;
}

/**
 * Outbox order: after everything queued before, and from this worker strictly increasing, so two items queued in the
 * same millisecond (a message and a receipt) keep the order they were queued in.
 */
let lastOrder = 0;
export function nextOrder(now: number, after = 0): number {
  lastOrder = Math.max(now, after + 1, lastOrder + 1);
  return lastOrder;
}

/** Whether the text shows anything: a letter, digit, mark, punctuation or symbol (not only spaces and invisible formatting). */
const isVisible = (text: string): boolean => /[\p{L}\p{N}\p{M}\p{P}\p{S}]/u.test(text);

/**
 * Queues a message: the outbox item and the outgoing message view, in one transaction. Returns its id. Checks what a
 * person can get wrong with a clear error each; the schema then checks the rest.
 */
export async function queueMessage(
  vault: Vault,
  author: Author,
  input: { readonly recipients: readonly Post[]; readonly content: MessageContent; readonly translations?: readonly TranslatedText[] },
  now: number,
): Promise<string> {
  const recipients = [...new Set(input.recipients)].filter((post) => post !== author.post).sort();
  const { content } = input;
  if (recipients.length === 0 || !PostsSchema.safeParse(recipients).success) throw new CoreError('message.noRecipients');
  if (!isVisible(content.subject) || content.subject.length > MAX_SUBJECT_LENGTH) throw new CoreError('message.noSubject', { max: MAX_SUBJECT_LENGTH });
  if (!isVisible(content.body) && content.template === undefined) throw new CoreError('message.empty');
  if (content.body.length > MAX_TEXT_LENGTH) throw new CoreError('message.tooLong', { max: MAX_TEXT_LENGTH });
  const parsed = MessageContent.safeParse(content);
  if (!parsed.success) throw new CoreError('message.invalidTemplate');
  const fields = messageFields(parsed.data)!;
  const id = toBase64Url(randomBytes(16));
  const outbox = await readOutbox(vault);
  const order = nextOrder(now, outbox.at(-1)?.order);
  const view: StoredMessage = {
    id,
    ...fields,
    outgoing: true,
    sender: author.deviceId,
    senderPost: author.post,
    senderName: author.name,
    recipients,
    createdAt: now,
    state: 'queued',
    logIndex: null,
    hash: null,
    order: QUEUED_ORDER_BASE + order,
    relayedAt: null,
    events: [],
    readHere: true,
    ...NO_ACTS,
  };
  const translations = presendTranslations(id, parsed.data.lang, input.translations ?? [], now).map((content) => outboxWrite(queuedItem(content, recipients, now)));
  await vault.commit({ put: [outboxWrite({ id, order, attempts: 0, recipients, content: parsed.data, createdAt: now }), messageWrite(view), ...translations] });
  return id;
}

/** A translation written before sending: its language, subject and text. */
export interface TranslatedText {
  readonly lang: Language;
  readonly subject: string;
  readonly body: string;
}

/**
 * The submissions of translations written before sending, each into a language other than the message's and each
 * language once, with text; queued after the message (outbox order), so every post reads the message first. They are
 * submissions like any other: a second translator certifies them.
 */
function presendTranslations(message: string, messageLang: Language, translations: readonly TranslatedText[], now: number): TranslationContent[] {
  // The worker's caller is the UI, which is not trusted with shapes: anything but a short list is refused.
  if (!Array.isArray(translations) || translations.length >= LANGUAGES.length) throw new CoreError('translation.invalid');
  const languages = new Set<Language>();
  return translations.map(({ lang, subject, body }) => {
    const parsed = TranslationContent.safeParse({ type: 'translation', message, lang, subject, body, at: now });
    if (!parsed.success || lang === messageLang || languages.has(lang) || !isVisible(body)) throw new CoreError('translation.invalid');
    languages.add(lang);
    return parsed.data;
  });
}

/**
 * The outbox item that reports a lifecycle stage for these messages to the posts that care: every post of their
 * audiences but this device's own (the desk is in every audience, and so gets it by itself). Null if that leaves nobody.
 */
export function eventItem(author: Author, stage: ReportedStage, messages: readonly Pick<StoredMessage, 'id' | 'senderPost' | 'recipients'>[], now: number): QueuedItem | null {
  const posts = new Set<Post>();
  for (const message of messages) for (const post of [message.senderPost, ...message.recipients]) if (post !== author.post) posts.add(post);
  if (posts.size === 0 || messages.length === 0) return null;
  const content: EventContent = { type: 'event', stage, at: now, messages: messages.map((message) => message.id) };
  return queuedItem(content, [...posts], now);
}

/** A new outbox item carrying `content` to these posts (the desk, and this device's own post, get it anyway). */
export function queuedItem(content: Content, recipients: readonly Post[], now: number): QueuedItem {
  return { id: toBase64Url(randomBytes(16)), order: nextOrder(now), attempts: 0, recipients: [...new Set(recipients)].sort(), content, createdAt: now };
}

/** The posts a note or request about a message goes to: every post the message concerns but the author's own. */
export const postsOfMessage = (message: Pick<StoredMessage, 'senderPost' | 'recipients'>, author: Post): Post[] =>
  [message.senderPost, ...message.recipients].filter((post) => post !== author);

/**
 * The lifecycle event an event item becomes once signed and delivered back (same source, stage, post, device and
 * time): applied to this device's views when queued, so the copy delivered back changes nothing (message-view.ts
 * `withEvent`). Null for an item that is not an event.
 */
export function ownEvent(author: Author, item: QueuedItem): LifecycleEvent | null {
  const { content } = item;
  if (content.type !== 'event') return null;
  return { stage: content.stage, post: author.post, device: author.deviceId, deviceName: author.name, at: content.at, source: item.id };
}

/** A post's answer to the desk's line check, with the newest checkpoint this device verified. */
export function lineCheckAnswer(checkId: string, checkpoint: string | null, now: number): QueuedItem {
  const content: LineCheckContent = { type: 'line-check', answers: checkId, at: now, checkpoint };
  return queuedItem(content, ['US'], now);
}

/** The desk's line check to the posts. */
export function lineCheckItem(posts: readonly Post[], checkpoint: string | null, now: number): QueuedItem {
  const content: LineCheckContent = { type: 'line-check', answers: null, at: now, checkpoint };
  return queuedItem(content, posts, now);
}

/** The chain after the relay accepted `envelope` (a no-op if the chain is already past it). */
export function advanceChain(chain: ChainState, envelope: Envelope, hash: string): ChainState {
  if (envelope.header.seq <= chain.seq) return chain;
  const previous = { ...chain.previous };
  for (const post of audienceOf(envelope.header)) previous[post] = hash;
  return { id: 'chain', seq: envelope.header.seq, lastHash: hash, previous };
}

/** Seals and numbers an item as the next envelope of `chain` (this device's, by default), for the devices current now. */
export function sealItem(context: SyncContext, item: QueuedItem, chain: ChainState = context.chain): Envelope {
  const { identity, keys, clock } = context;
  const header = {
    v: 1 as const,
    id: item.id,
    kind: envelopeKindOf(item.content),
    sender: identity.deviceId,
    senderPost: identity.post,
    recipients: item.recipients,
    createdAt: clock.now(),
    seq: chain.seq + 1,
    prev: chain.lastHash,
  };
  const audience = audienceOf(header);
  const previous = Object.fromEntries([...audience].map((post) => [post, chain.previous[post] ?? null]));
  const plaintext = encodePayload({ v: 1, content: item.content, trail: { previous, checkpoint: context.checkpoints.trusted?.note ?? null } });
  const devices = sealingTargets(context.directory, audience, clock.now());
  return sealEnvelope({
    header,
    plaintext,
    recipients: devices.map((certificate) => ({ deviceId: certificate.body.deviceId, boxKey: fromBase64Url(certificate.body.boxKey) })),
    senderSecretKey: keys.sign.secretKey,
  });
}

/** Whether these are the bytes the item was sealed as (the receiver uses it to recognise its own envelopes). */
export const isItemEnvelope = (item: QueuedItem, bytes: Uint8Array): boolean => item.envelope !== undefined && bytesEqual(item.envelope, bytes);
