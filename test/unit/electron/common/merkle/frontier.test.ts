/**
 * The in-memory frontier the relay appends with: its roots match RFC 9162's definition at every size, the subtrees
 * each append completes are exactly the ones a full tree stores, and a frontier rebuilt from stored subtrees carries on
 * identically (as the relay's does after a restart).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, utf8Encode } from '../../../../../electron/common/crypto/sodium';
import { MerkleFrontier, type Subtree } from '../../../../../electron/common/merkle/frontier';
import { leafHash, treeRoot, type SubtreeHashes } from '../../../../../electron/common/merkle/merkle';

beforeAll(initCrypto);

const leaf = (i: number) => leafHash(utf8Encode(`leaf ${i}`));

/** Appends n leaves to an empty frontier, keeping every completed subtree as the relay's store does. */
function grow(n: number) {
  const frontier = MerkleFrontier.empty();
  const stored = new Map<string, Uint8Array>();
  const roots: Uint8Array[] = [frontier.root()];
  for (let i = 0; i < n; i += 1) {
    for (const subtree of frontier.append(leaf(i))) stored.set(`${subtree.level}/${subtree.index}`, subtree.hash);
    roots.push(frontier.root());
  }
  const hashes: SubtreeHashes = (level, index) => {
    const hash = stored.get(`${level}/${index}`);
    if (!hash) throw new Error(`subtree ${level}/${index} was never completed`);
    return hash;
  };
  return { frontier, stored, roots, hashes };
}

describe('MerkleFrontier', () => {
  it('has the RFC 9162 root at every size from 0 to 70', () => {
    const { roots, hashes } = grow(70);
    roots.forEach((root, size) => expect(root, `size ${size}`).toEqual(treeRoot(hashes, size)));
  });

  it('completes exactly the perfect subtrees of the tree: the leaf, then one per level its index closes', () => {
    const frontier = MerkleFrontier.empty();
    const completed: Subtree[][] = [];
    for (let i = 0; i < 8; i += 1) completed.push(frontier.append(leaf(i)));
    expect(completed.map((list) => list.map((s) => `${s.level}/${s.index}`))).toEqual([
      ['0/0'],
      ['0/1', '1/0'],
      ['0/2'],
      ['0/3', '1/1', '2/0'],
      ['0/4'],
      ['0/5', '1/2'],
      ['0/6'],
      ['0/7', '1/3', '2/1', '3/0'],
    ]);
    expect(grow(70).stored.size).toBe(70 + 35 + 17 + 8 + 4 + 2 + 1);
  });

  it('rebuilt from stored subtrees at any size, it goes on exactly as the original', () => {
    const { roots, hashes } = grow(40);
    for (let size = 0; size <= 40; size += 1) {
      const rebuilt = MerkleFrontier.of(size, hashes);
      expect(rebuilt.size).toBe(size);
      expect(rebuilt.root(), `size ${size}`).toEqual(roots[size]);
      for (let i = size; i < 40; i += 1) rebuilt.append(leaf(i));
      expect(rebuilt.root(), `from ${size}`).toEqual(roots[40]);
    }
  });

  it('a copy appends without changing the original', () => {
    const { frontier, roots } = grow(5);
    const copy = frontier.copy();
    copy.append(leaf(5));
    expect(frontier.size).toBe(5);
    expect(frontier.root()).toEqual(roots[5]);
    expect(copy.root()).toEqual(grow(6).roots[6]);
  });
});
