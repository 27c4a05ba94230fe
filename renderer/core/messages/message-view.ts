/**
 * A message as this device stores it in the vault (encrypted): what its author wrote, the routing facts, and the
 * lifecycle events other posts signed about it. One record per envelope id, written when the message is queued
 * (outgoing) or received, and updated as it moves on. What the UI gets is a `MessageSummary` derived from it.
 */
import { z } from 'zod';
import { ackDeadline, isOpen, LifecycleEvent, markRelayed, trackingOf, type Tracking } from '../../../electron/common/message/lifecycle';
import { deadlinesAt, type PolicyEntry } from '../../../electron/common/message/policy';
import { MAX_NOTE_LENGTH, MAX_REVIEW_COMMENT_LENGTH, MAX_SUBJECT_LENGTH, MAX_TEXT_LENGTH, type Content, type MessageContent } from '../../../electron/common/message/payload';
import { CHECK_KINDS } from '../../../electron/common/translation/findings';
import { CategorySchema, PrecedenceSchema } from '../../../electron/common/message/precedence';
import { TemplateData } from '../../../electron/common/message/template';
import { DeviceId, PostSchema, PostsSchema, Time } from '../../../electron/common/protocol/schemas';
import { LANGUAGES } from '../../../electron/common/settings';
import type { MessageSummary } from '../api';
import { translationsOf } from './translation-view';
import type { RecordWrite } from '../vault';

/**
 * The vault's plain ordering index for messages: the log index once relayed; while queued, above every log index (so
 * newest-first lists show the outbox first), in the order queued.
 */
export const QUEUED_ORDER_BASE = 2 ** 52;

/** Who did something to a message, and when: the signed envelope that said so, its device and the time of the act. */
const Act = {
  at: Time,
  post: PostSchema,
  device: DeviceId,
  deviceName: z.string().max(64),
  /** The envelope that carried it: the same act delivered twice is held once. */
  source: z.string().min(1).max(64),
};

/** A supervisor's note on the message (the desk annotates; it never edits). */
export const MessageNote = z.strictObject({ ...Act, text: z.string().max(MAX_NOTE_LENGTH) });
export type MessageNote = z.infer<typeof MessageNote>;

/** Someone asked for the message in these languages: what puts it in translators' queues. */
export const TranslationRequest = z.strictObject({ ...Act, languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length) });
export type TranslationRequest = z.infer<typeof TranslationRequest>;

const Person = { post: PostSchema, device: DeviceId, deviceName: z.string().max(64) };

/** A second translator's verdict, as received; `refused` says why every client disregards it (certification.ts). */
export const TranslationVerdict = z.strictObject({
  ...Person,
  at: Time,
  source: z.string().min(1).max(64),
  verdict: z.enum(['certified', 'returned']),
  comment: z.string().max(MAX_REVIEW_COMMENT_LENGTH),
  overrides: z.array(z.strictObject({ check: z.enum(CHECK_KINDS), reason: z.string().max(500) })).max(CHECK_KINDS.length),
  refused: z.strictObject({ reason: z.enum(['same-person', 'not-translator', 'checks-not-overridden']), checks: z.array(z.enum(CHECK_KINDS)) }).nullable(),
});
export type TranslationVerdict = z.infer<typeof TranslationVerdict>;

/** One submitted translation of the message (its id is the envelope's), with the reviews it received. */
export const StoredTranslation = z.strictObject({
  ...Person,
  id: z.string().min(1).max(64),
  lang: z.enum(LANGUAGES),
  subject: z.string().max(MAX_SUBJECT_LENGTH),
  body: z.string().max(MAX_TEXT_LENGTH),
  at: Time,
  /** The verdict that counts (the first that is not refused), then the refused ones, for the reader to see. */
  reviews: z.array(TranslationVerdict).max(16),
});
export type StoredTranslation = z.infer<typeof StoredTranslation>;

/** A translator said they are drafting a translation into `lang`. */
export const TranslationClaim = z.strictObject({ ...Person, at: Time, source: z.string().min(1).max(64), lang: z.enum(LANGUAGES) });
export type TranslationClaim = z.infer<typeof TranslationClaim>;

/** Notes and requests a message holds at most: a thread's worth; beyond it the newest are kept. */
export const MAX_ACTS_PER_MESSAGE = 64;

export const StoredMessage = z.strictObject({
  id: z.string().min(1).max(64),
  order: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** What search reads: subject, body and the template's free text (see searchableText). */
  text: z.string(),
  lang: z.enum(LANGUAGES),
  precedence: PrecedenceSchema,
  category: CategorySchema,
  subject: z.string(),
  body: z.string(),
  template: TemplateData.optional(),
  replyTo: z.string().max(64).optional(),
  outgoing: z.boolean(),
  sender: DeviceId,
  senderPost: PostSchema,
  senderName: z.string(),
  recipients: PostsSchema,
  createdAt: Time,
  state: z.enum(['queued', 'relayed']),
  logIndex: z.number().int().min(0).nullable(),
  hash: z.string().nullable(),
  /** When this device learned the relay had logged it: acknowledgement deadlines count from here. */
  relayedAt: Time.nullable(),
  /** Signed lifecycle events from the recipient posts (and answers), one per source; the state is their fold. */
  events: z.array(LifecycleEvent).max(256),
  /** A person opened it on this device. */
  readHere: z.boolean(),
  notes: z.array(MessageNote).max(MAX_ACTS_PER_MESSAGE).default([]),
  translationRequests: z.array(TranslationRequest).max(MAX_ACTS_PER_MESSAGE).default([]),
  translations: z.array(StoredTranslation).max(MAX_ACTS_PER_MESSAGE).default([]),
  translationClaims: z.array(TranslationClaim).max(MAX_ACTS_PER_MESSAGE).default([]),
});
export type StoredMessage = z.infer<typeof StoredMessage>;

