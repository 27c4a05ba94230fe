/**
 * A message as this device stores it in the vault (encrypted): the decrypted text and the routing facts the UI shows.
 * One record per envelope id, written when the message is queued (outgoing) or received, and updated as it moves on.
 */
import { z } from 'zod';
import { DeviceId, PostSchema, PostsSchema, Time } from '../../../electron/common/protocol/schemas';
import { LANGUAGES } from '../../../electron/common/settings';
import type { MessageSummary } from '../api';
import type { RecordWrite } from '../vault';

/**
 * The vault's plain ordering index for messages: the log index once relayed; while queued, above every log index (so
 * newest-first lists show the outbox first), in the order queued.
 */
export const QUEUED_ORDER_BASE = 2 ** 52;

export const StoredMessage = z.strictObject({
  id: z.string().min(1).max(64),
  order: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  text: z.string(),
  lang: z.enum(LANGUAGES),
  outgoing: z.boolean(),
  sender: DeviceId,
  senderPost: PostSchema,
  senderName: z.string(),
  recipients: PostsSchema,
  createdAt: Time,
  state: z.enum(['queued', 'relayed']),
  logIndex: z.number().int().min(0).nullable(),
  hash: z.string().nullable(),
});
export type StoredMessage = z.infer<typeof StoredMessage>;

export const messageWrite = (message: StoredMessage): RecordWrite => ({ table: 'messages', record: StoredMessage.parse(message) });

/** Relayed: the log holds it at `logIndex`. */
export const relayed = (message: StoredMessage, logIndex: number, hash: string): StoredMessage => ({ ...message, state: 'relayed', logIndex, hash, order: logIndex });

export function toSummary(message: StoredMessage): MessageSummary {
  const { id, outgoing, senderPost, senderName, recipients, createdAt, text, lang, state, logIndex } = message;
  return { id, outgoing, senderPost, senderName, recipients, createdAt, text, lang, state, logIndex };
}

/** Newest first: by creation time, then id so equal times keep one order. */
export const newestFirst = (a: StoredMessage, b: StoredMessage): number => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);
