/**
 * Keeps one device in step with the relay: connects, checks the relay is the one pinned at onboarding, authenticates,
 * then runs the receiver (deliveries), the sender (outbox) and the inclusion prover until the connection ends, and
 * reconnects with exponential backoff. Every checkpoint it meets goes through CheckpointTrust; every failure of a
 * check becomes an alarm through the context.
 */
import { fromBase64Url, signDetached, toBase64Url } from '../../../electron/common/crypto/sodium';
import { signingInput } from '../../../electron/common/protocol/canonical-json';
import { authStatement, type RelayFrameOf } from '../../../electron/common/protocol/frames';
import type { ConnectionState } from '../api';
import { stateWrite, type TrustState } from '../channel/channel-state';
import { CoreError } from '../core-error';
import { backoffDelay } from './backoff';
import { mergeDirectory } from './directory';
import { InclusionProver } from './inclusion';
import { Receiver } from './receiver';
import { LinkClosedError, RelayLink, type SocketFactory } from './relay-link';
import { Sender } from './sender';
import type { SyncContext } from './sync-context';

export interface SyncClientOptions {
  readonly socketFactory: SocketFactory;
  /** Called whenever the connection state changes. */
  readonly onConnection?: (state: ConnectionState) => void;
}

export class SyncClient {
  readonly #context: SyncContext;
  readonly #options: SyncClientOptions;
  readonly #receiver: Receiver;
  readonly #sender: Sender;
  readonly #prover: InclusionProver;
  #state: ConnectionState = 'offline';
  #running = false;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(context: SyncContext, options: SyncClientOptions) {
    this.#context = context;
    this.#options = options;
    this.#prover = new InclusionProver(context);
    this.#receiver = new Receiver(
      context,
      (leaves) => this.#prover.add(leaves),
      () => this.#sender.kick(),
    );
    this.#sender = new Sender(context);
    context.observeCheckpoint = (note) => this.#observeCheckpoint(note);
    context.refreshDirectory = () => this.#refreshDirectory();
    context.updateMessage = (id, mutate, also) => this.#receiver.update(id, mutate, also);
  }

  get connection(): ConnectionState {
    return this.#state;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#connect();
  }

  stop(): void {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#sender.stop();
    this.#receiver.abandon(new CoreError('vault.locked'));
    // The checker may hold a copy of the box key (a check worker's): it is wiped with the rest.
    this.#context.checker.close();
    this.#context.link?.close();
  }

  /** Something was queued: send it now if connected. */
  kick(): void {
    this.#sender.kick();
  }

  /** Resolves once everything delivered so far is stored and proved (tests and benchmarks wait on it). */
  async settled(): Promise<void> {
    await this.#receiver.idle();
    await this.#prover.idle();
  }

  /** The authenticated connection, for the desk's requests; `core.offline` without one. */
  link(): RelayLink {
    const link = this.#context.link;
    if (!link?.open) throw new CoreError('core.offline');
    return link;
  }

  #setState(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#options.onConnection?.(state);
    this.#context.changed('status');
  }

  async #connect(): Promise<void> {
    if (!this.#running) return;
    const context = this.#context;
    this.#setState('connecting');
    let link: RelayLink | null = null;
    try {
      link = await RelayLink.open(this.#options.socketFactory, context.identity.relayUrl, {
        onDeliver: (frame) => this.#receiver.push(frame),
        onMalformed: (detail) => void context.raise('malformed-frame', { detail }),
        onUnsolicitedError: (frame) => this.#unsolicited(frame),
        onClose: () => this.#closed(link),
      });
      const challenge = await link.request({ type: 'hello', v: 1 });
      if (challenge.relay !== context.identity.relayKey) {
        await context.raise('relay-key-changed', {});
        throw new LinkClosedError('relay key changed');
      }
      if (challenge.channel !== context.identity.channelId) {
        await context.raise('wrong-channel', {});
        throw new LinkClosedError('wrong channel');
      }
      const statement = authStatement({ nonce: challenge.nonce, relay: challenge.relay, channel: challenge.channel, device: context.identity.deviceId });
      const sig = toBase64Url(signDetached(signingInput('relay-auth', statement), context.keys.sign.secretKey));
      const ready = await link.request({ type: 'auth', device: context.identity.deviceId, nonce: challenge.nonce, sig });
      context.link = link;
      this.#attempt = 0;
      // In step as of now (deliveries still to come are processed as they arrive). Kept in memory: the receiver's next
      // batch writes the sync state, so this never races it on disk.
      context.sync = { ...context.sync, lastSyncAt: context.clock.now() };
      this.#setState('online');
      await this.#observeCheckpoint(ready.checkpoint);
      await this.#refreshDirectory();
      await this.#resumeInclusion();
      this.#sender.kick();
    } catch (error) {
      if (error instanceof CoreError && error.code === 'relay.device-revoked') await context.raise('device-revoked', {});
      else if (!(error instanceof LinkClosedError) && !(error instanceof CoreError)) throw error;
      link?.close();
      if (!link) this.#closed(null);
    }
  }

  #closed(link: RelayLink | null): void {
    const context = this.#context;
    if (link && context.link !== link && context.link !== null) return;
    context.link = null;
    this.#receiver.clear();
    this.#prover.clear();
    this.#setState('offline');
    if (!this.#running || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#connect();
    }, backoffDelay(this.#attempt++));
  }

  #unsolicited(frame: RelayFrameOf<'error'>): void {
    if (frame.code === 'device-revoked') void this.#context.raise('device-revoked', {});
  }

  async #observeCheckpoint(note: string): Promise<boolean> {
    const context = this.#context;
    const before = context.checkpoints.trusted;
    let verdict;
    try {
      verdict = await context.checkpoints.observe(note, async (from, to) => {
        const link = context.link;
        if (!link) throw new LinkClosedError('offline');
        return (await link.request({ type: 'get-consistency', from, to })).proof;
      });
    } catch (error) {
      if (error instanceof LinkClosedError) return false;
      throw error;
    }
    if (!verdict.ok) {
      await context.raise(verdict.alarm, verdict.detail);
      return false;
    }
    if (verdict.advanced && context.checkpoints.trusted !== before) {
      await this.#saveTrust({ checkpoint: context.checkpoints.trusted });
      context.changed('status');
    }
    return true;
  }

  async #refreshDirectory(): Promise<void> {
    const context = this.#context;
    const link = context.link;
    if (!link) return;
    const served = await link.request({ type: 'get-directory' });
    const merged = mergeDirectory(context.directory, served, fromBase64Url(context.identity.channelKey), context.identity.channelId);
    if (merged.rejected > 0) await context.raise('bad-directory', { count: merged.rejected });
    context.directory = { certificates: merged.certificates, revocations: merged.revocations };
    await this.#saveTrust({ directory: [...merged.certificates], revocations: merged.revocations });
    context.changed('devices');
  }

  /**
   * Envelopes stored but not yet proved in the log (the app closed first): prove them on this connection. Only those
   * stored before it: the receiver hands over what it stores from now on itself, and reading up to a read position
   * that moves meanwhile would hand those over a second time (a whole catch-up proved twice).
   */
  async #resumeInclusion(): Promise<void> {
    const context = this.#context;
    const PAGE = 1024;
    const storedThrough = context.sync.processedIndex;
    for (let from = context.inclusion.includedThrough + 1; from <= storedThrough; ) {
      const { records } = await context.vault.envelopesFrom(from, PAGE);
      const leaves = records.filter((stored) => stored.logIndex !== undefined && stored.logIndex <= storedThrough);
      if (leaves.length > 0) this.#prover.add(leaves.map((stored) => ({ index: stored.logIndex!, hash: stored.hash })));
      if (records.length < PAGE) break;
      from = records.at(-1)!.logIndex! + 1;
    }
  }

  async #saveTrust(change: Partial<Omit<TrustState, 'id'>>): Promise<void> {
    const context = this.#context;
    const trust: TrustState = {
      id: 'trust',
      checkpoint: context.checkpoints.trusted,
      directory: [...context.directory.certificates],
      revocations: context.directory.revocations,
      ...change,
    };
    await context.vault.commit({ put: [stateWrite(trust)] });
  }
}
