/**
 * RFC 9162 proofs: the transparency-dev/merkle vectors (every inclusion and consistency case accepted or rejected as
 * wantErr says), then the relay-side proof generation checked against the verifier for every index and size pair of
 * small trees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, initCrypto, utf8Encode } from '../../../../../electron/common/crypto/sodium';
import {
  consistencyProof,
  emptyRoot,
  InclusionChecker,
  inclusionProof,
  inclusionProofs,
  leafHash,
  nodeHash,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  type SubtreeHashes,
} from '../../../../../electron/common/merkle/merkle';
import { vectorPath } from '../../../../support/vectors';

beforeAll(initCrypto);

function vectorFiles(kind: 'inclusion' | 'consistency'): { name: string; data: Record<string, unknown> }[] | null {
  const dir = vectorPath(`merkle/testdata/${kind}`);
  if (!dir) return null;
  const files: { name: string; data: Record<string, unknown> }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) files.push({ name: path.relative(dir, full), data: JSON.parse(readFileSync(full, 'utf8')) });
    }
  };
  walk(dir);
  return files;
}

const hashes = (list: unknown) => ((list as string[] | null) ?? []).map((h) => fromBase64(h));
const hash = (value: unknown) => (typeof value === 'string' ? fromBase64(value) : new Uint8Array(0));

describe('RFC 9162 vectors (transparency-dev/merkle)', () => {
  it('inclusion proofs: every case accepted or rejected as wantErr says', (context) => {
    const cases = vectorFiles('inclusion');
    if (!cases) return context.skip();
    const wrong = cases.filter(({ data }) => {
      const ok = verifyInclusion(data.leafIdx as number, data.treeSize as number, hash(data.leafHash), hashes(data.proof), hash(data.root));
      return ok === data.wantErr;
    });
    const accepted = cases.filter(({ data }) => !data.wantErr).length;
    console.log(`merkle inclusion vectors: ${cases.length - wrong.length}/${cases.length} as expected (${accepted} to accept, ${cases.length - accepted} to reject)`);
    expect(wrong.map((c) => c.name)).toEqual([]);
    expect(cases.length).toBeGreaterThan(20);
  });

  it('consistency proofs: every case accepted or rejected as wantErr says', (context) => {
    const cases = vectorFiles('consistency');
    if (!cases) return context.skip();
    const wrong = cases.filter(({ data }) => {
      const ok = verifyConsistency(data.size1 as number, data.size2 as number, hash(data.root1), hash(data.root2), hashes(data.proof));
      return ok === data.wantErr;
    });
    const accepted = cases.filter(({ data }) => !data.wantErr).length;
    console.log(`merkle consistency vectors: ${cases.length - wrong.length}/${cases.length} as expected (${accepted} to accept, ${cases.length - accepted} to reject)`);
    expect(wrong.map((c) => c.name)).toEqual([]);
    expect(cases.length).toBeGreaterThan(20);
  });
});

/** An in-memory tree of n leaves, storing perfect subtree hashes as the relay does. */
function memoryTree(n: number): { leaves: Uint8Array[]; hashes: SubtreeHashes } {
  const leaves = Array.from({ length: n }, (_, i) => leafHash(utf8Encode(`leaf ${i}`)));
  const levels: Uint8Array[][] = [leaves];
  while (levels.at(-1)!.length > 1) {
    const below = levels.at(-1)!;
    const above: Uint8Array[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(nodeHash(below[i]!, below[i + 1]!));
    levels.push(above);
  }
  return { leaves, hashes: (level, index) => levels[level]![index]! };
}

/** The RFC's recursive definition, for comparison. */
function referenceRoot(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

describe('proof generation', () => {
  it('roots match the RFC definition, and every generated proof verifies for trees of 1 to 33 leaves', () => {
    const { leaves, hashes } = memoryTree(33);
    for (let size = 1; size <= 33; size += 1) {
      const root = treeRoot(hashes, size);
      expect(root).toEqual(referenceRoot(leaves.slice(0, size)));
      for (let index = 0; index < size; index += 1) {
        expect(verifyInclusion(index, size, leaves[index]!, inclusionProof(hashes, index, size), root), `inclusion ${index}/${size}`).toBe(true);
      }
      for (let first = 1; first <= size; first += 1) {
        const proof = consistencyProof(hashes, first, size);
        expect(verifyConsistency(first, size, treeRoot(hashes, first), root, proof), `consistency ${first}->${size}`).toBe(true);
      }
    }
  });

  it('proofs made together for many leaves are the proofs made one at a time, in any order, for trees of 1 to 70 leaves', () => {
    const { hashes } = memoryTree(70);
    for (let size = 1; size <= 70; size += 1) {
      const indexes = [...Array(size).keys()].sort((a, b) => ((a * 31) % 71) - ((b * 31) % 71));
      const together = inclusionProofs(hashes, [...indexes, indexes[0]!], size);
      expect(together, `size ${size}`).toEqual([...indexes, indexes[0]!].map((index) => inclusionProof(hashes, index, size)));
    }
    expect(() => inclusionProofs(hashes, [0, 5], 5)).toThrow(RangeError);
  });

  it('a proof does not verify for another leaf, index, or a tampered root', () => {
    const { leaves, hashes } = memoryTree(13);
    const root = treeRoot(hashes, 13);
    const proof = inclusionProof(hashes, 5, 13);
    expect(verifyInclusion(5, 13, leaves[6]!, proof, root)).toBe(false);
    expect(verifyInclusion(4, 13, leaves[5]!, proof, root)).toBe(false);
    const tampered = root.slice();
    tampered[0]! ^= 1;
    expect(verifyInclusion(5, 13, leaves[5]!, proof, tampered)).toBe(false);
    expect(verifyConsistency(7, 13, treeRoot(hashes, 7), tampered, consistencyProof(hashes, 7, 13))).toBe(false);
  });
});

describe('InclusionChecker', () => {
  it('agrees with verifyInclusion on every proof of trees of 1 to 40 leaves, in any order, with its memory warm', () => {
    const { leaves, hashes } = memoryTree(40);
    for (let size = 1; size <= 40; size += 1) {
      const root = treeRoot(hashes, size);
      const checker = new InclusionChecker(size, root);
      const order = [...Array(size).keys()].sort((a, b) => ((a * 7919) % 41) - ((b * 7919) % 41));
      for (const index of [...order, ...order]) {
        const proof = inclusionProof(hashes, index, size);
        expect(checker.verify(index, leaves[index]!, proof), `inclusion ${index}/${size}`).toBe(true);
        // However warm its memory, a wrong leaf or a wrong index is refused.
        if (size === 1) continue;
        expect(checker.verify(index, leaves[(index + 1) % size]!, proof), `leaf ${index}/${size}`).toBe(false);
        expect(checker.verify((index + 1) % size, leaves[index]!, proof), `index ${index}/${size}`).toBe(false);
        // With nothing remembered, every sibling counts, as in verifyInclusion.
        for (const [i, sibling] of proof.entries()) {
          const bent = proof.map((h, j) => (j === i ? Uint8Array.from(sibling, (byte, k) => (k === 0 ? byte ^ 1 : byte)) : h));
          expect(new InclusionChecker(size, root).verify(index, leaves[index]!, bent), `sibling ${i} of ${index}/${size}`).toBe(false);
          expect(verifyInclusion(index, size, leaves[index]!, bent, root)).toBe(false);
        }
      }
    }
  });

  it('remembers nothing from a proof that failed', () => {
    const { leaves, hashes } = memoryTree(16);
    const checker = new InclusionChecker(16, treeRoot(hashes, 16));
    // A forged lowest sibling makes a wrong level-1 node; it must not be taken as known.
    const forged = inclusionProof(hashes, 3, 16).map((h, i) => (i === 0 ? h.map((byte) => byte ^ 1) : h));
    expect(checker.verify(3, leaves[3]!, forged)).toBe(false);
    expect(checker.verify(3, leaves[3]!, forged)).toBe(false);
    expect(checker.verify(2, leaves[2]!, inclusionProof(hashes, 2, 16))).toBe(true);
    expect(checker.verify(3, leaves[3]!, inclusionProof(hashes, 3, 16))).toBe(true);
    expect(checker.verify(3, leaves[3]!, forged)).toBe(false);
  });
});
