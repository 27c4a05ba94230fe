/**
 * The relay's log as an RFC 9162 Merkle tree (SHA-256): leaf and node hashing, the tree head and proofs computed from
 * stored subtree hashes, and verification of inclusion and consistency proofs. Verification follows RFC 9162
 * §2.1.3.2 and §2.1.4.2 in the decomposed form transparency-dev/merkle uses (its test vectors check this code).
 *
 * Sizes and indices are safe integers; bit arithmetic is done in BigInt because JavaScript's bitwise operators work on
 * 32 bits and a log may grow past 2^32 entries.
 */
import { bytesEqual, concatBytes, sha256 } from '../crypto/sodium';

export const HASH_BYTES = 32;
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

export const leafHash = (data: Uint8Array): Uint8Array => sha256(concatBytes(LEAF_PREFIX, data));
export const nodeHash = (left: Uint8Array, right: Uint8Array): Uint8Array => sha256(concatBytes(NODE_PREFIX, left, right));
/** The root of the empty tree: SHA-256 of the empty string. */
export const emptyRoot = (): Uint8Array => sha256(new Uint8Array(0));

const isSize = (n: number) => Number.isSafeInteger(n) && n >= 0;
const bitLength = (n: bigint) => n.toString(2).length - (n === 0n ? 1 : 0);
const onesCount = (n: bigint) => [...n.toString(2)].filter((c) => c === '1').length;
const trailingZeros = (n: bigint) => {
  let count = 0;
  while (n > 0n && (n & 1n) === 0n) {
    n >>= 1n;
    count += 1;
  }
  return count;
};

/** How many proof hashes come from inside the leaf's perfect subtree, and how many from the right border. */
function decomposeInclusionProof(index: bigint, size: bigint): { inner: number; border: number } {
  const inner = bitLength(index ^ (size - 1n));
  return { inner, border: onesCount(index >> BigInt(inner)) };
}

function chainInner(seed: Uint8Array, proof: readonly Uint8Array[], index: bigint): Uint8Array {
  return proof.reduce((hash, sibling, i) => (((index >> BigInt(i)) & 1n) === 0n ? nodeHash(hash, sibling) : nodeHash(sibling, hash)), seed);
}

function chainInnerRight(seed: Uint8Array, proof: readonly Uint8Array[], index: bigint): Uint8Array {
  return proof.reduce((hash, sibling, i) => (((index >> BigInt(i)) & 1n) === 1n ? nodeHash(sibling, hash) : hash), seed);
}

const chainBorderRight = (seed: Uint8Array, proof: readonly Uint8Array[]) => proof.reduce((hash, sibling) => nodeHash(sibling, hash), seed);

const wellFormed = (hashes: readonly (Uint8Array | null | undefined)[]) => hashes.every((h) => h instanceof Uint8Array && h.length === HASH_BYTES);

/** True when `proof` shows the leaf with hash `leaf` at `index` in the tree of `size` leaves whose root is `root`. */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!isSize(index) || !isSize(size) || index >= size || !wellFormed([leaf, root, ...proof])) return false;
  const { inner, border } = decomposeInclusionProof(BigInt(index), BigInt(size));
  if (proof.length !== inner + border) return false;
  const computed = chainBorderRight(chainInner(leaf, proof.slice(0, inner), BigInt(index)), proof.slice(inner));
  return bytesEqual(computed, root);
}

const sameHash = (a: Uint8Array, b: Uint8Array): boolean => {
  for (let i = 0; i < HASH_BYTES; i += 1) if (a[i] !== b[i]) return false;
  return true;
};

/** Remembered inner nodes per checker: past this the memory starts again (a catch-up needs a few per leaf). */
const MAX_KNOWN_NODES = 200_000;

/**
 * Verifies many inclusion proofs under one tree head, remembering the inner nodes each verified proof established. A
 * later proof stops at the first remembered node its path reaches: equal, the rest of its path is already proved to
 * lead to the root, so the leaf is included (the siblings above are not looked at); different, it cannot lead there. Consecutive leaves (a catch-up)
 * share all but their lowest nodes, so most proofs cost two or three hashes instead of one per level.
 *
 * Sound because, for one tree size, a node is fixed by its level and its index at that level (RFC 9162 splits at
 * powers of two, so the subtree over leaves [k·2^L, min((k+1)·2^L, size)) is the same whichever leaf's path reaches
 * it), and only nodes of proofs that reached the root are remembered.
 */
export class InclusionChecker {
  readonly size: number;
  readonly root: Uint8Array;
  readonly #known = new Map<number, Uint8Array>();

  constructor(size: number, root: Uint8Array) {
    this.size = size;
    this.root = root.slice();
  }

  verify(index: number, leaf: Uint8Array, proof: readonly Uint8Array[]): boolean {
    const { size, root } = this;
    if (!isSize(index) || !isSize(size) || index >= size || !wellFormed([leaf, root, ...proof])) return false;
    const { inner, border } = decomposeInclusionProof(BigInt(index), BigInt(size));
    if (proof.length !== inner + border) return false;
    const path: [number, Uint8Array][] = [];
    let hash = leaf;
    let position = index;
    for (let level = 1; level <= inner; level += 1) {
      hash = position % 2 === 0 ? nodeHash(hash, proof[level - 1]!) : nodeHash(proof[level - 1]!, hash);
      position = Math.floor(position / 2);
      // Levels stay below 64 and positions below 2^47 for any log this app will see: one number per node.
      const key = position * 64 + level;
      const known = this.#known.get(key);
      if (known) {
        if (!sameHash(known, hash)) return false;
        this.#remember(path);
        return true;
      }
      path.push([key, hash]);
    }
    if (!sameHash(chainBorderRight(hash, proof.slice(inner)), root)) return false;
    this.#remember(path);
    return true;
  }

