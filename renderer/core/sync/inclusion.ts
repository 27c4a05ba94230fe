/**
 * Proves that every envelope this device stored is in the relay's log, at the index the relay gave, under a
 * checkpoint this device trusts: an RFC 9162 inclusion proof per envelope, requested in a pipelined window. A proof
 * that fails is an alarm. `includedThrough` records how far every stored envelope is proved, so the work resumes
 * after a restart (see SyncClient.start).
 */
import { fromBase64Url } from '../../../electron/common/crypto/sodium';
import { InclusionChecker } from '../../../electron/common/merkle/merkle';
import { stateWrite } from '../channel/channel-state';
import type { ReceivedLeaf } from './receiver';
import type { SyncContext } from './sync-context';

/** Proof requests in flight at once. */
const WINDOW = 64;
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
  }

  /** Drops what is queued (the connection is gone): SyncClient requeues from `includedThrough` on the next one. */
  clear(): void {
    this.#pending = [];
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
  }

  async #run(): Promise<void> {
    const context = this.#context;
    while (this.#pending.length > 0 && context.link?.open) {
      const newest = this.#pending.at(-1)!.index;
      if ((context.checkpoints.trusted?.size ?? 0) <= newest) {
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
      while (covered < this.#pending.length && covered < WINDOW && this.#pending[covered]!.index < trusted.size) covered++;
      const batch = this.#pending.splice(0, covered);
      if (batch.length === 0) {
        if (this.#pending.length === 0) return; // cleared while the checkpoint was fetched
        continue;
      }
      if (this.#checker?.checker.size !== trusted.size || this.#checker.root !== trusted.root) {
        this.#checker = { root: trusted.root, checker: new InclusionChecker(trusted.size, fromBase64Url(trusted.root)) };
      }
      const { checker } = this.#checker;
      const results = await Promise.all(
        batch.map(async (leaf) => {
          const answer = await context.link!.request({ type: 'get-inclusion', index: leaf.index, size: trusted.size });
          const proof = answer.proof.map(fromBase64Url);
          return { leaf, ok: answer.index === leaf.index && answer.size === trusted.size && checker.verify(leaf.index, fromBase64Url(leaf.hash), proof) };
        }),
      );
      for (const { leaf, ok } of results) if (!ok) await context.raise('inclusion-failed', { index: leaf.index });
      const through = Math.min(batch.at(-1)!.index, context.sync.processedIndex);
      const recordNow = this.#pending.length === 0 || through >= context.inclusion.includedThrough + RECORD_EVERY;
      if (recordNow && through > context.inclusion.includedThrough && (this.#pending[0]?.index ?? Infinity) > through) {
        const inclusion = { ...context.inclusion, includedThrough: through };
        await context.vault.commit({ put: [stateWrite(inclusion)] });
        context.inclusion = inclusion;
      }
    }
  }
}