/** A new message's view holds no notes or requests yet. */
export const NO_ACTS = { notes: [], translationRequests: [], translations: [], translationClaims: [] } as const satisfies Pick<
  StoredMessage,
  'notes' | 'translationRequests' | 'translations' | 'translationClaims'
>;

/** The list with one more act, unless its envelope is already held; ordered by time, the newest kept. */
export function withAct<T extends { readonly at: number; readonly source: string }>(list: readonly T[], act: T): T[] {
  if (list.some((held) => held.source === act.source)) return [...list];
  return [...list, act].sort((a, b) => a.at - b.at || (a.source < b.source ? -1 : 1)).slice(-MAX_ACTS_PER_MESSAGE);
}

/**
 * Records written before messages had precedence and subject (plain text messages) read as routine administrative
 * messages whose subject is their first line; nothing stored is lost to a newer shape.
 */
function upgradeLegacy(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || 'body' in record) return record;
  const legacy = record as { text?: unknown };
  const text = typeof legacy.text === 'string' ? legacy.text : '';
  return { precedence: 'ROUTINE', category: 'administrative', subject: subjectFromText(text), body: text, relayedAt: null, events: [], readHere: false, ...record };
}

const SUBJECT_FROM_TEXT = 80;
const subjectFromText = (text: string): string => [...(text.trim().split('\n', 1)[0] ?? '')].slice(0, SUBJECT_FROM_TEXT).join('');

export function parseStoredMessage(record: unknown): StoredMessage | null {
  const parsed = StoredMessage.safeParse(upgradeLegacy(record));
  return parsed.success ? parsed.data : null;
}

export const messageWrite = (message: StoredMessage): RecordWrite => ({ table: 'messages', record: StoredMessage.parse(message) });

/** The words a search should find the message by: everything its author wrote, not the labels around it. */
export function searchableText(content: Pick<MessageContent, 'subject' | 'body' | 'template'>): string {
  const template = content.template;
  const fields =
    template === undefined
      ? []
      : template.kind === 'planned-activity'
        ? [template.activity, template.area, template.contact]
        : template.kind === 'incident'
          ? [template.what, template.where, template.request]
          : [template.need, template.location];
  return [content.subject, content.body, ...fields].filter((part) => part.length > 0).join('\n');
}

/** The message fields a content carries (a plain text message of version 1 reads as a routine one). */
export function messageFields(content: Content): Pick<StoredMessage, 'text' | 'lang' | 'precedence' | 'category' | 'subject' | 'body' | 'template' | 'replyTo'> | null {
  if (content.type === 'text') {
    const subject = subjectFromText(content.text);
    return { text: content.text, lang: content.lang, precedence: 'ROUTINE', category: 'administrative', subject, body: content.text };
  }
  if (content.type !== 'message') return null;
  const { type: _message, ...fields } = content;
  return { text: searchableText(content), ...fields };
}

/** Relayed: the log holds it at `logIndex`, as this device learned at `at`. */
export const relayed = (message: StoredMessage, logIndex: number, hash: string, at: number): StoredMessage => ({
  ...message,
  state: 'relayed',
  logIndex,
  hash,
  order: logIndex,
  relayedAt: message.relayedAt ?? at,
});

/**
 * The message with one more event. An event from the same source, for the same post and stage, replaces the one held
 * (this device's own event, applied when it acted, and the same event signed and delivered back are one).
 */
export function withEvent(message: StoredMessage, event: LifecycleEvent): StoredMessage {
  const same = (held: LifecycleEvent) => held.source === event.source && held.stage === event.stage && held.post === event.post;
  if (message.events.some((held) => same(held) && held.at === event.at && held.device === event.device)) return message;
  return { ...message, events: [...message.events.filter((held) => !same(held)), event] };
}

export function trackingOfMessage(message: StoredMessage): Tracking {
  const tracking = trackingOf({ recipients: message.recipients, relayedAt: message.relayedAt }, message.events);
  return message.state === 'relayed' ? markRelayed(tracking) : tracking;
}

/** The summary the UI gets; the deadline is the one the channel policy set when the relay logged the message. */
export function toSummary(message: StoredMessage, policies: readonly PolicyEntry[]): MessageSummary {
  const { id, outgoing, senderPost, senderName, recipients, createdAt, subject, body, lang, state, logIndex, precedence, category, template, replyTo, relayedAt } = message;
  const tracking = trackingOfMessage(message);
  const deadline = ackDeadline(message, deadlinesAt(policies, message.relayedAt ?? message.createdAt));
  return {
    id,
    outgoing,
    senderPost,
    senderName,
    recipients,
    createdAt,
    subject,
    body,
    lang,
    state,
    logIndex,
    precedence,
    category,
    template: template ?? null,
    replyTo: replyTo ?? null,
    relayedAt,
    tracking,
    deadline,
    open: isOpen(tracking),
    unread: !outgoing && !message.readHere,
    notes: message.notes,
    translationRequests: message.translationRequests,
    translations: translationsOf(message),
  };
}

/** Newest first: by creation time, then id so equal times keep one order. */
export const newestFirst = (a: StoredMessage, b: StoredMessage): number => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);
