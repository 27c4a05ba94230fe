/**
 * The relay's Merkle log over the store: plans the tree nodes an append adds (so they commit in the same transaction
 * as the envelopes), signs a checkpoint for each new size, and answers inclusion and consistency proofs. Appends work
 * from the tree's frontier held in memory (rebuilt from the store at start), so the hot path never reads the tree
 * back; proofs read the stored nodes.
 */
import { checkpointSigner } from '../common/merkle/checkpoint';
import { MerkleFrontier } from '../common/merkle/frontier';
import { consistencyProof, inclusionProof, inclusionProofs, type SubtreeHashes } from '../common/merkle/merkle';
import type { Ed25519Sign } from './native-ed25519';
import type { RelayStore, TreeNode } from './store/relay-store';

export interface CheckpointSigner {
  readonly origin: string;
  readonly publicKey: Uint8Array;
  readonly sign: Ed25519Sign;
}

export interface PlannedAppend {
  readonly nodes: TreeNode[];
  readonly size: number;
  readonly checkpoint: string;
  /** The frontier after the append; it replaces the log's once the store has committed. */
  readonly frontier: MerkleFrontier;
}

export class MerkleLog {
  private frontier: MerkleFrontier;
  private checkpoint: string;
  private readonly sign: (size: number, rootHash: Uint8Array) => string;

  constructor(
    private readonly store: RelayStore,
    signer: CheckpointSigner,
  ) {
    this.sign = checkpointSigner(signer.origin, signer.publicKey, signer.sign);
    this.frontier = MerkleFrontier.of(store.logSize(), this.stored);
    const latest = store.latestCheckpoint();
    if (latest === null) {
      // The empty log has a checkpoint too, so a client always has a first head to check consistency from.
      const empty = this.plan([]);
      store.appendToLog([], [], { size: 0, note: empty.checkpoint }, new Map());
      this.checkpoint = empty.checkpoint;
    } else this.checkpoint = latest;
  }

  get size(): number {
    return this.frontier.size;
  }

  private readonly stored: SubtreeHashes = (level, index) => this.store.treeNode(level, index);

  /** The nodes and checkpoint for appending these leaves after the committed log; nothing is written. */
  plan(leafHashes: readonly Uint8Array[]): PlannedAppend {
    const frontier = this.frontier.copy();
    const nodes = leafHashes.flatMap((leaf) => frontier.append(leaf));
    const checkpoint = this.sign(frontier.size, frontier.root());
    return { nodes, size: frontier.size, checkpoint, frontier };
  }

  /** Call after the store committed a planned append. */
  committed(plan: PlannedAppend): void {
    this.frontier = plan.frontier;
    this.checkpoint = plan.checkpoint;
  }

  latestCheckpoint(): string {
    return this.checkpoint;
  }

  inclusion(index: number, size: number): Uint8Array[] | null {
    if (size > this.size || index >= size) return null;
    return inclusionProof(this.stored, index, size);
  }

  /** Proofs for many leaves under one size, sharing their common hashes (see inclusionProofs); null if one is not in it. */
  inclusions(indexes: readonly number[], size: number): Uint8Array[][] | null {
    if (size > this.size || indexes.some((index) => index >= size)) return null;
    return inclusionProofs(this.stored, indexes, size);
  }

  consistency(from: number, to: number): Uint8Array[] | null {
    if (to > this.size || from > to || from < 1) return null;
    return consistencyProof(this.stored, from, to);
  }
}
