/**
 * Sends the outbox while connected: one item at a time, in order, each sealed once and resubmitted unchanged until the
 * relay answers. A receipt moves the item out of the outbox, the envelope into the store and the chain forward, in one
 * transaction. A refusal the sender can fix (the set of devices changed; the chain moved on elsewhere) reseals the
 * item with the same place in the queue; a refusal it cannot fix is an alarm and the item is set aside; a rate limit
 * or a lost connection waits with exponential backoff.
 */
import { utf8Decode } from '../../../electron/common/crypto/sodium';
import { envelopeBytes, hashOfEnvelopeBytes, Envelope } from '../../../electron/common/protocol/envelope';
import type { ErrorCode } from '../../../electron/common/protocol/frames';
import { stateWrite, type ChainState } from '../channel/channel-state';
import { CoreError } from '../core-error';
import { messageFields, relayed } from '../messages/message-view';
import { backoffDelay } from './backoff';
import { advanceChain, outboxWrite, readOutbox, sealItem, type QueuedItem } from './outbox';
import { LinkClosedError } from './relay-link';
import type { SyncContext } from './sync-context';

/** The item sealed and numbered as the next envelope of `chain`. */
const sealed = (context: SyncContext, item: QueuedItem, chain: ChainState): QueuedItem => ({ ...item, envelope: envelopeBytes(sealItem(context, item, chain)) });

/** Refusals that resealing for the current directory or chain can fix. */
const RESEAL: ReadonlySet<ErrorCode> = new Set(['missing-recipient-device', 'sealed-to-unknown-device', 'not-sealed-to-desk', 'sequence-gap', 'sequence-replay', 'chain-fork']);
/** Refusals that waiting fixes. */
const WAIT: ReadonlySet<ErrorCode> = new Set(['rate-limited', 'internal-error']);
/** After this many reseals in a row, the refusal is an alarm (the item stays queued). */
const RESEAL_ALARM_AFTER = 5;

export class Sender {
  readonly #context: SyncContext;
  #running = false;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(context: SyncContext) {
    this.#context = context;
  }

  /** Sends what is queued, if connected; safe to call at any time, any number of times. */
  kick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    void this.#pump()
      .catch((error: unknown) => this.#context.background(error))
      .finally(() => {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.kick();
      }
    });
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #pump(): Promise<void> {
    // The outbox is read (and decrypted) once per pass, not once per item: a queue that grew offline drains in linear
    // time. Only this sender changes the items still to be sent, and what is queued meanwhile comes after them.
    let queue: QueuedItem[] = [];
    for (;;) {
      const link = this.#context.link;
      if (!link?.open) return;
      if (queue.length === 0) queue = (await readOutbox(this.#context.vault)).filter((candidate) => candidate.failed === undefined);
      const item = queue.shift();
      if (!item) return;
      const outcome = await this.#sendOne(item, queue).catch((error: unknown) => {
        if (error instanceof LinkClosedError) return 'stop' as const;
        throw error;
      });
      if (outcome === 'stop') return;
      // Resealed for the first time: sent again at once, before anything queued after it (the outbox is read again,
      // in order), since what follows may refer to it — a translation to its message, a receipt to what it reports.
      if (outcome === 'again') queue = [];
      if (outcome === 'wait') {
        this.#retryLater(item.attempts);
        return;
      }
    }
  }

  #retryLater(attempts: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.kick();
    }, backoffDelay(attempts));
  }

  /** `queue`: the items after this one; the next is sealed when this one is accepted (see `#accepted`). */
  async #sendOne(item: QueuedItem, queue: QueuedItem[]): Promise<'next' | 'again' | 'wait' | 'stop'> {
    const context = this.#context;
    if (!item.envelope) {
      item = sealed(context, item, context.chain);
      // Durable before it leaves: after a crash the same bytes are resubmitted, never a second envelope with this seq.
      await context.vault.commit({ put: [outboxWrite(item)] });
    }
    const bytes = item.envelope!;
    const envelope = Envelope.parse(JSON.parse(utf8Decode(bytes)));
    const hash = hashOfEnvelopeBytes(bytes);
    // The link can go (a lock, a dropped connection) while the item was sealed and stored: that is the ordinary end of
    // a connection, and the item goes out on the next one.
    const link = context.link;
    if (!link) throw new LinkClosedError('closed');
    let receipt;
    try {
      receipt = await link.request({ type: 'submit', envelope });
    } catch (error) {
      if (!(error instanceof CoreError) || !error.code.startsWith('relay.')) throw error;
      return this.#refused(item, error.code.slice('relay.'.length) as ErrorCode);
    }
    if (receipt.hash !== hash) {
      await context.raise('send-refused', { code: 'receipt-mismatch' });
      return 'wait';
    }
    await context.observeCheckpoint(receipt.checkpoint);
    await this.#accepted(item, envelope, bytes, hash, receipt.index, queue);
    return 'next';
  }

  /**
   * Stores the accepted envelope and the chain it advances, and seals the next item of `queue` on that chain in the
   * same transaction: one durable commit per item sent rather than two, each of which waits its turn behind the
   * receiver's batches during a catch-up.
   */
  async #accepted(item: QueuedItem, envelope: Envelope, bytes: Uint8Array, hash: string, index: number, queue: QueuedItem[]): Promise<void> {
    const context = this.#context;
    const chain = advanceChain(context.chain, envelope, hash);
    const next = queue[0]?.envelope === undefined && queue[0] ? sealed(context, queue[0], chain) : null;
    await context.vault.commit({
      envelopes: [{ bytes, logIndex: index }],
      put: [stateWrite(chain), ...(next ? [outboxWrite(next)] : [])],
      delete: [{ table: 'outbox', id: item.id }],
    });
    if (next) queue[0] = next;
    // The view (a message's; an event has none) shows the time the envelope was sealed, which every party sees. Only
    // a message has one to update: the update waits its turn behind the receiver's batches, and during a catch-up a
    // delivery receipt waiting there for nothing held up every receipt queued after it.
    const { createdAt } = envelope.header;
    if (messageFields(item.content)) await context.updateMessage(item.id, (message) => relayed({ ...message, createdAt }, index, hash, createdAt));
    context.chain = chain;
    context.changed('messages', 'status');
  }

  async #refused(item: QueuedItem, code: ErrorCode): Promise<'next' | 'again' | 'wait' | 'stop'> {
    const context = this.#context;
    const attempts = item.attempts + 1;
    if (code.startsWith('device-')) {
      await context.raise('device-revoked', { code });
      return 'stop';
    }
    if (WAIT.has(code)) {
      await context.vault.commit({ put: [outboxWrite({ ...item, attempts })] });
      return 'wait';
    }
    if (RESEAL.has(code)) {
      // Nothing was stored, so the chain is where it was: reseal for today's devices and the chain as it now stands.
      const { envelope: _stale, ...unsealed } = item;
      await context.vault.commit({ put: [outboxWrite({ ...unsealed, attempts })] });
      if (attempts >= RESEAL_ALARM_AFTER) await context.raise('send-refused', { code });
      await context.refreshDirectory();
      return attempts > 1 ? 'wait' : 'again';
    }
    const { envelope: _dropped, ...unsealed } = item;
    await context.vault.commit({ put: [outboxWrite({ ...unsealed, attempts, failed: code })] });
    await context.raise('send-refused', { code });
    return 'next';
  }
}
