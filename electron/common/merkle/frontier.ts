/**
 * The right edge of an RFC 9162 tree: the roots of the perfect subtrees a tree of `size` leaves is made of (one per
 * set bit of `size`, largest first). Appending a leaf and computing the tree head need nothing else, so a log can
 * append without reading its stored tree back; each append reports the subtrees it completes, for storing (proofs
 * are computed from those, see merkle.ts).
 */
import { emptyRoot, nodeHash, type SubtreeHashes } from './merkle';

/** The hash of the perfect subtree of 2^level leaves starting at leaf `index * 2^level` (as SubtreeHashes names it). */
export interface Subtree {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

export class MerkleFrontier {
  private constructor(
    private leaves: number,
    /** Largest (leftmost) subtree first; levels strictly decreasing. */
    private readonly edge: Subtree[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /** The frontier of a stored tree of `size` leaves, from the subtree hashes it was built with. */
  static of(size: number, hashes: SubtreeHashes): MerkleFrontier {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`not a tree size: ${size}`);
    const edge: Subtree[] = [];
    let width = 1;
    let level = 0;
    while (width * 2 <= size) {
      width *= 2;
      level += 1;
    }
    // Arithmetic, not bit operators: sizes may pass 2^32.
    for (let start = 0; level >= 0; level -= 1, width /= 2) {
      if (size - start < width) continue;
      edge.push({ level, index: start / width, hash: hashes(level, start / width) });
      start += width;
    }
    return new MerkleFrontier(size, edge);
  }

  get size(): number {
    return this.leaves;
  }

  copy(): MerkleFrontier {
    return new MerkleFrontier(this.leaves, [...this.edge]);
  }

  /** Appends one leaf hash; returns the subtrees it completes: the leaf itself, then each one a level up. */
  append(leafHash: Uint8Array): Subtree[] {
    const completed: Subtree[] = [{ level: 0, index: this.leaves, hash: leafHash }];
    let right = completed[0]!;
    // Two neighbouring subtrees of one level make the one above; the new leaf's index says how far that goes.
    while (this.edge.length > 0 && this.edge[this.edge.length - 1]!.level === right.level) {
      const left = this.edge.pop()!;
      right = { level: right.level + 1, index: left.index / 2, hash: nodeHash(left.hash, right.hash) };
      completed.push(right);
    }
    this.edge.push(right);
    this.leaves += 1;
    return completed;
  }

  /** MTH of the whole tree (RFC 9162 §2.1.1): the subtrees folded from the right. */
  root(): Uint8Array {
    if (this.edge.length === 0) return emptyRoot();
    let hash = this.edge[this.edge.length - 1]!.hash;
    for (let i = this.edge.length - 2; i >= 0; i -= 1) hash = nodeHash(this.edge[i]!.hash, hash);
    return hash;
  }
}
