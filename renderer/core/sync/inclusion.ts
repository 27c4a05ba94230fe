/**
 * Proves that every envelope this device stored is in the relay's log, at the index the relay gave, under a
 * checkpoint this device trusts: an RFC 9162 inclusion proof per envelope, asked for many envelopes to a request, with
 * several requests in flight. A proof that fails is an alarm. `includedThrough` records how far every stored envelope is proved, so the work resumes
 * after a restart (see SyncClient.start).
 */
import { fromBase64Url } from '../../../electron/common/crypto/sodium';
import { InclusionChecker } from '../../../electron/common/merkle/merkle';
import { MAX_INCLUSIONS_PER_REQUEST } from '../../../electron/common/protocol/limits';
import { stateWrite } from '../channel/channel-state';
import { LinkClosedError } from './relay-link';
import type { ReceivedLeaf } from './receiver';
import type { SyncContext } from './sync-context';

/** Leaves whose proofs are asked for and not yet answered, at most (four requests of the most a request may ask). */
const WINDOW = 4 * MAX_INCLUSIONS_PER_REQUEST;
/**
 * How far proving may run ahead of the recorded `includedThrough` before it is written: a write per window would be
 * a vault transaction per 64 proofs. After a crash the unrecorded stretch is simply proved again.
 */
const RECORD_EVERY = 1024;
/** How soon to ask again for a checkpoint that covers a just-delivered envelope. */
const RETRY_MS = 250;

export class InclusionProver {
  readonly #context: SyncContext;
  #pending: ReceivedLeaf[] = [];
  #running: Promise<void> | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  /** How far progress was last queued to be recorded (`includedThrough` follows once written). */
  #recorded = -1;
  #recording: Promise<void> = Promise.resolve();
  /** Proofs are checked against the trusted checkpoint of the moment, through one checker per checkpoint. */
  #checker: { readonly root: string; readonly checker: InclusionChecker } | null = null;

  constructor(context: SyncContext) {
    this.#context = context;
  }

