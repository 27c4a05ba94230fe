/**
 * Takes the relay's deliveries, checks each (envelope-check.ts, chain-check.ts), and stores a batch at a time: the
 * envelopes exactly as delivered, the decrypted views, the chain and the read position, in one transaction; then
 * acknowledges the batch and hands it to the inclusion prover. An envelope that fails a check is stored too — as
 * evidence, with no readable view — and raises an alarm: nothing is dropped silently, and nothing unverified is shown.
 * Deliveries at or below the read position are ignored (the relay delivers at least once; §7.6).
 */
import { hashOfEnvelopeBytes, envelopeBytes, type Envelope } from '../../../electron/common/protocol/envelope';
import type { RelayFrameOf } from '../../../electron/common/protocol/frames';
import type { AlarmKind } from '../api';
import { stateWrite, type SyncState } from '../channel/channel-state';
import { StoredMessage, messageWrite, relayed } from '../messages/message-view';
import type { EnvelopeWrite, RecordWrite } from '../vault';
import { checkChain, type ChainLink, type ChainLookups } from './chain-check';
import { checkEnvelope, type EnvelopeVerdict } from './envelope-check';
import { advanceChain } from './outbox';
import type { SyncContext } from './sync-context';

/** The tree size a checkpoint note claims (its second line), for choosing which to check; -1 if unreadable. */
const checkpointSize = (note: string): number => {
  const size = Number(note.split('\n', 2)[1]);
  return Number.isSafeInteger(size) ? size : -1;
};

/** Envelopes stored per transaction: large enough to make catch-up cheap, small enough to keep each commit short. */
const BATCH = 256;
/** Hashes of recent envelopes kept in memory: a trail names the previous envelope for this post, nearly always one of these. */
const RECENT = 4096;

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
  readonly processed: number;
}

/**
 * Storing batch N overlaps with checking batch N+1: the checks are CPU work in this worker, the commit is IndexedDB's
 * work in the browser process. What the next batch's checks need from the ones before — the read position, each
 * sender's last envelope, the hashes just received — is kept here, ahead of the vault, and forgotten if a commit fails.
 */
export class Receiver {
  readonly #context: SyncContext;
  readonly #onStored: (leaves: readonly ReceivedLeaf[]) => void;
  #queue: RelayFrameOf<'deliver'>[] = [];
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

  constructor(context: SyncContext, onStored: (leaves: readonly ReceivedLeaf[]) => void) {
    this.#context = context;
    this.#onStored = onStored;
  }

  push(frame: RelayFrameOf<'deliver'>): void {
    this.#queue.push(frame);
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
    this.#queue = [];
  }

