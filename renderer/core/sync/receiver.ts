/**
 * Takes the relay's deliveries, checks each (envelope-check.ts, chain-check.ts), and stores a batch at a time: the
 * envelopes exactly as delivered, the decrypted views, the chain and the read position, in one transaction; then
 * acknowledges the batch and hands it to the inclusion prover. An envelope that fails a check is stored too — as
 * evidence, with no readable view — and raises an alarm: nothing is dropped silently, and nothing unverified is shown.
 * Deliveries at or below the read position are ignored (the relay delivers at least once; §7.6).
 */
import { hashOfEnvelopeBytes, type Envelope } from '../../../electron/common/protocol/envelope';
import type { RelayFrameOf } from '../../../electron/common/protocol/frames';
import { DELIVERY_WINDOW } from '../../../electron/common/protocol/limits';
import type { AlarmKind } from '../api';
import { readState, stateWrite, type ChainState, type SyncState } from '../channel/channel-state';
import { MAX_EVENT_MESSAGES, type GlossaryContent, type LineCheckContent, type PolicyContent } from '../../../electron/common/message/payload';
import { LINE_CHECK_ANSWER_WINDOW } from '../../../electron/common/message/line-check';
import { applyLineCheck, checkpointSize, EMPTY_LINE_CHECK_LOG, type LineCheckLog } from '../messages/line-checks';
import { applyPolicy, EMPTY_POLICY_LOG, type PolicyLog } from '../messages/policy-log';
import { applyGlossary, EMPTY_GLOSSARY_LOG, glossaryEntries, type GlossaryLog } from '../translation/glossary-log';
import { channelTerminology, type Terminology } from '../../../electron/common/translation/terminology';
import { MessageBatch, idsNeeded, type Arrival } from '../messages/message-batch';
import { messageWrite, parseStoredMessage, withEvent, type StoredMessage } from '../messages/message-view';
import type { EnvelopeWrite, RecordWrite, SealedChanges } from '../vault';
import { checkChain, type ChainLink, type ChainLookups } from './chain-check';
import { checkEnvelope, type EnvelopeVerdict } from './envelope-check';
import { cryptoFrom, envelopeFacts } from './envelope-facts';
import { DeliveryQueue, type Delivery } from './delivery-queue';
import { nextTurn } from './next-turn';
import { advanceChain, eventItem, lineCheckAnswer, outboxWrite, ownEvent } from './outbox';
import type { SyncContext } from './sync-context';

/**
 * Envelopes stored per transaction: large enough to make catch-up cheap (each batch costs a durable commit, a search
 * segment, a delivery receipt to send and one to take back), small enough to keep each commit short. A quarter of the
 * relay's delivery window, so whole batches are waiting while one is checked and the one before it stored.
 */
const BATCH = DELIVERY_WINDOW / 4;
/**
 * Envelopes judged between two turns of the event loop. Judging is CPU work with nothing to wait for, so a batch
 * would otherwise hold the worker for its whole length, and the relay's answers (inclusion proofs, the sender's
 * receipts) would wait for it.
 */
const CHECKS_PER_TURN = 64;

/** Hashes of recent envelopes kept in memory: a trail names the previous envelope for this post, nearly always one of these. */
const RECENT = 4096;
/**
 * Views this receiver stored lately, kept in memory (for this unlock only) for the batches after: events name recent
 * messages, above all this device's own delivery receipts coming back, each naming a whole batch it just stored.
 */
const RECENT_VIEWS = 4096;

export interface ReceivedLeaf {
  readonly index: number;
  readonly hash: string;
}

interface Alarm {
  readonly kind: AlarmKind;
  readonly detail: Readonly<Record<string, string | number>>;
}