  #remember(path: readonly [number, Uint8Array][]): void {
    if (this.#known.size + path.length > MAX_KNOWN_NODES) this.#known.clear();
    for (const [key, hash] of path) this.#known.set(key, hash);
  }
}

/** True when `proof` shows that the tree of `size1` leaves (root1) is a prefix of the tree of `size2` leaves (root2). */
export function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): boolean {
  // A consistency proof from the empty tree proves nothing, so it is refused (as the reference implementation
  // does); a client's first checkpoint is simply its starting point.
  if (!isSize(size1) || !isSize(size2) || size2 < size1 || size1 === 0) return false;
  // Equal sizes need no proof, only equal roots, whatever the hashes look like.
  if (size1 === size2) return proof.length === 0 && bytesEqual(root1, root2);
  if (proof.length === 0 || !wellFormed([root1, root2, ...proof])) return false;

  const first = BigInt(size1);
  const { inner: fullInner, border } = decomposeInclusionProof(first - 1n, BigInt(size2));
  const shift = trailingZeros(first);
  const inner = fullInner - shift;
  // The proof starts with the root of the subtree of size 2^shift, unless size1 is exactly that subtree.
  const isPerfect = first === 1n << BigInt(shift);
  const seed = isPerfect ? root1 : proof[0]!;
  const rest = isPerfect ? proof : proof.slice(1);
  if (rest.length !== inner + border) return false;
  const mask = (first - 1n) >> BigInt(shift);
  const innerProof = rest.slice(0, inner);
  const borderProof = rest.slice(inner);
  const computed1 = chainBorderRight(chainInnerRight(seed, innerProof, mask), borderProof);
  if (!bytesEqual(computed1, root1)) return false;
  return bytesEqual(chainBorderRight(chainInner(seed, innerProof, mask), borderProof), root2);
}

// --- computing heads and proofs (the relay's side) ---

/**
 * Where a tree's hashes come from: the hash of the perfect subtree of 2^level leaves starting at leaf index
 * `index * 2^level`. Level 0 is the leaf hashes. The relay stores these as leaves are appended.
 */
export type SubtreeHashes = (level: number, index: number) => Uint8Array;

/** The largest power of two strictly less than n (n > 1), computed exactly (no floating-point logarithms). */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const powerOfTwoLevel = (n: number): number | null => {
  const big = BigInt(n);
  return n > 0 && (big & (big - 1n)) === 0n ? bitLength(big) - 1 : null;
};

/** MTH(D[start:end]) of RFC 9162, built from perfect subtrees. */
export function rangeHash(hashes: SubtreeHashes, start: number, end: number): Uint8Array {
  const width = end - start;
  if (width <= 0) return emptyRoot();
  const level = powerOfTwoLevel(width);
  if (level !== null && start % width === 0) return hashes(level, start / width);
  const split = largestPowerOfTwoBelow(width);
  return nodeHash(rangeHash(hashes, start, start + split), rangeHash(hashes, start + split, end));
}

export const treeRoot = (hashes: SubtreeHashes, size: number): Uint8Array => rangeHash(hashes, 0, size);

/** MTH(D[start:end]) for the ranges a proof needs. */
type RangeHashes = (start: number, end: number) => Uint8Array;

/** PATH(index, D[start:end]) of RFC 9162 §2.1.3.1. */
function inclusionPath(range: RangeHashes, index: number, start: number, end: number): Uint8Array[] {
  const width = end - start;
  if (width <= 1) return [];
  const split = largestPowerOfTwoBelow(width);
  return index < start + split
    ? [...inclusionPath(range, index, start, start + split), range(start + split, end)]
    : [...inclusionPath(range, index, start + split, end), range(start, start + split)];
}

export function inclusionProof(hashes: SubtreeHashes, index: number, size: number): Uint8Array[] {
  if (!isSize(index) || !isSize(size) || index >= size) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  return inclusionPath((start, end) => rangeHash(hashes, start, end), index, 0, size);
}

/**
 * Inclusion proofs for many leaves of one tree: the proofs of nearby leaves share most of their hashes (every one
 * shares the right border), so each range is looked up or hashed once for all of them. A hash shared between proofs
 * is the same Uint8Array, which lets a caller encode it once too.
 */
export function inclusionProofs(hashes: SubtreeHashes, indexes: readonly number[], size: number): Uint8Array[][] {
  const known = new Map<number, Map<number, Uint8Array>>();
  const range: RangeHashes = (start, end) => {
    let byEnd = known.get(start);
    if (!byEnd) known.set(start, (byEnd = new Map()));
    let hash = byEnd.get(end);
    if (!hash) byEnd.set(end, (hash = rangeHash(hashes, start, end)));
    return hash;
  };
  return indexes.map((index) => {
    if (!isSize(index) || !isSize(size) || index >= size) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
    return inclusionPath(range, index, 0, size);
  });
}

/** SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1. */
function subproof(hashes: SubtreeHashes, m: number, start: number, end: number, complete: boolean): Uint8Array[] {
  const width = end - start;
  if (m === width) return complete ? [] : [rangeHash(hashes, start, end)];
  const split = largestPowerOfTwoBelow(width);
  return m <= split
    ? [...subproof(hashes, m, start, start + split, complete), rangeHash(hashes, start + split, end)]
    : [...subproof(hashes, m - split, start + split, end, false), rangeHash(hashes, start, start + split)];
}

export function consistencyProof(hashes: SubtreeHashes, size1: number, size2: number): Uint8Array[] {
  if (!isSize(size1) || !isSize(size2) || size1 < 1 || size1 > size2) throw new RangeError(`no consistency from ${size1} to ${size2}`);
  if (size1 === size2) return [];
  return subproof(hashes, size1, 0, size2, true);
}