  async #drain(): Promise<void> {
    let committing: Promise<void> | null = null;
    try {
      for (;;) {
        if (this.#queue.length === 0) {
          if (!committing) return;
          await committing;
          committing = null;
          continue;
        }
        const prepared = await this.#prepare(this.#queue.splice(0, BATCH));
        if (committing) await committing;
        committing = prepared ? this.#commit(prepared) : null;
        // Awaited above on the next turn; until then a failure must not count as unhandled.
        committing?.catch(() => undefined);
      }
    } catch (error) {
      // What was prepared ahead of the vault may never be stored: read it from the vault again.
      this.#heads.clear();
      this.#recent.clear();
      this.#processedAhead = null;
      throw error;
    }
  }

  async #prepare(frames: readonly RelayFrameOf<'deliver'>[]): Promise<Prepared | null> {
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
    const writes: RecordWrite[] = [];
    const own: { envelope: Envelope; hash: string }[] = [];
    const deletes: { table: 'outbox'; id: string }[] = [];
    const leaves: ReceivedLeaf[] = [];
    const alarms: Alarm[] = [];
    /**
     * The newest checkpoint each sender had verified: it must fit this device's view of the log. The newest is enough:
     * once a relay shows two parties different trees, every later checkpoint of one contradicts every later one of
     * the other (a fork never heals), so checking each sender's newest per batch catches a split view without a
     * consistency proof per message.
     */
    const peerCheckpoints = new Map<string, { size: number; note: string }>();
    const claimed = new Map<string, string>();
    const lookups: ChainLookups = {
      lastFrom: (sender) => this.#head(sender),
      holds: async (hash) => this.#recent.has(hash) || (await context.vault.hasEnvelope(hash)),
    };
    // The views this batch may update (this device's own, queued earlier), read in one go.
    const existing = await context.vault.getMany(
      'messages',
      frames.map((frame) => frame.envelope.header.id),
    );
    let refreshed = false;

    for (const { index, envelope } of frames) {
      if (index <= processed) continue;
      const bytes = envelopeBytes(envelope);
      const hash = hashOfEnvelopeBytes(bytes);
      let verdict = checkEnvelope(envelope, context.directory, me);
      if (!verdict.ok && verdict.alarm === 'unknown-sender' && !refreshed) {
        // A device enrolled since the directory was last fetched: fetch it once per batch and judge again.
        refreshed = true;
        await context.refreshDirectory().catch(() => undefined);
        verdict = checkEnvelope(envelope, context.directory, me);
      }
      const judged = await this.#judgeChain(envelope, hash, verdict, lookups);
      if (!judged.ok) alarms.push({ kind: judged.alarm, detail: { ...judged.detail, index } });
      else if ('missing' in judged && judged.missing) alarms.push({ kind: judged.missing.alarm, detail: { ...judged.missing.detail, index } });
      envelopes.push({ bytes, logIndex: index, parsed: { envelope, hash } });
      this.#heads.set(envelope.header.sender, { seq: envelope.header.seq, hash });
      this.#remember(hash);
      leaves.push({ index, hash });
      processed = index;
      if (judged.ok && verdict.ok) {
        if (envelope.header.sender === identity.deviceId) {
          own.push({ envelope, hash });
          deletes.push({ table: 'outbox', id: envelope.header.id });
        }
        const note = verdict.payload?.trail.checkpoint;
        if (note) {
          const size = checkpointSize(note);
          if (size >= (peerCheckpoints.get(envelope.header.sender)?.size ?? -1)) peerCheckpoints.set(envelope.header.sender, { size, note });
        }
        const view = verdict.payload ? this.#view(envelope, verdict, index, hash, existing.get(envelope.header.id)) : null;
        // An id belongs to the first sender that used it, in this batch as across batches.
        const claimant = claimed.get(envelope.header.id);
        if (view && (claimant === undefined || claimant === envelope.header.sender)) {
          claimed.set(envelope.header.id, envelope.header.sender);
          writes.push(messageWrite(view));
        }
      }
    }
    if (envelopes.length === 0) return null;
    this.#processedAhead = processed;
    return { envelopes, writes, own, deletes, leaves, alarms, peerCheckpoints: [...peerCheckpoints.values()].map(({ note }) => note), processed };
  }

  async #commit(prepared: Prepared): Promise<void> {
    const context = this.#context;
    const sync: SyncState = { ...context.sync, processedIndex: prepared.processed, lastSyncAt: context.clock.now() };
    // The chain as it stands now (the sender may have moved it while this batch was checked), advanced by this
    // device's own envelopes among the batch; written only if they moved it.
    const chain = prepared.own.reduce((current, { envelope, hash }) => advanceChain(current, envelope, hash), context.chain);
    const state = chain === context.chain ? [stateWrite(sync)] : [stateWrite(sync), stateWrite(chain)];
    await context.vault.commit({ envelopes: prepared.envelopes, put: [...prepared.writes, ...state], delete: prepared.deletes, messagesJustRead: true });
    context.sync = sync;
    context.chain = chain;
    if (this.#processedAhead === prepared.processed) this.#processedAhead = null;
    context.link?.send({ type: 'ack', index: prepared.processed });
    for (const alarm of prepared.alarms) await context.raise(alarm.kind, alarm.detail);
    for (const note of prepared.peerCheckpoints) {
      this.#checkpointQueue = this.#checkpointQueue.then(() => context.observeCheckpoint(note)).then(
        () => undefined,
        (error: unknown) => context.background(error),
      );
    }
    this.#onStored(prepared.leaves);
    context.changed('messages', 'status');
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

  /** The view to store: a new one, or the outgoing one this device queued, now relayed. */
  #view(envelope: Envelope, verdict: Extract<EnvelopeVerdict, { ok: true }>, index: number, hash: string, existing: unknown): StoredMessage | null {
    const payload = verdict.payload;
    if (!payload || payload.content.type !== 'text') return null;
    const { header } = envelope;
    if (existing !== undefined) {
      const parsed = StoredMessage.safeParse(existing);
      // An id is the sender's: a different sender reusing it gets no say over the stored message.
      if (parsed.success && parsed.data.sender === header.sender) return relayed(parsed.data, index, hash);
      if (parsed.success) return null;
    }
    return {
      id: header.id,
      text: payload.content.text,
      lang: payload.content.lang,
      outgoing: header.sender === this.#context.identity.deviceId,
      sender: header.sender,
      senderPost: header.senderPost,
      senderName: verdict.sender.body.name,
      recipients: header.recipients,
      createdAt: header.createdAt,
      state: 'relayed',
      logIndex: index,
      hash,
      order: index,
    };
  }
}