/** A batch checked and sealed, ready to be stored in one transaction. */
interface Prepared {
  readonly envelopes: readonly EnvelopeWrite[];
  readonly writes: readonly RecordWrite[];
  /** This device's own envelopes, delivered back: they advance its chain when stored. */
  readonly own: readonly { readonly envelope: Envelope; readonly hash: string }[];
  readonly deletes: readonly { readonly table: 'outbox'; readonly id: string }[];
  readonly leaves: readonly ReceivedLeaf[];
  readonly alarms: readonly Alarm[];
  readonly peerCheckpoints: readonly string[];
  /** The read position after this batch; null for a batch of local changes only. */
  readonly processed: number | null;
  /** Message ids whose stored text the search index already holds. */
  readonly unchangedText: ReadonlySet<string>;
  /** The views this batch writes, by id: what later batches read until it is stored. */
  readonly views: ReadonlyMap<string, StoredMessage>;
  /** The local changes this batch carries: told once it is stored, or failed. */
  readonly settle: readonly { readonly resolve: () => void; readonly reject: (error: unknown) => void }[];
  /** Outbox items this batch queued (delivery receipts): the sender is told once they are stored. */
  readonly queued: number;
  readonly lineChecksChanged: boolean;
  readonly policyChanged: boolean;
  readonly glossaryChanged: boolean;
}

/** The chain after this device's own envelopes among a batch (unchanged if it is already past them). */
const advancedBy = (chain: ChainState, own: Prepared['own']): ChainState => own.reduce((current, { envelope, hash }) => advanceChain(current, envelope, hash), chain);

/** A change to a stored message made on this device, applied in order with the batches (see `update`). */
interface LocalUpdate {
  readonly id: string;
  readonly mutate: (message: StoredMessage) => StoredMessage;
  readonly also: readonly RecordWrite[];
  readonly done: (found: boolean) => void;
  readonly failed: (error: unknown) => void;
}

/**
 * Three stages overlap: the envelope checker computes the facts of the deliveries ahead (delivery-queue.ts; on the
 * check worker, in the app), this worker judges and seals batch N+1 with them, and IndexedDB commits batch N in the
 * browser process. What the next batch's checks need from the ones before — the read position, each sender's last
 * envelope, the hashes just received — is kept here, ahead of the vault, and forgotten if a commit fails.
 */
export class Receiver {
  readonly #context: SyncContext;
  readonly #onStored: (leaves: readonly ReceivedLeaf[]) => void;
  readonly #onQueued: () => void;
  readonly #queue: DeliveryQueue;
  #updates: LocalUpdate[] = [];
  /** Views of batches prepared but not yet stored: the next batch must see them, not the vault's older copies. */
  readonly #ahead = new Map<string, StoredMessage>();
  /**
   * Views stored lately, oldest first (see RECENT_VIEWS). Every change to a stored message goes through this receiver
   * (see `update`), and new ones are new ids, so what it stored last is what the vault holds.
   */
  readonly #stored = new Map<string, StoredMessage>();
  /**
   * Ids of the delivery receipts this receiver queued (and put in the views) and has not seen delivered back: back,
   * each changes nothing, so the views it names are not read again (a catch-up's receipts trail it by several batches,
   * past the views kept in memory).
   */
  readonly #receiptsOut = new Set<string>();
  /** The line checks seen, ahead of the vault like the views (null: not read yet). */
  #lineChecks: LineCheckLog | null = null;
  /** The policy log as of the batches prepared so far (ahead of the vault, like #lineChecks). */
  #policy: PolicyLog | null = null;
  #glossary: GlossaryLog | null = null;
  #draining: Promise<void> | null = null;
  /**
   * Each sender's last envelope as stored (or prepared to be), once read: only this receiver stores other devices'
   * envelopes, so it can keep them in step itself rather than ask the vault for every envelope of a catch-up.
   */
  readonly #heads = new Map<string, ChainLink | null>();
  readonly #recent = new Set<string>();
  /** The read position after the batches prepared but not yet stored. */
  #processedAhead: number | null = null;
  /** Checkpoints from senders' trails waiting to be judged, one at a time, off the receiving path. */
  #checkpointQueue: Promise<void> = Promise.resolve();