  add(leaves: readonly ReceivedLeaf[]): void {
    this.#pending.push(...leaves);
    if (this.#pending.length === 0) return;
    this.#pending.sort((a, b) => a.index - b.index);
    this.#running ??= this.#run()
      .catch((error: unknown) => this.#context.background(error))
      .finally(() => (this.#running = null));
  }

  async idle(): Promise<void> {
    while (this.#running) await this.#running;
    await this.#recording;
  }

  /** Drops what is queued (the connection is gone): SyncClient requeues from `includedThrough` on the next one. */
  clear(): void {
    this.#pending = [];
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
  }

  async #run(): Promise<void> {
    const context = this.#context;
    const window = new ProofWindow();
    try {
      for (;;) {
        window.throwIfFailed();
        if (!context.link?.open) return;
        if (this.#pending.length === 0 || window.size >= WINDOW) {
          if (window.size === 0) return;
          await window.next();
          continue;
        }
        const newest = this.#pending.at(-1)!.index;
        if ((context.checkpoints.trusted?.size ?? 0) <= newest) {
          // Proofs in flight first: leaving with them unanswered would lose the wake-up of a leaf added meanwhile.
          if (window.size > 0) {
            await window.next();
            continue;
          }
          const { checkpoint } = await context.link.request({ type: 'get-checkpoint' });
          if (!(await context.observeCheckpoint(checkpoint))) return;
          // Appended after the newest checkpoint the relay has signed: ask again shortly rather than spin.
          if ((context.checkpoints.trusted?.size ?? 0) <= newest) {
            this.#retry ??= setTimeout(() => {
              this.#retry = null;
              this.add([]);
            }, RETRY_MS);
            return;
          }
        }
        const trusted = context.checkpoints.trusted!;
        // Only leaves the trusted tree holds: more may have been added while the checkpoint was fetched, past its size.
        let covered = 0;
        while (covered < this.#pending.length && covered < WINDOW - window.size && this.#pending[covered]!.index < trusted.size) covered++;
        const batch = this.#pending.splice(0, covered);
        if (batch.length === 0) {
          if (this.#pending.length === 0) return; // cleared while the checkpoint was fetched
          continue;
        }
        if (this.#checker?.checker.size !== trusted.size || this.#checker.root !== trusted.root) {
          this.#checker = { root: trusted.root, checker: new InclusionChecker(trusted.size, fromBase64Url(trusted.root)) };
        }
        const { checker } = this.#checker;
        for (let i = 0; i < batch.length; i += MAX_INCLUSIONS_PER_REQUEST) {
          const leaves = batch.slice(i, i + MAX_INCLUSIONS_PER_REQUEST);
          window.start(
            leaves.map((leaf) => leaf.index),
            this.#prove(leaves, trusted.size, checker),
            (through) => this.#record(through),
          );
        }
      }
    } finally {
      await window.settled();
    }
  }

  /** Asks for the leaves' proofs under the trusted tree of `size` and checks each; a proof that fails is an alarm. */
  async #prove(leaves: readonly ReceivedLeaf[], size: number, checker: InclusionChecker): Promise<void> {
    const context = this.#context;
    const indexes = leaves.map((leaf) => leaf.index);
    // The link can go (a lock, a dropped connection) between the loop's check and this call, while a checkpoint was
    // fetched: that is the ordinary end of a connection, requeued from `includedThrough` on the next one.
    const link = context.link;
    if (!link) throw new LinkClosedError('closed');
    const answer = await link.request({ type: 'get-inclusions', indexes, size });
    const answered = answer.size === size && answer.indexes.length === indexes.length && answer.indexes.every((index, i) => index === indexes[i]);
    for (const [i, leaf] of leaves.entries()) {
      const proof = answered ? answer.proofs[i] : undefined;
      if (!proof || !checker.verify(leaf.index, fromBase64Url(leaf.hash), proof.map(fromBase64Url))) await context.raise('inclusion-failed', { index: leaf.index });
    }
  }

  /**
   * Records that every leaf up to `through` is proved, every RECORD_EVERY or once nothing is left to prove: one write
   * at a time, in order, off the proving path (the next proofs are asked for meanwhile).
   */
  #record(through: number): void {
    const context = this.#context;
    const upTo = Math.min(through, context.sync.processedIndex);
    const recorded = Math.max(this.#recorded, context.inclusion.includedThrough);
    const now = this.#pending.length === 0 || upTo >= recorded + RECORD_EVERY;
    if (!now || upTo <= recorded || (this.#pending[0]?.index ?? Infinity) <= upTo) return;
    this.#recorded = upTo;
    this.#recording = this.#recording
      .then(async () => {
        if (upTo <= context.inclusion.includedThrough) return;
        const inclusion = { ...context.inclusion, includedThrough: upTo };
        await context.vault.commit({ put: [stateWrite(inclusion)] });
        context.inclusion = inclusion;
      })
      .catch((error: unknown) => context.background(error));
  }
}

/**
 * The proofs in flight, a sliding window: each answer makes room for the next request at once, so a slow answer (the
 * relay busy, or this worker checking a batch) holds up no more than itself. Leaves start in log order, a request's
 * worth at a time; `through` is told the highest leaf up to which every one started has been proved, and nothing
 * more once a request has failed.
 */
class ProofWindow {
  /** Requests in flight. */
  readonly #inFlight = new Set<Promise<void>>();
  #leaves = 0;
  /** Started leaves not yet counted into `through`, in the order started. */
  readonly #started: number[] = [];
  readonly #proved = new Set<number>();
  #failure: { readonly error: unknown } | null = null;

  /** Leaves in flight. */
  get size(): number {
    return this.#leaves;
  }

  start(indexes: readonly number[], proof: Promise<void>, through: (index: number) => void): void {
    this.#started.push(...indexes);
    this.#leaves += indexes.length;
    const settled = proof.then(
      () => {
        for (const index of indexes) this.#proved.add(index);
        let highest: number | null = null;
        while (this.#started.length > 0 && this.#proved.has(this.#started[0]!)) {
          highest = this.#started.shift()!;
          this.#proved.delete(highest);
        }
        if (highest !== null && !this.#failure) through(highest);
      },
      (error: unknown) => {
        this.#failure ??= { error };
      },
    );
    const tracked: Promise<void> = settled.finally(() => {
      this.#inFlight.delete(tracked);
      this.#leaves -= indexes.length;
    });
    this.#inFlight.add(tracked);
  }

  /** Resolves when a request in flight settles. */
  async next(): Promise<void> {
    await Promise.race(this.#inFlight);
  }

  throwIfFailed(): void {
    if (this.#failure) throw this.#failure.error;
  }

  async settled(): Promise<void> {
    await Promise.all(this.#inFlight);
  }
}
