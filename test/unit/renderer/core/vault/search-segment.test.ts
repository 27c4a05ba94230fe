/**
 * The search index's segment format: built, merged, intersected and read back as search-index.ts relies on, and
 * refused whole when what came off disk is not a well-formed segment (even one that authenticated).
 */
import { describe, expect, it } from 'vitest';
import { buildSegment, decodeSegment, docsWithAll, encodeSegment, mergeSegments } from '../../../../../renderer/core/vault/search-segment';

const doc = (id: string, order: number, blindTokens: string[]) => ({ id, order, blindTokens });

describe('search segments', () => {
  it('find the docs holding every token, and survive encoding', () => {
    const segment = buildSegment([doc('a', 1, ['x', 'y']), doc('b', 2, ['y', 'z']), doc('c', 3, ['x', 'y', 'z', 'y'])]);
    const again = decodeSegment(encodeSegment(segment))!;
    for (const s of [segment, again]) {
      expect(docsWithAll(s, ['y']).map((d) => d.id)).toEqual(['a', 'b', 'c']);
      expect(docsWithAll(s, ['x', 'z']).map((d) => d.id)).toEqual(['c']);
      expect(docsWithAll(s, ['x', 'w'])).toEqual([]);
    }
  });

  it('merge keeps each message’s latest order and the union of its tokens, one level up', () => {
    const older = buildSegment([doc('a', 5, ['x']), doc('b', 6, ['x'])]);
    const newer = buildSegment([doc('a', 1, ['y'])]);
    const merged = mergeSegments([older, newer]);
    expect(merged.level).toBe(1);
    expect(merged.docs).toEqual([{ id: 'a', order: 1 }, { id: 'b', order: 6 }]);
    expect(docsWithAll(merged, ['x']).map((d) => d.id)).toEqual(['a', 'b']);
    expect(docsWithAll(merged, ['x', 'y']).map((d) => d.id)).toEqual(['a']);
    expect(mergeSegments([merged, newer]).level).toBe(2);
  });

  it('refuses anything that is not a well-formed segment', () => {
    const good = { v: 1, level: 0, docs: [['a', 1], ['b', -1]], tokens: { x: [0, 1] } };
    expect(decodeSegment(JSON.stringify(good))).not.toBeNull();
    const bad = [
      'not json',
      JSON.stringify([]),
      JSON.stringify({ ...good, v: 2 }),
      JSON.stringify({ ...good, level: -1 }),
      JSON.stringify({ ...good, docs: [['a', 1, 2]] }),
      JSON.stringify({ ...good, docs: [['', 1]] }),
      JSON.stringify({ ...good, docs: [['a', -2]] }),
      JSON.stringify({ ...good, tokens: { x: [0, 2] } }), // no doc 2
      JSON.stringify({ ...good, tokens: { x: [1, 0] } }), // not ascending
      JSON.stringify({ ...good, tokens: { x: [0, 0] } }),
      JSON.stringify({ ...good, tokens: { x: [] } }),
      JSON.stringify({ ...good, tokens: { x: ['0'] } }),
      JSON.stringify({ ...good, tokens: [[0]] }),
    ];
    for (const json of bad) expect(decodeSegment(json), json).toBeNull();
  });
});