  constructor(context: SyncContext, onStored: (leaves: readonly ReceivedLeaf[]) => void, onQueued: () => void = () => {}) {
    this.#context = context;
    this.#onStored = onStored;
    this.#onQueued = onQueued;
    this.#queue = new DeliveryQueue(context, () => this.#processedAhead ?? context.sync.processedIndex);
  }

  push(frame: RelayFrameOf<'deliver'>): void {
    this.#queue.push(frame);
    this.#startDraining();
  }

  /**
   * Changes a stored message on this device's behalf (read here, relayed), together with `also` (an outbox item, say),
   * in one transaction. Every change to a stored message goes through this receiver, in order with the envelopes it
   * stores, so a change made here and an event arriving at the same moment cannot overwrite each other. Resolves
   * false if no such message is stored.
   */
  update(id: string, mutate: (message: StoredMessage) => StoredMessage, also: readonly RecordWrite[] = []): Promise<boolean> {
    return new Promise<boolean>((done, failed) => {
      this.#updates.push({ id, mutate, also, done, failed });
      this.#startDraining();
    });
  }

  #startDraining(): void {
    this.#draining ??= this.#drain()
      .catch((error: unknown) => this.#context.background(error))
      .finally(() => (this.#draining = null));
  }

  /** Resolves when everything delivered so far is processed (its trail checkpoints judged too). */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
    await this.#checkpointQueue;
  }

  /** Forgets deliveries not yet processed (the connection is gone; the relay delivers them again). */
  clear(): void {
    this.#queue.clear();
  }

  /** Fails the local changes not yet stored (the vault is being locked). */
  abandon(error: unknown): void {
    for (const update of this.#updates.splice(0)) update.failed(error);
    this.#stored.clear();
  }

  async #drain(): Promise<void> {
    let committing: Promise<void> | null = null;
    try {
      for (;;) {
        if (this.#queue.size === 0 && this.#updates.length === 0) {
          if (!committing) return;
          await committing;
          committing = null;
          continue;
        }
        const updates = this.#updates.splice(0);
        let prepared: Prepared | null;
        try {
          prepared = await this.#prepare(this.#queue.take(BATCH), updates);
        } catch (error) {
          for (const update of updates) update.failed(error);
          throw error;
        }
        // Sealed now, while IndexedDB is still writing the batch before, rather than once it has.
        const sealed = prepared ? this.#seal(prepared) : null;
        if (committing) await committing;
        committing = prepared && sealed ? this.#commit(prepared, sealed) : null;
        // Awaited above on the next turn; until then a failure must not count as unhandled.
        committing?.catch(() => undefined);
      }
    } catch (error) {
      // What was prepared ahead of the vault may never be stored: read it from the vault again.
      this.#heads.clear();
      this.#recent.clear();
      this.#ahead.clear();
      this.#stored.clear();
      this.#receiptsOut.clear();
      this.#lineChecks = null;
      this.#policy = null;
      this.#glossary = null;
      this.#processedAhead = null;
      throw error;
    }
  }

  async #prepare(deliveries: readonly Delivery[], updates: readonly LocalUpdate[]): Promise<Prepared | null> {
    const context = this.#context;
    const { identity } = context;
    const me = {
      deviceId: identity.deviceId,
      post: identity.post,
      box: context.keys.box,
      since: identity.certificate?.body.notBefore ?? 0,
    };
    let processed = this.#processedAhead ?? context.sync.processedIndex;
    const envelopes: EnvelopeWrite[] = [];
    const own: { envelope: Envelope; hash: string }[] = [];
    const deletes: { table: 'outbox'; id: string }[] = [];
    const leaves: ReceivedLeaf[] = [];
    const alarms: Alarm[] = [];
    const arrivals: Arrival[] = [];
    /**
     * The newest checkpoint each sender had verified: it must fit this device's view of the log. The newest is enough:
     * once a relay shows two parties different trees, every later checkpoint of one contradicts every later one of
     * the other (a fork never heals), so checking each sender's newest per batch catches a split view without a
     * consistency proof per message.
     */
    const peerCheckpoints = new Map<string, { size: number; note: string }>();
    const lookups: ChainLookups = {
      lastFrom: (sender) => this.#head(sender),
      holds: async (hash) => this.#recent.has(hash) || (await context.vault.hasEnvelope(hash)),
    };
    let refreshed = false;

    const facts = await this.#queue.factsOf(deliveries);
    for (const [i, { frame }] of deliveries.entries()) {
      const { index, envelope } = frame;
      if (i > 0 && i % CHECKS_PER_TURN === 0) await nextTurn();
      if (index <= processed) continue;
      // Facts not asked for (judged a redelivery when it arrived, but a failed commit has moved the position back).
      const known = facts[i] ?? envelopeFacts(envelope, undefined, me);
      const { bytes, hash } = known;
      const crypto = cryptoFrom(envelope, known, me);
      let verdict = checkEnvelope(envelope, context.directory, me, crypto);
      if (!verdict.ok && verdict.alarm === 'unknown-sender' && !refreshed) {
        // A device enrolled since the directory was last fetched: fetch it once per batch and judge again.
        refreshed = true;
        await context.refreshDirectory().catch(() => undefined);
        verdict = checkEnvelope(envelope, context.directory, me, crypto);
      }
      const judged = await this.#judgeChain(envelope, hash, verdict, lookups);
      if (!judged.ok) alarms.push({ kind: judged.alarm, detail: { ...judged.detail, index } });
      else if ('missing' in judged && judged.missing) alarms.push({ kind: judged.missing.alarm, detail: { ...judged.missing.detail, index } });
      envelopes.push({ bytes, logIndex: index, parsed: { envelope, hash } });
      this.#heads.set(envelope.header.sender, { seq: envelope.header.seq, hash });
      this.#remember(hash);
      leaves.push({ index, hash });
      processed = index;
      if (!judged.ok || !verdict.ok) continue;
      if (envelope.header.sender === identity.deviceId) {
        own.push({ envelope, hash });
        deletes.push({ table: 'outbox', id: envelope.header.id });
      }
      const note = verdict.payload?.trail.checkpoint;
      if (note) {
        const size = checkpointSize(note) ?? -1;
        if (size >= (peerCheckpoints.get(envelope.header.sender)?.size ?? -1)) peerCheckpoints.set(envelope.header.sender, { size, note });
      }
      if (verdict.payload) arrivals.push({ envelope, hash, index, payload: verdict.payload, sender: verdict.sender });
    }
    if (envelopes.length === 0 && updates.length === 0) return null;

    // The stored views this batch touches, read in one go (those of batches not yet stored are taken from memory), but
    // for this receiver's own receipts coming back, which change none of theirs (they are forgotten as they come).
    const receiptBack = (arrival: Arrival) => arrival.envelope.header.sender === identity.deviceId && this.#receiptsOut.delete(arrival.envelope.header.id);
    const ids = new Set([...arrivals.flatMap((arrival) => (receiptBack(arrival) ? [] : idsNeeded(arrival))), ...updates.map((update) => update.id)]);
    const inMemory = (id: string) => this.#ahead.get(id) ?? this.#stored.get(id);
    const fetched = await context.vault.storedMessages([...ids].filter((id) => inMemory(id) === undefined));
    const batch = new MessageBatch((id) => inMemory(id) ?? parseStoredMessage(fetched.get(id)), me);
    // Glossary changes are applied in log order among the rest, so a review is judged with the channel's glossary as it
    // stood at the review's place in the log: the same at every post, however the log was cut into batches.
    const glossaryBefore = await this.#glossaryBefore(arrivals);
    let glossary = glossaryBefore;
    const judging = new TerminologyOfGlossary();
    for (const arrival of arrivals) {
      if (isChannelLogArrival(arrival, 'glossary')) glossary = applyGlossary(glossary!, arrival, arrival.payload.content as GlossaryContent);
      batch.receive(arrival, glossary && arrival.payload.content.type === 'translation-review' ? judging.of(glossary) : undefined);
    }
    const found = updates.map((update) => batch.update(update.id, update.mutate));

    const now = context.clock.now();
    const author = { deviceId: identity.deviceId, post: identity.post, name: identity.name };
    const receipts: RecordWrite[] = [];
    for (let i = 0; i < batch.delivered.length; i += MAX_EVENT_MESSAGES) {
      const messages = batch.delivered.slice(i, i + MAX_EVENT_MESSAGES);
      const item = eventItem(author, 'delivered', messages, now);
      if (!item) continue;
      receipts.push(outboxWrite(item));
      this.#receiptsOut.add(item.id);
      // In the views at once, as when a person acts here: the receipt delivered back then rewrites none of them.
      const event = ownEvent(author, item)!;
      for (const { id } of messages) batch.update(id, (message) => withEvent(message, event));
    }
    const writes: RecordWrite[] = [...[...batch.changed.values()].map(messageWrite), ...receipts];
    let queued = receipts.length;
    const checks = await this.#applyLineChecks(arrivals, now);
    writes.push(...checks.writes);
    const policy = await this.#applyPolicies(arrivals);
    if (policy) writes.push(stateWrite(policy));
    const glossaryChanged = glossary !== glossaryBefore;
    if (glossaryChanged) {
      this.#glossary = glossary;
      writes.push(stateWrite(glossary!));
    }
    queued += checks.queued;
    updates.forEach((update, i) => {
      if (found[i]) writes.push(...update.also);
    });
    // Judged against what was held before this batch, so before the batch's own views join the ones held ahead.
    const unchangedText = batch.unchangedText();
    for (const [id, view] of batch.changed) this.#ahead.set(id, view);
    if (envelopes.length > 0) this.#processedAhead = processed;
    return {
      envelopes,
      writes,
      own,
      deletes,
      leaves,
      alarms,
      peerCheckpoints: [...peerCheckpoints.values()].map(({ note }) => note),
      processed: envelopes.length > 0 ? processed : null,
      unchangedText,
      views: batch.changed,
      settle: updates.map((update, i) => ({ resolve: () => update.done(found[i]!), reject: update.failed })),
      lineChecksChanged: checks.changed,
      policyChanged: policy !== null,
      glossaryChanged,
      queued: queued + updates.filter((update, i) => found[i] && update.also.length > 0).length,
    };
  }

