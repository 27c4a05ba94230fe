/**
 * Which relay checkpoint this device trusts, and the rule for trusting a new one: signed by the pinned relay key
 * under the channel's origin, and consistent with the one trusted before (an RFC 9162 consistency proof from the
 * smaller tree to the larger). A checkpoint that fails is never trusted and raises an alarm: a bad signature, a
 * rollback the relay cannot prove, or two roots for one size — the relay showing different histories.
 *
 * Checkpoints arrive from several places at once (ready, receipts, fetched ones, those carried in messages), so
 * observations are queued and judged one at a time against the latest trusted state.
 */
import { bytesEqual, fromBase64Url, toBase64Url } from '../../../electron/common/crypto/sodium';
import { checkpointOrigin, openCheckpoint, type Checkpoint } from '../../../electron/common/merkle/checkpoint';
import { verifyConsistency } from '../../../electron/common/merkle/merkle';
import type { TrustedCheckpoint } from '../channel/channel-state';
import { CoreError } from '../core-error';

export type CheckpointVerdict =
  | { readonly ok: true; readonly advanced: boolean }
  | { readonly ok: false; readonly alarm: 'bad-checkpoint' | 'log-inconsistent'; readonly detail: Readonly<Record<string, string | number>> };

/** Fetches a consistency proof from the relay (hashes in base64url). */
export type ConsistencyProver = (from: number, to: number) => Promise<readonly string[]>;

export class CheckpointTrust {
  readonly #origin: string;
  readonly #relayKey: Uint8Array;
  #trusted: TrustedCheckpoint | null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(channelId: string, relayKey: Uint8Array, trusted: TrustedCheckpoint | null) {
    this.#origin = checkpointOrigin(channelId);
    this.#relayKey = relayKey;
    this.#trusted = trusted;
  }

  get trusted(): TrustedCheckpoint | null {
    return this.#trusted;
  }

  /** Judges a checkpoint note; trusts it if it is newer and consistent. */
  observe(note: string, prove: ConsistencyProver): Promise<CheckpointVerdict> {
    const judged = this.#queue.then(() => this.#judge(note, prove));
    this.#queue = judged.catch(() => undefined);
    return judged;
  }

  async #judge(note: string, prove: ConsistencyProver): Promise<CheckpointVerdict> {
    const checkpoint = openCheckpoint(note, this.#origin, this.#relayKey);
    if (!checkpoint) return { ok: false, alarm: 'bad-checkpoint', detail: {} };
    const trusted = this.#trusted;
    const adopt = (): CheckpointVerdict => {
      this.#trusted = { size: checkpoint.size, root: toBase64Url(checkpoint.rootHash), note };
      return { ok: true, advanced: true };
    };
    if (!trusted) return adopt();
    const trustedRoot = fromBase64Url(trusted.root);
    if (checkpoint.size === trusted.size) {
      return bytesEqual(checkpoint.rootHash, trustedRoot) ? { ok: true, advanced: false } : inconsistent(trusted.size, checkpoint.size);
    }
    const [older, newer] = checkpoint.size < trusted.size ? [checkpoint, { size: trusted.size, rootHash: trustedRoot }] : [{ size: trusted.size, rootHash: trustedRoot }, checkpoint];
    // Every tree is consistent with the empty one (and no proof from size 0 exists).
    if (older.size > 0 && !(await this.#consistent(older, newer, prove))) return inconsistent(older.size, newer.size);
    return checkpoint.size > trusted.size ? adopt() : { ok: true, advanced: false };
  }

  async #consistent(older: Pick<Checkpoint, 'size' | 'rootHash'>, newer: Pick<Checkpoint, 'size' | 'rootHash'>, prove: ConsistencyProver): Promise<boolean> {
    let proof: Uint8Array[];
    try {
      proof = (await prove(older.size, newer.size)).map(fromBase64Url);
    } catch (error) {
      // A relay that refuses to prove consistency has not proved it; a lost connection proves nothing either way and
      // reaches the caller, which tries again on the next connection.
      if (error instanceof CoreError) return false;
      throw error;
    }
    return verifyConsistency(older.size, newer.size, older.rootHash, newer.rootHash, proof);
  }
}

const inconsistent = (from: number, to: number): CheckpointVerdict => ({ ok: false, alarm: 'log-inconsistent', detail: { from, to } });
