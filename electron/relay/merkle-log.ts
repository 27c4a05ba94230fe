/**
 * The relay's Merkle log over the store: plans the tree nodes an append adds (so they commit in the same transaction
 * as the envelopes), signs a checkpoint for each new size, and answers inclusion and consistency proofs.
 */
import { signCheckpoint } from '../common/merkle/checkpoint';
import { consistencyProof, inclusionProof, nodeHash, treeRoot, type SubtreeHashes } from '../common/merkle/merkle';
import type { RelayStore, TreeNode } from './store/relay-store';

export interface CheckpointSigner {
  readonly origin: string;
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export interface PlannedAppend {
  readonly nodes: TreeNode[];
  readonly size: number;
  readonly checkpoint: string;
}

export class MerkleLog {
  private committedSize: number;

  constructor(
    private readonly store: RelayStore,
    private readonly signer: CheckpointSigner,
  ) {
    this.committedSize = store.logSize();
    if (this.committedSize === 0 && store.latestCheckpoint() === null) {
      // The empty log has a checkpoint too, so a client always has a first head to check consistency from.
      store.appendToLog([], [], { size: 0, note: this.sign(0, (l, i) => store.treeNode(l, i)) });
    }
  }

  get size(): number {
    return this.committedSize;
  }

  private readonly stored: SubtreeHashes = (level, index) => this.store.treeNode(level, index);

  /** The nodes and checkpoint for appending these leaves after the committed log; nothing is written. */
  plan(leafHashes: readonly Uint8Array[]): PlannedAppend {
    const pending = new Map<string, Uint8Array>();
    const nodes: TreeNode[] = [];
    const lookup: SubtreeHashes = (level, index) => pending.get(`${level}/${index}`) ?? this.store.treeNode(level, index);
    const put = (level: number, index: number, hash: Uint8Array) => {
      pending.set(`${level}/${index}`, hash);
      nodes.push({ level, index, hash });
    };
    let size = this.committedSize;
    for (const leaf of leafHashes) {
      let index = size;
      let hash = leaf;
      let level = 0;
      put(level, index, hash);
      // Each time the new leaf completes a perfect subtree, store that subtree's hash one level up.
      while (index % 2 === 1) {
        hash = nodeHash(lookup(level, index - 1), hash);
        index = (index - 1) / 2;
        level += 1;
        put(level, index, hash);
      }
      size += 1;
    }
    return { nodes, size, checkpoint: this.sign(size, lookup) };
  }

  /** Call after the store committed a planned append. */
  committed(size: number): void {
    this.committedSize = size;
  }

  latestCheckpoint(): string {
    const note = this.store.latestCheckpoint();
    if (note === null) throw new Error('log has no checkpoint');
    return note;
  }

  inclusion(index: number, size: number): Uint8Array[] | null {
    if (size > this.committedSize || index >= size) return null;
    return inclusionProof(this.stored, index, size);
  }

  consistency(from: number, to: number): Uint8Array[] | null {
    if (to > this.committedSize || from > to || from < 1) return null;
    return consistencyProof(this.stored, from, to);
  }

  private sign(size: number, hashes: SubtreeHashes): string {
    return signCheckpoint({ origin: this.signer.origin, size, rootHash: treeRoot(hashes, size) }, this.signer.secretKey, this.signer.publicKey);
  }
}
