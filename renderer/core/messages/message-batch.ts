/**
 * What one received batch (or one local action) does to the stored messages: new messages, messages of this device
 * relayed, lifecycle events applied, answers noted. Pure bookkeeping over the views held before the batch; the
 * receiver reads those views, and stores what this reports, in one transaction.
 *
 * The rules a hostile sender cannot get round:
 * - an id belongs to the first sender that used it: a later envelope reusing it changes nothing;
 * - a post speaks only for itself: an event's post is its signer's (the certificate's), and counts only for a message
 *   addressed to that post (lifecycle.ts);
 * - acknowledging and closing are an officer's acts: the same events from a device without the officer role count for
 *   nothing.
 */
import type { LifecycleEvent } from '../../../electron/common/message/lifecycle';
import type { EventContent, Payload } from '../../../electron/common/message/payload';
import type { SignedCertificate } from '../../../electron/common/protocol/certificates';
import type { Envelope } from '../../../electron/common/protocol/envelope';
import type { Post } from '../../../electron/common/protocol/schemas';
import { messageFields, relayed, withEvent, type StoredMessage } from './message-view';

export interface Arrival {
  readonly envelope: Envelope;
  readonly hash: string;
  readonly index: number;
  readonly payload: Payload;
  readonly sender: SignedCertificate;
}

export interface Me {
  readonly deviceId: string;
  readonly post: Post;
}

/** The message ids an arrival needs to have read before it is applied. */
export function idsNeeded(arrival: Pick<Arrival, 'envelope' | 'payload'>): string[] {
  const { content } = arrival.payload;
  if (content.type === 'event') return [...content.messages];
  if (content.type === 'line-check') return [];
  if (content.type === 'message' && content.replyTo !== undefined) return [arrival.envelope.header.id, content.replyTo];
  return [arrival.envelope.header.id];
}

const OFFICER_STAGES: ReadonlySet<EventContent['stage']> = new Set(['acknowledged', 'closed']);

export class MessageBatch {
  readonly #held: (id: string) => StoredMessage | null;
  readonly #me: Me;
  readonly #changed = new Map<string, StoredMessage>();
  /** Received messages addressed to this post, new to this device: their delivery is reported. */
  readonly #delivered: StoredMessage[] = [];

  constructor(held: (id: string) => StoredMessage | null, me: Me) {
    this.#held = held;
    this.#me = me;
  }

  current(id: string): StoredMessage | null {
    return this.#changed.get(id) ?? this.#held(id);
  }

  get changed(): ReadonlyMap<string, StoredMessage> {
    return this.#changed;
  }

  get delivered(): readonly StoredMessage[] {
    return this.#delivered;
  }

  /** Ids whose text and order are what the index already holds (only events moved them): no re-indexing. */
  unchangedText(): Set<string> {
    const unchanged = new Set<string>();
    for (const [id, view] of this.#changed) {
      const before = this.#held(id);
      if (before && before.text === view.text && before.order === view.order) unchanged.add(id);
    }
    return unchanged;
  }

  /** Applies one verified, readable envelope of the log (its header kind must match its content). */
  receive(arrival: Arrival): void {
    const { content } = arrival.payload;
    const kind = arrival.envelope.header.kind;
    if (content.type === 'event') {
      if (kind === 'event') this.#event(arrival, content);
      return;
    }
    if (kind === 'message') this.#message(arrival);
  }

  /**
   * A change made here (a receipt's relayed state, say), applied in order with the batch. One that changes nothing
   * (it returns the message as it was) writes nothing: this device's own event delivered back, applied when it acted.
   */
  update(id: string, mutate: (message: StoredMessage) => StoredMessage): boolean {
    const message = this.current(id);
    if (!message) return false;
    const changed = mutate(message);
    if (changed !== message) this.#changed.set(id, changed);
    return true;
  }

  #message(arrival: Arrival): void {
    const { envelope, hash, index, payload, sender } = arrival;
    const { header } = envelope;
    const fields = messageFields(payload.content);
    if (!fields) return;
    const existing = this.current(header.id);
    if (existing) {
      // This device's own message, queued here and now delivered back through the log; anyone else's reuse is ignored.
      if (existing.sender === header.sender) this.#changed.set(header.id, relayed(existing, index, hash, header.createdAt));
      return;
    }
    const view: StoredMessage = {
      id: header.id,
      ...fields,
      outgoing: header.sender === this.#me.deviceId,
      sender: header.sender,
      senderPost: header.senderPost,
      senderName: sender.body.name,
      recipients: header.recipients,
      createdAt: header.createdAt,
      state: 'relayed',
      logIndex: index,
      hash,
      order: index,
      relayedAt: header.createdAt,
      events: [],
      readHere: header.sender === this.#me.deviceId,
    };
    this.#changed.set(header.id, view);
    if (header.recipients.includes(this.#me.post) && header.senderPost !== this.#me.post) this.#delivered.push(view);
    if (fields.replyTo !== undefined) {
      const answer: LifecycleEvent = { stage: 'answered', post: header.senderPost, device: header.sender, deviceName: sender.body.name, at: header.createdAt, source: header.id };
      this.update(fields.replyTo, (answered) => withEvent(answered, answer));
    }
  }

  #event(arrival: Arrival, content: EventContent): void {
    const { envelope, sender } = arrival;
    const { header } = envelope;
    if (OFFICER_STAGES.has(content.stage) && !sender.body.roles.includes('officer')) return;
    const event: LifecycleEvent = { stage: content.stage, post: header.senderPost, device: header.sender, deviceName: sender.body.name, at: content.at, source: header.id };
    for (const id of new Set(content.messages)) {
      this.update(id, (message) => {
        const updated = withEvent(message, event);
        // This device's own read receipt, back through the log: the person here has opened it.
        return event.stage === 'read' && event.device === this.#me.deviceId ? { ...updated, readHere: true } : updated;
      });
    }
  }
}
