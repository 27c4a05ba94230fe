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
import {
  envelopeKindOf,
  type AnnotationContent,
  type EventContent,
  type Payload,
  type TranslationContent,
  type TranslationDraftContent,
  type TranslationRequestContent,
  type TranslationReviewContent,
} from '../../../electron/common/message/payload';
import { judgeReview } from '../../../electron/common/translation/certification';
import type { Terminology } from '../../../electron/common/translation/terminology';
import type { SignedCertificate } from '../../../electron/common/protocol/certificates';
import type { Envelope } from '../../../electron/common/protocol/envelope';
import type { Post } from '../../../electron/common/protocol/schemas';
import {
  MAX_ACTS_PER_MESSAGE,
  messageFields,
  NO_ACTS,
  relayed,
  withAct,
  withEvent,
  type MessageNote,
  type StoredMessage,
  type StoredTranslation,
  type TranslationClaim,
  type TranslationRequest,
  type TranslationVerdict,
} from './message-view';

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
  switch (content.type) {
    case 'event':
      return [...content.messages];
    case 'annotation':
    case 'translation-request':
    case 'translation-draft':
    case 'translation':
    case 'translation-review':
      return [content.message];
    case 'message':
      return content.replyTo === undefined ? [arrival.envelope.header.id] : [arrival.envelope.header.id, content.replyTo];
    case 'text':
      return [arrival.envelope.header.id];
    default:
      return [];
  }
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

  /**
   * Applies one verified, readable envelope of the log (its header kind must match its content). A review is judged
   * with `terminology`: the channel's glossary as it stood at the review's place in the log (the shipped one if absent).
   */
  receive(arrival: Arrival, terminology?: Terminology): void {
    const { content } = arrival.payload;
    if (envelopeKindOf(content) !== arrival.envelope.header.kind) return;
    switch (content.type) {
      case 'event':
        return this.#event(arrival, content);
      case 'annotation':
        return this.#annotation(arrival, content);
      case 'translation-request':
        return this.#translationRequest(arrival, content);
      case 'message':
      case 'text':
        return this.#message(arrival);
      case 'translation-draft':
        return this.#translationClaim(arrival, content);
      case 'translation':
        return this.#translation(arrival, content);
      case 'translation-review':
        return this.#translationReview(arrival, content, terminology);
      default:
        return;
    }
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
      ...NO_ACTS,
    };
    this.#changed.set(header.id, view);
    if (header.recipients.includes(this.#me.post) && header.senderPost !== this.#me.post) this.#delivered.push(view);
    if (fields.replyTo !== undefined) {
      const answer: LifecycleEvent = { stage: 'answered', post: header.senderPost, device: header.sender, deviceName: sender.body.name, at: header.createdAt, source: header.id };
      this.update(fields.replyTo, (answered) => withEvent(answered, answer));
    }
  }

  /** Only a supervisor at the desk annotates (DESIGN §2); a note from anyone else counts for nothing. */
  #annotation(arrival: Arrival, content: AnnotationContent): void {
    const { header } = arrival.envelope;
    if (header.senderPost !== 'US' || !arrival.sender.body.roles.includes('supervisor')) return;
    const note: MessageNote = { ...this.#actOf(arrival, content.at), text: content.text };
    this.update(content.message, (message) => ({ ...message, notes: withAct(message.notes, note) }));
  }

  /** Anyone the message concerns may ask for it in other languages (its audience is checked by who could open it). */
  #translationRequest(arrival: Arrival, content: TranslationRequestContent): void {
    const request: TranslationRequest = { ...this.#actOf(arrival, content.at), languages: [...new Set(content.languages)] };
    this.update(content.message, (message) =>
      message.senderPost === request.post || message.recipients.includes(request.post) || request.post === 'US'
        ? { ...message, translationRequests: withAct(message.translationRequests, request) }
        : message,
    );
  }

  /** Only translators translate; a claim says one is drafting (the text stays in their vault). */
  #translationClaim(arrival: Arrival, content: TranslationDraftContent): void {
    if (!arrival.sender.body.roles.includes('translator')) return;
    const claim: TranslationClaim = { ...this.#actOf(arrival, content.at), lang: content.lang };
    this.update(content.message, (message) => (message.lang === content.lang ? message : { ...message, translationClaims: withAct(message.translationClaims, claim) }));
  }

  #translation(arrival: Arrival, content: TranslationContent): void {
    if (!arrival.sender.body.roles.includes('translator')) return;
    const { source, ...act } = this.#actOf(arrival, content.at);
    const submitted: StoredTranslation = { ...act, id: source, lang: content.lang, subject: content.subject, body: content.body, reviews: [] };
    this.update(content.message, (message) =>
      message.lang === content.lang || message.translations.some((held) => held.id === submitted.id)
        ? message
        : { ...message, translations: [...message.translations, submitted].sort((a, b) => a.at - b.at).slice(-MAX_ACTS_PER_MESSAGE) },
    );
  }

  /** Judged here by the rules every client applies (certification.ts); a refused review is kept, with its reason. */
  #translationReview(arrival: Arrival, content: TranslationReviewContent, terminology: Terminology | undefined): void {
    const reviewer = { device: arrival.envelope.header.sender, name: arrival.sender.body.name, roles: arrival.sender.body.roles };
    this.update(content.message, (message) => {
      const submitted = message.translations.find((held) => held.id === content.submission);
      if (!submitted || submitted.reviews.some((held) => held.source === arrival.envelope.header.id)) return message;
      const judgement = judgeReview(content, reviewer, { ...submitted, translator: { device: submitted.device, name: submitted.deviceName, roles: ['translator'] } }, message, terminology);
      const verdict: TranslationVerdict = {
        ...this.#actOf(arrival, content.at),
        verdict: content.verdict,
        comment: content.comment,
        overrides: content.overrides,
        refused: judgement.ok ? null : { reason: judgement.reason, checks: [...judgement.checks] },
      };
      const reviews = withAct(submitted.reviews, verdict).slice(-16);
      return { ...message, translations: message.translations.map((held) => (held === submitted ? { ...held, reviews } : held)) };
    });
  }

  #actOf(arrival: Arrival, at: number) {
    const { header } = arrival.envelope;
    return { at, post: header.senderPost, device: header.sender, deviceName: arrival.sender.body.name, source: header.id };
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