  /** The batch's envelopes, views and records sealed for the vault (all but the sync state, written with them). */
  #seal(prepared: Prepared): SealedChanges {
    try {
      return this.#context.vault.seal({
        envelopes: prepared.envelopes,
        put: prepared.writes,
        delete: prepared.deletes,
        messagesJustRead: true,
        unchangedText: prepared.unchangedText,
      });
    } catch (error) {
      for (const update of prepared.settle) update.reject(error);
      throw error;
    }
  }

  async #commit(prepared: Prepared, sealed: SealedChanges): Promise<void> {
    const context = this.#context;
    try {
      if (prepared.processed === null) {
        await context.vault.commit({ messagesJustRead: true }, sealed);
      } else {
        await this.#commitBatch(prepared, prepared.processed, sealed);
      }
    } catch (error) {
      for (const update of prepared.settle) update.reject(error);
      throw error;
    }
    for (const [id, view] of prepared.views) {
      if (this.#ahead.get(id) === view) this.#ahead.delete(id);
      this.#keepStored(id, view);
    }
    for (const update of prepared.settle) update.resolve();
    if (prepared.queued > 0) this.#onQueued();
    context.changed(
      'messages',
      'status',
      ...(prepared.lineChecksChanged ? (['line-checks'] as const) : []),
      ...(prepared.policyChanged ? (['policy'] as const) : []),
      ...(prepared.glossaryChanged ? (['glossary'] as const) : []),
    );
  }

  async #commitBatch(prepared: Prepared, processed: number, sealed: SealedChanges): Promise<void> {
    const context = this.#context;
    const sync: SyncState = { ...context.sync, processedIndex: processed, lastSyncAt: context.clock.now() };
    // The chain as it stands now (the sender may have moved it while this batch was checked), advanced by this
    // device's own envelopes among the batch; written only if they moved it.
    const chain = advancedBy(context.chain, prepared.own);
    const state = chain === context.chain ? [stateWrite(sync)] : [stateWrite(sync), stateWrite(chain)];
    await context.vault.commit({ put: state, messagesJustRead: true }, sealed);
    context.sync = sync;
    // Advanced from the chain as it stands now: the sender may have moved it further while this batch was stored, and
    // setting the one computed before the commit would move it back (the next envelope sealed would reuse a seq).
    context.chain = advancedBy(context.chain, prepared.own);
    if (this.#processedAhead === processed) this.#processedAhead = null;
    context.link?.send({ type: 'ack', index: processed });
    for (const alarm of prepared.alarms) await context.raise(alarm.kind, alarm.detail);
    for (const note of prepared.peerCheckpoints) {
      this.#checkpointQueue = this.#checkpointQueue.then(() => context.observeCheckpoint(note)).then(
        () => undefined,
        (error: unknown) => context.background(error),
      );
    }
    this.#onStored(prepared.leaves);
  }

  /** Line checks and answers among the arrivals; a fresh check addressed to this post is answered at once. */
  async #applyLineChecks(arrivals: readonly Arrival[], now: number): Promise<{ writes: RecordWrite[]; queued: number; changed: boolean }> {
    const relevant = arrivals.filter((arrival) => arrival.payload.content.type === 'line-check' && arrival.envelope.header.kind === 'line-check');
    if (relevant.length === 0) return { writes: [], queued: 0, changed: false };
    const context = this.#context;
    const { identity } = context;
    const before = this.#lineChecks ?? (await readState(context.vault, 'line-checks')) ?? EMPTY_LINE_CHECK_LOG;
    let log = before;
    const writes: RecordWrite[] = [];
    for (const arrival of relevant) {
      const content = arrival.payload.content as LineCheckContent;
      const next = applyLineCheck(log, arrival, content);
      const isNewCheck = next !== log && content.answers === null;
      log = next;
      // Answered while online and still in time; a check caught up on long after it was sent is only recorded.
      if (isNewCheck && arrival.envelope.header.recipients.includes(identity.post) && identity.post !== 'US' && now - content.at <= LINE_CHECK_ANSWER_WINDOW) {
        writes.push(outboxWrite(lineCheckAnswer(arrival.envelope.header.id, context.checkpoints.trusted?.note ?? null, now)));
      }
    }
    this.#lineChecks = log;
    const queued = writes.length;
    if (log !== before) writes.push(stateWrite(log));
    return { writes, queued, changed: log !== before };
  }

  /** Policies among the arrivals: the log with them applied, or null if they changed nothing. */
  async #applyPolicies(arrivals: readonly Arrival[]): Promise<PolicyLog | null> {
    const log = await this.#applyChannelLog(arrivals, 'policy', this.#policy, EMPTY_POLICY_LOG, (held, arrival) => applyPolicy(held, arrival, arrival.payload.content as PolicyContent));
    if (log) this.#policy = log.log;
    return log?.changed ? log.log : null;
  }

  /** The channel's glossary before this batch, if the batch changes it or has reviews to judge by it (else null). */
  async #glossaryBefore(arrivals: readonly Arrival[]): Promise<GlossaryLog | null> {
    const needed = arrivals.some((arrival) => isChannelLogArrival(arrival, 'glossary') || arrival.payload.content.type === 'translation-review');
    if (!needed) return null;
    this.#glossary ??= ((await readState(this.#context.vault, 'glossary')) as GlossaryLog | null) ?? EMPTY_GLOSSARY_LOG;
    return this.#glossary;
  }

  /** A channel-wide record (policy, glossary) with this batch's envelopes of its kind applied in log order. */
  async #applyChannelLog<N extends 'policy', L>(
    arrivals: readonly Arrival[],
    name: N,
    ahead: L | null,
    empty: L,
    apply: (log: L, arrival: Arrival) => L,
  ): Promise<{ log: L; changed: boolean } | null> {
    const relevant = arrivals.filter((arrival) => isChannelLogArrival(arrival, name));
    if (relevant.length === 0) return null;
    const before = ahead ?? ((await readState(this.#context.vault, name)) as L | null) ?? empty;
    const log = relevant.reduce(apply, before);
    return { log, changed: log !== before };
  }

  #keepStored(id: string, view: StoredMessage): void {
    this.#stored.delete(id);
    this.#stored.set(id, view);
    // A Map iterates in insertion order: the first is the one stored longest ago.
    if (this.#stored.size > RECENT_VIEWS) this.#stored.delete(this.#stored.keys().next().value!);
  }

  #remember(hash: string): void {
    this.#recent.add(hash);
    // A Set iterates in insertion order: the first is the oldest.
    if (this.#recent.size > RECENT) this.#recent.delete(this.#recent.values().next().value!);
  }

  async #judgeChain(envelope: Envelope, hash: string, verdict: EnvelopeVerdict, lookups: ChainLookups) {
    if (!verdict.ok) return verdict;
    if (envelope.header.sender === this.#context.identity.deviceId) return this.#judgeOwn(envelope, hash, lookups);
    return checkChain(envelope, verdict.payload, this.#context.identity.post, lookups, verdict.sender.body.name);
  }

  /**
   * This device's own envelope, delivered back: it must be one this device made — stored on its receipt, or still in
   * the outbox waiting for it (the delivery may come first). Anything else was signed with this device's key elsewhere.
   */
  async #judgeOwn(envelope: Envelope, hash: string, lookups: ChainLookups) {
    if (await lookups.holds(hash)) return { ok: true as const };
    const queued = await this.#context.vault.get('outbox', envelope.header.id);
    if (queued.status === 'found' && queued.record.envelope && hashOfEnvelopeBytes(queued.record.envelope) === hash) return { ok: true as const };
    // The receipt may have been committed between the two reads above.
    if (await lookups.holds(hash)) return { ok: true as const };
    return { ok: false as const, alarm: 'chain-broken' as const, detail: { post: envelope.header.senderPost, seq: envelope.header.seq } };
  }

  async #head(sender: string): Promise<ChainLink | null> {
    if (!this.#heads.has(sender)) {
      const stored = await this.#context.vault.lastEnvelopeFrom(sender);
      this.#heads.set(sender, stored.status === 'found' ? { seq: stored.record.envelope.header.seq, hash: stored.record.hash } : null);
      if (stored.status === 'found') this.#remember(stored.record.hash);
    }
    return this.#heads.get(sender)!;
  }
}

/** An envelope of a channel-wide record's kind (its header kind must say so too). */
const isChannelLogArrival = (arrival: Arrival, kind: 'policy' | 'glossary'): boolean => arrival.payload.content.type === kind && arrival.envelope.header.kind === kind;

/** The terminology of a glossary log, compiled once per version of the log (compiling costs more than judging). */
class TerminologyOfGlossary {
  #log: GlossaryLog | null = null;
  #terminology: Terminology | null = null;

  of(log: GlossaryLog): Terminology {
    if (log !== this.#log || !this.#terminology) {
      this.#log = log;
      this.#terminology = channelTerminology(glossaryEntries(log));
    }
    return this.#terminology;
  }
}
