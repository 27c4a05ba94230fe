/**
 * The durable outbox: messages queued in the vault (encrypted) until the relay gives a receipt. An item is sealed and
 * numbered in this device's chain only when it is about to be sent, and from then on the same bytes are resubmitted
 * until the relay answers (resubmission is idempotent), so a crash or a lost connection can neither lose it nor fork
 * the chain. Items are sent one at a time, in order.
 */
import { z } from 'zod';
import { bytesEqual, fromBase64Url, randomBytes, toBase64Url } from '../../../electron/common/crypto/sodium';
import { Content, MAX_TEXT_LENGTH, encodePayload } from '../../../electron/common/message/payload';
import { audienceOf, sealEnvelope, type Envelope } from '../../../electron/common/protocol/envelope';
import { PostsSchema, Time, type Post } from '../../../electron/common/protocol/schemas';
import type { ChainState } from '../channel/channel-state';
import { CoreError } from '../core-error';
import { QUEUED_ORDER_BASE, messageWrite, type StoredMessage } from '../messages/message-view';
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

export interface QueueInput {
  readonly recipients: readonly Post[];
  readonly content: Content;
}

/** Queues a message: the outbox item and the outgoing message view, in one transaction. Returns its id. */
export async function queueMessage(vault: Vault, sender: { deviceId: string; post: Post; name: string }, input: QueueInput, now: number): Promise<string> {
  const recipients = [...new Set(input.recipients)].filter((post) => post !== sender.post).sort();
  if (recipients.length === 0) throw new CoreError('message.noRecipients');
  if (input.content.text.trim().length === 0) throw new CoreError('message.empty');
  if (input.content.text.length > MAX_TEXT_LENGTH) throw new CoreError('message.tooLong', { max: MAX_TEXT_LENGTH });
  const id = toBase64Url(randomBytes(16));
  const outbox = await readOutbox(vault);
  const order = Math.max(now, (outbox.at(-1)?.order ?? 0) + 1);
  const view: StoredMessage = {
    id,
    text: input.content.text,
    lang: input.content.lang,
    outgoing: true,
    sender: sender.deviceId,
    senderPost: sender.post,
    senderName: sender.name,
    recipients,
    createdAt: now,
    state: 'queued',
    logIndex: null,
    hash: null,
    order: QUEUED_ORDER_BASE + order,
  };
  await vault.commit({ put: [outboxWrite({ id, order, attempts: 0, recipients, content: input.content, createdAt: now }), messageWrite(view)] });
  return id;
}

/** The chain after the relay accepted `envelope` (a no-op if the chain is already past it). */
export function advanceChain(chain: ChainState, envelope: Envelope, hash: string): ChainState {
  if (envelope.header.seq <= chain.seq) return chain;
  const previous = { ...chain.previous };
  for (const post of audienceOf(envelope.header)) previous[post] = hash;
  return { id: 'chain', seq: envelope.header.seq, lastHash: hash, previous };
}

/** Seals and numbers an item as the next envelope of this device's chain, for the devices current now. */
export function sealItem(context: SyncContext, item: QueuedItem): Envelope {
  const { identity, chain, keys, clock } = context;
  const header = {
    v: 1 as const,
    id: item.id,
    kind: 'message' as const,
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
